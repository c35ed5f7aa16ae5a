package nl.loket.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.loket.console.Clients;
import nl.loket.console.Node;
import nl.loket.gateway.SignedCustomers;
import nl.loket.llm.OpenAiWire;

/**
 * Scripted conversations with a made-up customer whose every detail is unique to the run, so a scan of the
 * shared test Redis (or of the logs) finds them only where this run put them.
 */
public final class Scripted {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Scripted() {
    }

    /** A customer with unique id, name, e-mail, customer number and a marker word used in their messages. */
    public record Person(String id, String name, String email, String number, String marker) {

        public static Person unique() {
            String letters = letters(8);
            return new Person("K-" + letters, "Joke " + capital(letters(6)) + "-Wissel", letters + "@example.nl",
                    "8" + (1_000_000 + RANDOM.nextInt(8_999_999)), "zq" + letters(6));
        }

        public Map<String, Object> hello() {
            return Map.of("id", id, "name", name, "email", email);
        }

        /** {@code hello.customer} as the host site's backend signs it for this node: a verified customer. */
        public Map<String, Object> signed(Node node) {
            return SignedCustomers.signed(node.context, id, name, email);
        }

        /** What must never be left after an erasure or the retention, nor appear in a log line. */
        public List<String> personalData() {
            return List.of(id, name, email, number, marker);
        }

        private static String letters(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append((char) ('a' + RANDOM.nextInt(26)));
            }
            return s.toString();
        }

        private static String capital(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** The model's answer: cited, so it is kept. */
    public static void stubModel(WireMockServer model) {
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(OpenAiWire.sse(OpenAiWire.stream(
                List.of("Je geeft", " je stand door", " in de app [1]", ".")))));
    }

    public static String[] modelProperties(WireMockServer model) {
        return new String[] {"loket.llm.base-url=" + model.baseUrl() + "/v1", "loket.llm.api-key=test-key",
            // generous, so a loaded machine only makes the test slower
            "loket.llm.timeouts.first-token=30s", "loket.llm.timeouts.idle=20s", "loket.llm.timeouts.total=60s"};
    }

    /**
     * A signed-in customer: an FAQ answer, an LLM answer, a payment arrangement (a self-service action, on
     * the demo back-end), a handover with the customer number asked, the agent's message and internal note,
     * closed by the agent, and the customer's satisfaction score (3, with a comment). Returns the
     * conversation id.
     */
    public static String full(Node node, Clients.Agent agent, Person p) {
        try (var customer = new Clients.Customer(node, "nl", p.signed(node), null, null, 0)) {
            customer.say("Hoe geef ik mijn meterstand door?");
            assertThat(customer.bot().path("tier").asString()).isEqualTo("faq");
            customer.say("Mag mijn kat op de meterkast slapen, vraagt " + p.marker() + "?");
            assertThat(customer.bot().path("tier").asString()).isEqualTo("llm");
            action(customer);
            customer.say("Ik wil een medewerker spreken over " + p.marker());
            assertThat(customer.bot().path("text").asString()).contains("klantnummer");
            customer.say(p.number());
            customer.status("queued");
            String id = customer.conversationId;
            agent.inboxWith(id);
            agent.send("type", "accept", "conversationId", id);
            agent.await("accepted");
            customer.status("agent");
            agent.send("type", "message", "conversationId", id, "text", "Hallo " + p.name() + ", over " + p.marker());
            customer.event("the agent's message", f -> "agent".equals(f.path("author").asString()));
            agent.send("type", "note", "conversationId", id, "text", p.name() + " belt vaker over " + p.marker());
            agent.event(id, "the note", f -> "note".equals(f.path("kind").asString()));
            agent.send("type", "close", "conversationId", id);
            customer.status("closed");
            customer.send("type", "csat", "score", 3, "comment", "Prima, " + p.marker());
            customer.await("csat_saved");
            return id;
        }
    }

    /** The payment arrangement from the offer to its result. */
    private static void action(Clients.Customer customer) {
        customer.say("Ik wil een betalingsregeling aanvragen");
        assertThat(customer.bot().path("text").asString()).contains("betalingsregeling");
        customer.say("Ja, graag");
        assertThat(customer.bot().path("text").asString()).contains("maanden");
        customer.say("6");
        assertThat(customer.bot().path("text").asString()).contains("Klopt dat?");
        customer.say("Ja, versturen");
        assertThat(customer.event("the action's result", f -> "action".equals(f.path("kind").asString()))
                .path("text").asString()).startsWith("Je aanvraag is ontvangen");
    }

    /** Outside opening hours: the customer leaves a message (a callback task) and goes. */
    public static String callback(Node node, Person p) {
        try (var customer = new Clients.Customer(node, "nl", p.hello(), null, null, 0)) {
            customer.say("Ik wil een medewerker spreken");
            customer.event("the notice", f -> "notice".equals(f.path("kind").asString()));
            customer.say("Ik laat een bericht achter");
            customer.bot();
            customer.say(p.email());
            customer.bot();
            customer.say("Bel me terug over " + p.marker());
            assertThat(customer.bot().path("text").asString()).contains("je bericht is bij");
            return customer.conversationId;
        }
    }

    /** One message of the customer's, answered by the bot; left open. */
    public static String brief(Node node, Person p) {
        try (var customer = new Clients.Customer(node, "nl", p.hello(), null, null, 0)) {
            customer.say("Mijn klantnummer is " + p.number() + ", " + p.marker());
            customer.bot();
            return customer.conversationId;
        }
    }
}

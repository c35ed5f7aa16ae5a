package nl.loket.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import nl.loket.TestClock;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.handover.Handover;
import nl.loket.handover.Presence;
import nl.loket.llm.OpenAiWire;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The LLM behind the agent: the handover packet's summary and the suggested reply, with WireMock as
 * an OpenAI-compatible model (non-streaming calls, OpenAI's wire format). The tier's own streaming
 * call abstains, so the customer gets the fallback and asks for a person.
 */
class AgentAssistIntegrationTests {

    static final String CHAT = "/v1/chat/completions";
    static final String SUMMARY = "Joke wil weten of haar hond mee mag naar kantoor; de assistent wist het niet.";
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(TestClock.MONDAY_10);
    static Node node;

    @BeforeAll
    static void start() {
        MODEL.start();
        node = Node.start("assist", CLOCK, "loket.llm.base-url=" + MODEL.baseUrl() + "/v1", "loket.llm.api-key=k",
                "loket.llm.timeouts.first-token=3s", "loket.llm.timeouts.assist=3s");
    }

    @AfterAll
    static void stop() {
        node.close();
        MODEL.stop();
    }

    @BeforeEach
    void model() {
        Handover handover = node.bean(Handover.class);
        for (String agent : List.of("anna", "bram", "sanne")) {
            handover.presence(agent, handover.queueNames(), Presence.OFFLINE);
        }
        handover.waiting(handover.queueNames()).forEach(chat ->
                node.bean(Conversations.class).close(chat.conversationId(), "test_cleanup"));
        MODEL.resetAll();
        MODEL.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER")))));
        MODEL.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .withRequestBody(containing("Summarise this customer-service conversation"))
                .willReturn(OpenAiWire.completion(SUMMARY)));
    }

    @Test
    void thePacketSummaryIsTheModelsOnTheRedactedConversation() {
        try (var anna = Clients.Agent.signIn(node, "anna", "demo");
                var customer = Clients.Customer.start(node, "nl")) {
            toQueue(customer, "Mag mijn hond mee naar jullie kantoor? Mail me op joke@example.nl");

            // the customer is queued at once; the model's summary fills in the packet when it is ready
            JsonNode packet = waiting(anna.await("inbox with the model's summary", f -> "inbox".equals(
                    f.path("type").asString()) && f.path("waiting").valueStream().anyMatch(c -> customer.conversationId
                    .equals(c.path("conversationId").asString())
                    && SUMMARY.equals(c.path("packet").path("summary").asString()))), customer.conversationId);

            assertThat(packet.path("summary").asString()).isEqualTo(SUMMARY);
            assertThat(packet.path("summarySource").asString()).isEqualTo("assistant");
            List<String> asked = summaryRequests();
            assertThat(asked).hasSize(1);
            assertThat(asked.getFirst()).contains("Mag mijn hond mee naar jullie kantoor").contains("[e-mail]")
                    .contains("Reason for the handover: no_answer").doesNotContain("joke@example.nl");
        }
    }

    @Test
    void aFailingModelLeavesThePacketWithoutASummary() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).withRequestBody(containing("Summarise")).atPriority(1)
                .willReturn(OpenAiWire.error(500, "server_error")));
        try (var anna = Clients.Agent.signIn(node, "anna", "demo");
                var customer = Clients.Customer.start(node, "nl")) {
            toQueue(customer, "Mag mijn kat mee naar jullie kantoor?");

            JsonNode packet = waiting(anna.inboxWith(customer.conversationId), customer.conversationId);

            Awaitility.await().until(() -> !summaryRequests().isEmpty());
            // the console then puts one together from the packet, in the agent's language (ConsoleBrowserIntegrationTests)
            assertThat(node.bean(Handover.class).packet(customer.conversationId).orElseThrow().summary())
                    .as("no summary after the model failed").isNull();
            assertThat(packet.hasNonNull("summary")).isFalse();
            assertThat(packet.hasNonNull("summarySource")).isFalse();
            assertThat(packet.path("question").asString()).isEqualTo("Mag mijn kat mee naar jullie kantoor?");
        }
    }

    @Test
    void theSuggestionIsTheFaqAnswerWhenTheFaqIsSureAndNothingIsStoredUntilTheAgentSendsIt() {
        try (var anna = Clients.Agent.signIn(node, "anna", "demo");
                var customer = Clients.Customer.start(node, "nl")) {
            withAnna(anna, customer);
            String question = "Hoe geef ik mijn meterstand door?";
            FaqMatch match = node.bean(Faq.class).match(question, "nl");
            assertThat(match.outcome()).isEqualTo(FaqMatch.Outcome.ANSWER);
            FaqEntry entry = match.best().entry();
            long asked = customer.say(question);
            anna.event(customer.conversationId, "the question", f -> f.path("seq").asLong() == asked);
            int before = callsBesidesSummaries();

            JsonNode suggestion = suggest(anna, customer);

            assertThat(suggestion.path("text").asString()).isEqualTo(entry.answer());
            assertThat(suggestion.path("source").asString()).isEqualTo("faq:" + entry.id());
            assertThat(callsBesidesSummaries()).as("no model call for a sure FAQ answer").isEqualTo(before);
            assertNothingStoredAfter(customer, asked);

            anna.send("type", "message", "conversationId", customer.conversationId, "clientMsgId", "s1",
                    "text", "Hoi! " + suggestion.path("text").asString());
            JsonNode sent = customer.event("the agent's reply", f -> "agent".equals(f.path("author").asString()));
            assertThat(sent.path("text").asString()).startsWith("Hoi! ").contains(entry.answer().substring(0, 20));
        }
    }

    @Test
    void otherwiseTheSuggestionIsAGroundedLlmDraftThatIsNotSentByItself() {
        stubDraft("zzdraftzz", "Dat staat in de app [1].");
        try (var anna = Clients.Agent.signIn(node, "anna", "demo");
                var customer = Clients.Customer.start(node, "nl")) {
            long asked = askWhatTheFaqIsUnsureOf(anna, customer,
                    "Kan ik dat ergens in de app terugvinden zzdraftzz, bel me op 06-12345678");

            JsonNode suggestion = suggest(anna, customer);

            assertThat(suggestion.path("text").asString()).isEqualTo("Dat staat in de app.");
            assertThat(suggestion.path("source").asString()).startsWith("llm:");
            List<LoggedRequest> drafts = MODEL.findAll(postRequestedFor(urlEqualTo(CHAT))
                    .withRequestBody(containing("zzdraftzz")));
            assertThat(drafts).hasSize(1);
            assertThat(drafts.getFirst().getBodyAsString()).contains("<source number=\\\"1\\\"")
                    .contains("[phone]").doesNotContain("12345678");
            assertNothingStoredAfter(customer, asked);
        }
    }

    @Test
    void noSuggestionWhenTheModelGivesNoCitedDraft() {
        stubDraft("zzuncitedzz", "Ja hoor, dat kan altijd.");
        try (var anna = Clients.Agent.signIn(node, "anna", "demo");
                var customer = Clients.Customer.start(node, "nl")) {
            long asked = askWhatTheFaqIsUnsureOf(anna, customer, "Kan mijn hond mee naar jullie kantoor? zzuncitedzz");

            JsonNode suggestion = suggest(anna, customer);

            assertThat(MODEL.findAll(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing("zzuncitedzz"))))
                    .as("the model was asked").hasSize(1);
            assertThat(suggestion.has("text")).as(suggestion.toString()).isFalse();
            assertNothingStoredAfter(customer, asked);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void toQueue(Clients.Customer customer, String question) {
        customer.say(question);
        assertThat(customer.bot().path("quickReplies")).as("the fallback offers a person").isNotEmpty();
        customer.say("Ik wil een medewerker spreken");
        customer.bot();
        customer.say("12345678");
        customer.status("queued");
    }

    private static void withAnna(Clients.Agent anna, Clients.Customer customer) {
        customer.say("Ik wil een medewerker spreken");
        customer.bot();
        customer.say("12345678");
        customer.status("queued");
        anna.inboxWith(customer.conversationId);
        anna.send("type", "accept", "conversationId", customer.conversationId);
        anna.await("accepted");
        customer.status("agent");
    }

    /** The model's non-streaming reply to requests that contain {@code tag}. */
    private static void stubDraft(String tag, String reply) {
        MODEL.stubFor(post(urlEqualTo(CHAT)).withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
                .withRequestBody(containing(tag)).willReturn(OpenAiWire.completion(reply)));
    }

    /** Brings the chat to anna, then the customer asks something the FAQ is not sure of; returns its seq. */
    private static long askWhatTheFaqIsUnsureOf(Clients.Agent anna, Clients.Customer customer, String question) {
        withAnna(anna, customer);
        assertThat(node.bean(Faq.class).match(question, "nl").outcome()).isNotEqualTo(FaqMatch.Outcome.ANSWER);
        long asked = customer.say(question);
        anna.event(customer.conversationId, "the question", f -> f.path("seq").asLong() == asked);
        return asked;
    }

    private static JsonNode suggest(Clients.Agent anna, Clients.Customer customer) {
        anna.send("type", "suggest", "conversationId", customer.conversationId);
        return anna.await("suggestion", f -> "suggestion".equals(f.path("type").asString())
                && customer.conversationId.equals(f.path("conversationId").asString()));
    }

    private static void assertNothingStoredAfter(Clients.Customer customer, long seq) {
        List<ConversationEvent> after = node.bean(Conversations.class).eventsAfter(customer.conversationId, seq);
        assertThat(after).as("a suggestion is never stored or sent by itself").isEmpty();
        assertThat(customer.drain()).noneMatch(f -> "agent".equals(f.path("author").asString())
                || "bot".equals(f.path("author").asString()) && f.path("seq").asLong() > seq);
    }

    private static List<String> summaryRequests() {
        return MODEL.findAll(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing("Summarise"))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    /** The packet's summary is written in the background after the handover, so it is not counted. */
    private static int callsBesidesSummaries() {
        return MODEL.getAllServeEvents().size() - summaryRequests().size();
    }

    private static JsonNode waiting(JsonNode inbox, String conversationId) {
        return inbox.path("waiting").valueStream()
                .filter(c -> conversationId.equals(c.path("conversationId").asString())).findFirst().orElseThrow()
                .path("packet");
    }
}

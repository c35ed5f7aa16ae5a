package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.llm.LlmTestContext.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestClock;
import nl.loket.conversation.ConversationEvent;
import nl.loket.gateway.SignedCustomers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model offers an action by calling its tool, streamed in OpenAI's wire format, seen by a real WebSocket
 * client through the router; and the LLM budgets, in the real (embedded) Redis. Each test comes from its own
 * client address (the forwarded header of the one trusted proxy), so the address budget is its own.
 */
@TestPropertySource(properties = {"loket.actions.systems.polder.base-url=http://127.0.0.1:9/api",
    "loket.gateway.customer-secret=test-customer-secret", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
    "loket.gateway.limits.llm-calls-per-conversation=2, 1/1h", "loket.gateway.limits.llm-calls-per-address=3, 1/1h"})
class LlmToolIntegrationTests extends LlmIntegrationTest {

    private static final List<String> ACTIONS = List.of("betalingsregeling-aanvragen", "meterstand-doorgeven",
            "termijnbedrag-aanpassen", "verhuizing-doorgeven");
    private static final String OFFER = "I can submit your meter reading for you right here. Shall we?";

    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestClock clock;

    private static boolean isBot(JsonNode e) {
        return e.path("author").asString().equals("bot");
    }

    private ChatClient from(String address) {
        var headers = new WebSocketHttpHeaders();
        headers.add("X-Forwarded-For", address);
        return ChatClient.connect(URI.create("ws://localhost:" + port + "/ws/chat"), headers);
    }

    private ChatClient signedIn(String address) {
        ChatClient chat = from(address);
        chat.hello(Map.of("lang", "en", "customer", SignedCustomers.signed(context, "C-1001", "Sanne de Vries",
                "sanne@example.nl")));
        return chat;
    }

    /** Sends a message and takes the bot's next event. */
    private static JsonNode ask(ChatClient chat, String clientMsgId, String text) {
        chat.send(Map.of("type", "message", "clientMsgId", clientMsgId, "text", text));
        return chat.awaitEvent(LlmToolIntegrationTests::isBot);
    }

    private static List<String> replies(JsonNode event) {
        List<String> values = new ArrayList<>();
        event.path("quickReplies").forEach(q -> values.add(q.path("value").asString()));
        return values;
    }

    private List<String> requestBodies() {
        return MODEL.findAll(postRequestedFor(urlEqualTo(CHAT))).stream().map(r -> r.getBodyAsString()).toList();
    }

    private double count(String meter, String tag, String value) {
        var counter = meters.find(meter).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aStreamedToolCallOffersTheActionAndTheModelNeverSeesTheCustomersValues() {
        stub(OpenAiWire.sse(OpenAiWire.toolCall(null, "meterstand-doorgeven", List.of("{", "}"))));
        double offered = count("loket.llm.tool-calls", "outcome", "offered");
        try (ChatClient chat = signedIn("198.51.100.21")) {
            JsonNode offer = ask(chat, "m1", "My cat Sanne de Vries walked past the cupboard, call me on "
                    + "06 12345678 or sanne@example.nl " + tag());

            assertThat(offer.path("text").asString()).isEqualTo(OFFER);
            assertThat(replies(offer)).containsExactly("Yes, let's do that", "No, thanks");
            JsonNode field = ask(chat, "m2", "Yes, let's do that");
            assertThat(field.path("text").asString()).contains("EAN");
            ask(chat, "m3", "871687140000012345");

            List<String> bodies = requestBodies();
            assertThat(bodies).as("the form runs without the model").hasSize(1);
            JsonNode body = JsonMapper.builder().build().readTree(bodies.getFirst());
            List<String> names = new ArrayList<>();
            body.path("tools").forEach(t -> {
                assertThat(t.path("type").asString()).isEqualTo("function");
                assertThat(t.path("function").path("parameters").path("properties").size()).isZero();
                names.add(t.path("function").path("name").asString());
            });
            assertThat(names).containsExactlyElementsOf(ACTIONS);
            assertThat(body.path("tools").path(1).path("function").path("description").asString())
                    .isEqualTo("Submit the reading of an electricity or gas meter.");
            assertThat(bodies.getFirst()).doesNotContain("Sanne", "Vries", "sanne@example.nl", "12345678", "C-1001",
                    "871687140000012345");
            assertThat(count("loket.llm.tool-calls", "outcome", "offered")).isEqualTo(offered + 1);
        }
    }

    @Test
    void aLaterQuestionNeverShowsTheModelWhatTheCustomerTypedIntoTheForm() {
        stub(OpenAiWire.sse(OpenAiWire.toolCall(null, "meterstand-doorgeven", List.of("{}"))));
        try (ChatClient chat = signedIn("198.51.100.27")) {
            assertThat(ask(chat, "m1", "My cat walked past the cupboard " + tag()).path("text").asString())
                    .isEqualTo(OFFER);
            ask(chat, "m2", "Yes, let's do that");
            ask(chat, "m3", "871687140000012345");
            ask(chat, "m4", "48213"); // a reading: no pattern of the redactor's would take it
            ask(chat, "m6", "Stop");
            stub(OpenAiWire.sse(OpenAiWire.stream(List.of("You submit it in the app [1]", "."))));

            assertThat(ask(chat, "m5", "And my dog walked past it " + tag()).path("tier").asString()).isEqualTo("llm");

            List<String> bodies = requestBodies();
            assertThat(bodies).hasSize(2);
            assertThat(bodies.getLast()).as("neither the values nor the form's questions").contains("dog")
                    .doesNotContain("871687140000012345", "48213", "EAN", "decimal point");
        }
    }

    @Test
    void textBeforeTheToolCallIsWithdrawnAndTheOfferCanBeDeclined() {
        stub(OpenAiWire.sse(OpenAiWire.toolCall("Let me see", "meterstand-doorgeven", List.of("{}"))));
        try (ChatClient chat = signedIn("198.51.100.22")) {
            JsonNode offer = ask(chat, "m1", "My cat walked past the cupboard " + tag());

            assertThat(offer.path("text").asString()).isEqualTo(OFFER);
            assertThat(chat.frames()).anyMatch(f -> f.path("type").asString().equals("delta")
                    && f.path("discard").asBoolean());
            assertThat(ask(chat, "m2", "No, thanks").path("text").asString()).as("the customer can decline")
                    .isEqualTo("All right. What else can I help you with?");
        }
    }

    @Test
    void aToolTheRequestDidNotOfferIsIgnoredWithTheHonestFallback() {
        stub(OpenAiWire.sse(OpenAiWire.toolCall(null, "refund_everything", List.of("{\"amount\":", " 900}"))));
        double unknown = count("loket.llm.tool-calls", "outcome", "unknown");
        try (ChatClient chat = from("198.51.100.23")) {
            chat.hello(Map.of("lang", "en"));
            JsonNode fallback = ask(chat, "m1", "My cat walked past the cupboard " + tag());

            assertFallback(chat, fallback, "tool:unknown");
            assertThat(count("loket.llm.tool-calls", "outcome", "unknown")).isEqualTo(unknown + 1);
        }
    }

    @Test
    void malformedArgumentsAreIgnoredWithTheHonestFallback() {
        stub(OpenAiWire.sse(OpenAiWire.toolCall(null, "meterstand-doorgeven", List.of("{\"ean\": \"8716", "87"))));
        try (ChatClient chat = from("198.51.100.24")) {
            chat.hello(Map.of("lang", "en"));
            JsonNode fallback = ask(chat, "m1", "My cat walked past the cupboard " + tag());

            assertFallback(chat, fallback, "tool:malformed");
        }
    }

    private void assertFallback(ChatClient chat, JsonNode fallback, String reason) {
        assertThat(fallback.path("text").asString()).contains("Talk to a person");
        assertThat(replies(fallback)).containsExactly("I'd like to talk to a person");
        String conversationId = chat.frames().stream().filter(f -> f.path("type").asString().equals("welcome"))
                .findFirst().orElseThrow().path("conversationId").asString();
        var stored = (ConversationEvent.BotMessage) conversations.eventsAfter(conversationId, 0).getLast();
        assertThat(stored.attributes()).containsEntry("outcome", "no_answer").containsEntry("llm", reason);
    }

    @Test
    void aSpentConversationBudgetSkipsTheModelAndOffersAPerson() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("You submit it in the app [1]", "."))));
        double refused = count("loket.gateway.refused", "limit", "llm-calls-per-conversation");
        double skipped = count("loket.llm.skipped", "reason", "budget");
        try (ChatClient chat = from("198.51.100.25")) {
            chat.hello(Map.of("lang", "en"));
            assertThat(ask(chat, "m1", "My cat walked past the cupboard " + tag()).path("tier").asString())
                    .isEqualTo("llm");
            assertThat(ask(chat, "m2", "And my dog walked past it " + tag()).path("tier").asString())
                    .isEqualTo("llm");

            JsonNode fallback = ask(chat, "m3", "And my hamster walked past it " + tag());

            assertFallback(chat, fallback, "budget_spent");
            assertThat(requestBodies()).as("the third message never reached the model").hasSize(2);
            assertThat(count("loket.gateway.refused", "limit", "llm-calls-per-conversation")).isEqualTo(refused + 1);
            assertThat(count("loket.llm.skipped", "reason", "budget")).isEqualTo(skipped + 1);
        }
    }

    @Test
    void aSpentAddressBudgetSkipsTheModelInANewConversationAndRefillsWithTime() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("You submit it in the app [1]", "."))));
        String address = "198.51.100.26";
        try (ChatClient first = from(address); ChatClient second = from(address)) {
            first.hello(Map.of("lang", "en"));
            second.hello(Map.of("lang", "en"));
            ask(first, "m1", "My cat walked past the cupboard " + tag());
            ask(first, "m2", "And my dog walked past it " + tag());
            assertThat(ask(second, "m1", "My cat walked past the cupboard " + tag()).path("tier").asString())
                    .isEqualTo("llm");

            JsonNode fallback = ask(second, "m2", "And my dog walked past it " + tag());

            assertFallback(second, fallback, "budget_spent");
            assertThat(requestBodies()).hasSize(3);

            clock.advance(Duration.ofMinutes(61)); // the address earned one call back (only forward: others' buckets)
            assertThat(ask(second, "m3", "And my hamster walked past it " + tag()).path("tier").asString())
                    .isEqualTo("llm");
        }
    }
}

package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.llm.LlmTestContext.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The LLM tier behind the router, seen by a real WebSocket client: deltas, withdrawal, fallback.
 * The questions are ones the FAQ matcher is not confident about, so the LLM tier gets them.
 */
class LlmRoutingIntegrationTests extends LlmIntegrationTest {

    private static boolean isBot(JsonNode e) {
        return e.path("author").asString().equals("bot");
    }

    private String deltas(ChatClient chat) {
        return String.join("", chat.frames().stream().filter(f -> f.path("type").asString().equals("delta")
                && !f.path("discard").asBoolean()).map(f -> f.path("text").asString()).toList());
    }

    @Test
    void aCitedAnswerStreamsAsDeltasAndEndsAsAnLlmEvent() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(
                List.of("Je geeft", " je stand door", " in de app [1]", ".")))));
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversationId = chat.hello(Map.of("lang", "nl")).path("conversationId").asString();
            chat.send(Map.of("type", "message", "clientMsgId", "m1", "text", "Mag mijn kat op de meterkast slapen?"));

            JsonNode answer = chat.awaitEvent(LlmRoutingIntegrationTests::isBot);

            assertThat(answer.path("tier").asString()).as(conversations.eventsAfter(conversationId, 0).toString())
                    .isEqualTo("llm");
            assertThat(answer.path("text").asString()).isEqualTo("Je geeft je stand door in de app.");
            assertThat(answer.path("sources").path(0).path("id").asString()).isEqualTo("meterstand-doorgeven");
            assertThat(deltas(chat)).isEqualTo("Je geeft je stand door in de app.");
            assertThat(chat.frames()).filteredOn(f -> f.path("type").asString().equals("delta"))
                    .allMatch(f -> f.path("replyTo").asLong() == answer.path("seq").asLong() - 1);
            assertThat(conversations.eventsAfter(conversationId, 0)).extracting(ConversationEvent::author)
                    .containsExactly(Author.CUSTOMER, Author.BOT);
            var stored = (ConversationEvent.BotMessage) conversations.eventsAfter(conversationId, 0).getLast();
            assertThat(stored.attributes()).as("the router stores the tier's answer as the tier wrote it")
                    .containsEntry("outcome", "llm").containsEntry("model", "gpt-4o-mini").containsKey("latencyMs");
        }
    }

    @Test
    void aBlockedAnswerIsWithdrawnAndTheFallbackOffersAPerson() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(
                List.of("Je krijgt", " 50 euro", " korting.")))));
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversationId = chat.hello(Map.of("lang", "nl")).path("conversationId").asString();
            chat.send(Map.of("type", "message", "clientMsgId", "m1", "text", "Krijgt mijn kat korting?"));

            JsonNode fallback = chat.awaitEvent(LlmRoutingIntegrationTests::isBot);

            JsonNode discard = chat.frames().stream().filter(f -> f.path("type").asString().equals("delta")
                    && f.path("discard").asBoolean()).findFirst().orElseThrow();
            assertThat(discard.path("replyTo").asLong()).isEqualTo(fallback.path("seq").asLong() - 1);
            assertThat(chat.frames().indexOf(discard)).isLessThan(chat.frames().indexOf(fallback));
            assertThat(fallback.has("tier")).isFalse();
            assertThat(fallback.path("text").asString()).contains("medewerker");
            assertThat(fallback.path("quickReplies").path(0).path("value").asString()).isEqualTo("Ik wil een medewerker spreken");
            var stored = (ConversationEvent.BotMessage) conversations.eventsAfter(conversationId, 0).getLast();
            assertThat(stored.attributes()).containsEntry("outcome", "no_answer").containsEntry("llm", "blocked:uncited");
        }
    }

    @Test
    void aFailingModelEndsInTheSameFallback() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.error(503, "server_error")));
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversationId = chat.hello(Map.of("lang", "en")).path("conversationId").asString();
            chat.send(Map.of("type", "message", "clientMsgId", "m1", "text", "Can my cat sleep on the meter cupboard?"));

            JsonNode fallback = chat.awaitEvent(LlmRoutingIntegrationTests::isBot);

            assertThat(fallback.path("text").asString()).contains("Talk to a person");
            assertThat(((ConversationEvent.BotMessage) conversations.eventsAfter(conversationId, 0).getLast()).attributes())
                    .containsEntry("llm", "failed:server");
        }
    }

    /**
     * A phishing answer streamed token by token, in OpenAI's wire format: the check blocks it at
     * the end, and no delta frame before the discard ever showed its link, address or number.
     */
    @Test
    void noDeltaEverShowsALinkOrContactTheCheckWouldBlock() {
        List<String> tokens = List.of("Je account", " is", " geblokkeerd.", " Log", " in", " op", " [deze", " pagina](",
                "https", ":", "evil", ".", "example", "/login", ")", " [", "1", "]", " of", " mail", " naar", " hulp",
                "@", "evil", ".example", " of", " bel", " 020", " 123", " 45", "67", " of", " kijk", " op", " evil",
                ".example", "/", "hulp", " [", "1", "].", " Groet.");
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(tokens))));
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.hello(Map.of("lang", "nl"));
            chat.send(Map.of("type", "message", "clientMsgId", "m1", "text", "Mag mijn kat op de meterkast slapen?"));

            JsonNode fallback = chat.awaitEvent(LlmRoutingIntegrationTests::isBot);

            List<JsonNode> frames = chat.frames();
            List<JsonNode> deltas = frames.stream().filter(f -> f.path("type").asString().equals("delta")).toList();
            assertThat(deltas).as("the harmless start streams").isNotEmpty();
            assertThat(deltas.getLast().path("discard").asBoolean()).as("withdrawn at the end").isTrue();
            assertThat(frames.indexOf(deltas.getLast())).isLessThan(frames.indexOf(fallback));
            String shown = deltas(chat);
            assertThat(shown).startsWith("Je account is geblokkeerd.")
                    .doesNotContain("evil", "https", "@", "020", "123", "4567");
            assertThat(fallback.has("tier")).isFalse();
        }
    }

    @Test
    void aCitedAnswerWithItsSourcesLinkStillStreams() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("Je geeft", " je stand",
                " door op", " https://", "example.nl", "/mijn", " [1]", ", in", " de app", " of", " op", " de site", ".")))));
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.hello(Map.of("lang", "nl"));
            chat.send(Map.of("type", "message", "clientMsgId", "m1", "text", "Mag mijn kat op de meterkast slapen?"));

            JsonNode answer = chat.awaitEvent(LlmRoutingIntegrationTests::isBot);

            assertThat(answer.path("tier").asString()).isEqualTo("llm");
            assertThat(deltas(chat)).isEqualTo(answer.path("text").asString())
                    .isEqualTo("Je geeft je stand door op https://example.nl/mijn, in de app of op de site.");
            assertThat(chat.frames()).filteredOn(f -> f.path("type").asString().equals("delta")).hasSizeGreaterThan(2);
        }
    }
}

package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "loket.faq.dir=src/test/resources/faq-fixture")
class FaqRoutingIntegrationTests {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @LocalServerPort
    int port;

    private ChatClient connect() {
        ChatClient chat = ChatClient.connect(port);
        chat.hello(Map.of("lang", "nl"));
        return chat;
    }

    /** Sends a message and returns the next event the bot or the system wrote. */
    private static JsonNode ask(ChatClient chat, String id, String text) {
        chat.send(Map.of("type", "message", "clientMsgId", id, "text", text));
        return reply(chat);
    }

    private static JsonNode reply(ChatClient chat) {
        return chat.awaitEvent(e -> e.path("author").asString().matches("bot|system"));
    }

    @Test
    void answersAConfidentQuestionFromTheFaqWithItsSource() {
        try (ChatClient chat = connect()) {
            JsonNode answer = ask(chat, "m1", "hoe geef ik de stand van de meter door");
            assertThat(answer.path("tier").asString()).isEqualTo("faq");
            assertThat(answer.path("text").asString()).contains("**meterstand**");
            assertThat(answer.path("sources").get(0).path("id").asString()).isEqualTo("meterstand-doorgeven");
            assertThat(answer.path("sources").get(0).path("title").asString()).isEqualTo("Meterstand doorgeven");
        }
    }

    @Test
    void asksWhichEntryIsMeantAndAnswersTheChosenOne() {
        try (ChatClient chat = connect()) {
            JsonNode question = ask(chat, "c1", "termijnbedrag aanpassen");
            assertThat(question.path("tier").asString()).isEqualTo("faq");
            assertThat(question.path("quickReplies")).hasSize(2);
            String choice = question.path("quickReplies").get(1).path("value").asString();
            JsonNode answer = ask(chat, "c2", choice);
            assertThat(answer.path("sources").get(0).path("id").asString()).startsWith("termijnbedrag-");
        }
    }

    @Test
    void handsOverWhenTheEntrySaysSoAndFallsThroughWhenNotConfident() {
        try (ChatClient chat = connect()) {
            JsonNode answer = ask(chat, "h1", "ik wil een klacht indienen");
            assertThat(answer.path("sources").get(0).path("id").asString()).isEqualTo("klacht");
            assertThat(reply(chat).path("kind").asString()).isEqualTo("notice");
            JsonNode fallback = ask(chat, "h2", "wat is de hoofdstad van Peru");
            assertThat(fallback.has("tier")).isFalse();
            assertThat(fallback.path("sources").isMissingNode() || fallback.path("sources").isEmpty()).isTrue();
        }
    }
}

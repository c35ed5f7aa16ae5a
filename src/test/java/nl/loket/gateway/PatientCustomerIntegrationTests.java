package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The budgets as shipped (the test suite raises them elsewhere, see src/test/resources): a customer who
 * waits for each answer before the next question is never refused, however fast the answers come.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loket.faq.dir=src/test/resources/faq-fixture")
class PatientCustomerIntegrationTests {

    private static final List<String> QUESTIONS = List.of("waar download ik de app", "is er een app",
            "de app werkt niet", "app doet het niet", "hoe geef ik mijn meterstand door", "waar vul ik meterstanden in",
            "ik heb geen stroom", "termijnbedrag verhogen", "ik wil minder per maand betalen", "ik ga verhuizen");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void shippedBudgets(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
        // the defaults of the record itself, so this test follows them when they change
        GatewayProperties.Limits shipped = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("loket.gateway", GatewayProperties.class).limits();
        registry.add("loket.gateway.limits.frames-per-socket", () -> shipped.framesPerSocket().toString());
        registry.add("loket.gateway.limits.sockets-per-address", () -> shipped.socketsPerAddress().toString());
        registry.add("loket.gateway.limits.conversations-per-address", () -> shipped.conversationsPerAddress().toString());
        registry.add("loket.gateway.limits.sockets-per-conversation", () -> shipped.socketsPerConversation().toString());
        registry.add("loket.gateway.limits.messages-per-conversation", () -> shipped.messagesPerConversation().toString());
    }

    @Test
    void neverRefusesTenQuestionsInARowEachAfterItsAnswer() {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.hello(Map.of("lang", "nl"));
            for (int i = 0; i < QUESTIONS.size(); i++) {
                String clientMsgId = "q-" + i;
                chat.send(Map.of("type", "typing"));
                chat.send(Map.of("type", "message", "clientMsgId", clientMsgId, "text", QUESTIONS.get(i)));
                long seq = chat.await("ack " + clientMsgId, f -> f.path("clientMsgId").asString().equals(clientMsgId))
                        .path("seq").asLong();
                JsonNode answer = chat.awaitEvent(e -> e.path("seq").asLong() > seq
                        && e.path("author").asString().equals("bot"));
                assertThat(answer.path("text").asString()).as("answer to %s", QUESTIONS.get(i)).isNotBlank();
            }
            assertThat(chat.frames()).noneMatch(f -> f.path("type").asString().equals("error"));
        }
    }
}

package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "loket.faq.dir=src/test/resources/faq-fixture")
class FaqRoutingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @LocalServerPort
    int port;

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

    private WebSocketSession connect(String lang) throws Exception {
        WebSocketSession session = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                frames.add(JSON.readTree(message.getPayload()));
            }
        }, null, URI.create("ws://localhost:" + port + "/ws/chat")).get(5, TimeUnit.SECONDS);
        session.sendMessage(new TextMessage("{\"type\":\"hello\",\"lang\":\"" + lang + "\"}"));
        assertThat(next("welcome")).isNotNull();
        return session;
    }

    private JsonNode next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null && frame.path("type").asString().equals(type)
                    && (!type.equals("event") || frame.path("author").asString().matches("bot|system"))) {
                return frame;
            }
        }
        return null;
    }

    private JsonNode ask(WebSocketSession session, String id, String text) throws Exception {
        session.sendMessage(new TextMessage("{\"type\":\"message\",\"clientMsgId\":\"" + id + "\",\"text\":\""
                + text + "\"}"));
        return next("event");
    }

    @Test
    void answersAConfidentQuestionFromTheFaqWithItsSource() throws Exception {
        WebSocketSession session = connect("nl");
        JsonNode answer = ask(session, "m1", "hoe geef ik de stand van de meter door");
        assertThat(answer.path("tier").asString()).isEqualTo("faq");
        assertThat(answer.path("text").asString()).contains("**meterstand**");
        assertThat(answer.path("sources").get(0).path("id").asString()).isEqualTo("meterstand-doorgeven");
        assertThat(answer.path("sources").get(0).path("title").asString()).isEqualTo("Meterstand doorgeven");
        session.close();
    }

    @Test
    void asksWhichEntryIsMeantAndAnswersTheChosenOne() throws Exception {
        WebSocketSession session = connect("nl");
        JsonNode question = ask(session, "c1", "termijnbedrag aanpassen");
        assertThat(question.path("tier").asString()).isEqualTo("faq");
        assertThat(question.path("quickReplies")).hasSize(2);
        String choice = question.path("quickReplies").get(1).path("value").asString();
        JsonNode answer = ask(session, "c2", choice);
        assertThat(answer.path("sources").get(0).path("id").asString()).startsWith("termijnbedrag-");
        session.close();
    }

    @Test
    void handsOverWhenTheEntrySaysSoAndFallsThroughWhenNotConfident() throws Exception {
        WebSocketSession session = connect("nl");
        JsonNode answer = ask(session, "h1", "ik wil een klacht indienen");
        assertThat(answer.path("sources").get(0).path("id").asString()).isEqualTo("klacht");
        JsonNode handover = next("event");
        assertThat(handover.path("kind").asString()).isEqualTo("notice");
        JsonNode fallback = ask(session, "h2", "wat is de hoofdstad van Peru");
        assertThat(fallback.has("tier")).isFalse();
        assertThat(fallback.path("sources").isMissingNode() || fallback.path("sources").isEmpty()).isTrue();
        session.close();
    }
}

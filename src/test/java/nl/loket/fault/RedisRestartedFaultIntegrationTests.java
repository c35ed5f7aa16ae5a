package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped and started again in the middle of a conversation: while it is down the node says
 * it is unhealthy and refuses messages with {@code unavailable} instead of acknowledging what it
 * cannot store; afterwards it recovers by itself, and every acknowledged message is in the log
 * and answered.
 */
class RedisRestartedFaultIntegrationTests {

    static final FaultNodes.Shared SHARED = FaultNodes.shared();
    static final FaultRedis redis = SHARED.redis();
    static final ConfigurableApplicationContext node = SHARED.node();

    @Test
    void refusesWhatItCannotStoreWhileRedisIsDownAndRecoversByItself() {
        int port = FaultNodes.port(node);
        try (var customer = ChatClient.connect(port)) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            customer.send(message("m1", "Hoe geef ik mijn meterstand door?"));
            customer.awaitType("ack");
            customer.awaitEvent(FaultSupport::fromBot);

            redis.stop();
            FaultSupport.injected("Redis stopped mid-conversation (" + id + ")");
            FaultSupport.await("the node reports unhealthy", () -> health(port) == 503);
            customer.send(message("m2", "Ik wil verhuizen, wat moet ik doen?"));
            JsonNode refused = customer.awaitError("unavailable");
            assertThat(customer.frames()).noneMatch(f -> "ack".equals(f.path("type").asString())
                    && "m2".equals(f.path("clientMsgId").asString()));

            redis.start();
            FaultSupport.injected("Redis started again");
            FaultSupport.await("the node reports healthy again", () -> health(port) == 200);
            // what the widget does on unavailable: send the same message again a moment later
            FaultSupport.await("the resend is acknowledged", () -> {
                customer.send(message("m2", "Ik wil verhuizen, wat moet ik doen?"));
                FaultSupport.pause();
                return customer.frames().stream().anyMatch(f -> "ack".equals(f.path("type").asString())
                        && "m2".equals(f.path("clientMsgId").asString()));
            });
            JsonNode answer = customer.awaitEvent(e -> FaultSupport.fromBot(e) && e.path("seq").asLong() > 3);

            List<ConversationEvent> log = node.getBean(Conversations.class).eventsAfter(id, 0);
            FaultSupport.found("while down: health 503 and \"" + refused.path("message").asString()
                    + "\"; after the restart: health 200, the resend acknowledged and answered (#"
                    + answer.path("seq").asLong() + "); log " + log.stream().map(e -> e.seq() + ":" + e.author()).toList());
            assertThat(log).extracting(ConversationEvent::author)
                    .containsExactly(Author.CUSTOMER, Author.BOT, Author.CUSTOMER, Author.BOT);
        }
    }

    private static Map<String, String> message(String clientMsgId, String text) {
        return Map.of("type", "message", "clientMsgId", clientMsgId, "text", text);
    }

    private static int health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}

package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.console.Clients;
import nl.loket.console.Frames;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped and started again in the middle of a conversation: while it is down the node says
 * it is unhealthy and refuses messages with {@code unavailable} instead of acknowledging what it
 * cannot store, on the customer's channel and on the console's; afterwards it recovers by itself,
 * and every acknowledged message is in the log and answered.
 */
class RedisRestartedFaultIntegrationTests {

    static final FaultNodes.Shared SHARED = FaultNodes.shared();
    static final FaultRedis redis = SHARED.redis();
    static final ConfigurableApplicationContext node = SHARED.node();

    @Test
    void refusesWhatItCannotStoreWhileRedisIsDownAndRecoversByItself() {
        int port = FaultNodes.port(node);
        try (var customer = ChatClient.connect(port);
                var supervisor = new Frames("ws://localhost:" + port + "/ws/agent",
                        Clients.sessionCookie("http://localhost:" + port, "sanne", "demo"))) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            supervisor.await("welcome");
            customer.send(FaultSupport.message("m1", "Hoe geef ik mijn meterstand door?"));
            customer.awaitType("ack");
            customer.awaitEvent(FaultSupport::fromBot);

            redis.stop();
            FaultSupport.injected("Redis stopped mid-conversation (" + id + ")");
            FaultSupport.await("the node reports unhealthy", () -> health(port) == 503);
            customer.send(FaultSupport.message("m2", "Ik wil verhuizen, wat moet ik doen?"));
            JsonNode refused = customer.awaitError("unavailable");
            assertThat(FaultSupport.ack(customer, "m2")).isEmpty();
            supervisor.send("type", "note", "conversationId", id, "text", "klant belt terug", "clientMsgId", "n1");
            JsonNode consoleRefused = supervisor.await("an error", f -> "error".equals(f.path("type").asString()));
            assertThat(consoleRefused.path("code").asString()).as(consoleRefused.toString()).isEqualTo("unavailable");
            assertThat(consoleRefused.path("conversationId").asString()).isEqualTo(id);
            try (var newcomer = ChatClient.connect(port)) { // its connection budget lives in Redis too
                assertThat(newcomer.awaitError("unavailable").path("message").asString()).isNotBlank();
            }

            redis.start();
            FaultSupport.injected("Redis started again");
            FaultSupport.await("the node reports healthy again", () -> health(port) == 200);
            FaultSupport.resendUntilAcknowledged(customer, "m2", "Ik wil verhuizen, wat moet ik doen?");
            JsonNode answer = customer.awaitEvent(e -> FaultSupport.fromBot(e) && e.path("seq").asLong() > 3);

            List<ConversationEvent> log = node.getBean(Conversations.class).eventsAfter(id, 0);
            FaultSupport.found("while down: health 503 and \"" + refused.path("message").asString()
                    + "\", the console \"" + consoleRefused.path("message").asString() + "\"; after the restart: health 200, the resend acknowledged and answered (#"
                    + answer.path("seq").asLong() + "); log " + log.stream().map(e -> e.seq() + ":" + e.author()).toList());
            assertThat(log).extracting(ConversationEvent::author)
                    .containsExactly(Author.CUSTOMER, Author.BOT, Author.CUSTOMER, Author.BOT);
        }
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

package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A Redis primary with one replica and {@code loket.conversation.replicas=1}: a message is
 * acknowledged only once the replica has it too, so a failover to the replica cannot lose it. With
 * the replica gone the message is refused with {@code unavailable}; once it is back, the resend is
 * acknowledged with the seq it was stored as.
 */
class ReplicaWaitFaultIntegrationTests {

    static FaultRedis primary;
    static FaultRedis replica;
    static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() {
        primary = new FaultRedis("primary");
        replica = FaultRedis.replicaOf(primary);
        node = FaultNodes.start("node", new TestClock(TestClock.MONDAY_10), FaultNodes.properties(primary,
                "loket.conversation.replicas=1", "loket.conversation.replica-timeout=500ms"));
    }

    @AfterAll
    static void stop() {
        node.close();
        replica.close();
        primary.close();
    }

    @Test
    void acknowledgesAMessageOnlyOnceAReplicaHasIt() {
        try (var customer = ChatClient.connect(FaultNodes.port(node))) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            FaultSupport.await("the replica is in sync", () -> replica.redis.hasKey(
                    "loket:conversation:{c:" + id + "}:meta"));
            customer.send(FaultSupport.message("m1", "Hoe geef ik mijn meterstand door?"));
            long first = customer.awaitType("ack").path("seq").asLong();
            assertThat(replica.redis.opsForStream().size("loket:conversation:{c:" + id + "}:log")).isPositive();

            replica.stop();
            FaultSupport.injected("the only replica stopped (a failover now would lose what only the primary has)");
            customer.send(FaultSupport.message("m2", "Ik wil verhuizen, wat moet ik doen?"));
            JsonNode refused = customer.awaitError("unavailable");
            assertThat(FaultSupport.ack(customer, "m2")).isEmpty();

            replica.start();
            FaultSupport.injected("the replica started again");
            JsonNode ack = FaultSupport.resendUntilAcknowledged(customer, "m2", "Ik wil verhuizen, wat moet ik doen?");
            FaultSupport.found("#" + first + " acknowledged after the replica had it; without the replica: \""
                    + refused.path("message").asString() + "\"; the resend acknowledged as #" + ack.path("seq").asLong());
            assertThat(ack.path("seq").asLong()).as("stored once").isGreaterThan(first);
        }
    }
}

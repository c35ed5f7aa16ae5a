package nl.loket.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import nl.loket.ChatClient;
import tools.jackson.databind.JsonNode;

/** What every fault test shares: saying what it injected and what it found, waiting, reading seqs. */
final class FaultSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private FaultSupport() {
    }

    static void injected(String what) {
        System.out.println("[fault] injected: " + what);
    }

    static void found(String what) {
        System.out.println("[fault] found: " + what);
    }

    static boolean fromBot(JsonNode event) {
        return "bot".equals(event.path("author").asString());
    }

    static long lastSeq(List<JsonNode> events) {
        return events.stream().mapToLong(e -> e.path("seq").asLong()).max().orElse(0);
    }

    /** The seqs of every event the clients received, in order: one customer over its connections. */
    static List<Long> seqs(ChatClient... connections) {
        List<Long> seqs = new ArrayList<>();
        for (ChatClient connection : connections) {
            connection.events().forEach(e -> seqs.add(e.path("seq").asLong()));
        }
        return seqs;
    }

    static Map<String, String> message(String clientMsgId, String text) {
        return Map.of("type", "message", "clientMsgId", clientMsgId, "text", text);
    }

    /** The ack of {@code clientMsgId} received so far, if any. */
    static Optional<JsonNode> ack(ChatClient client, String clientMsgId) {
        return client.frames().stream().filter(f -> "ack".equals(f.path("type").asString())
                && clientMsgId.equals(f.path("clientMsgId").asString())).findFirst();
    }

    /**
     * A message refused with {@code unavailable}, refused again until its ack arrives: what the
     * widget does, a moment between tries. The ack, once it came.
     */
    static JsonNode resendUntilAcknowledged(ChatClient client, String clientMsgId, String text) {
        await("the resend of " + clientMsgId + " acknowledged", () -> {
            client.send(message(clientMsgId, text));
            pause();
            return ack(client, clientMsgId).isPresent();
        });
        return ack(client, clientMsgId).orElseThrow();
    }

    /** A moment between resends, as a client waits before it tries again. */
    static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package nl.loket.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.loket.ChatClient;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * One address floods the node with connections, hellos, oversized, binary and garbage frames while
 * other customers ask their questions: the flood is refused by the shipped budgets and the others
 * are answered as usual, on the shared fault node with the shipped budgets. Addresses come from the
 * forwarded header of the one trusted proxy, 127.0.0.1.
 */
class FloodFaultIntegrationTests {

    private static final String FLOODER = "203.0.113.66";
    private static final List<String> QUESTIONS = List.of("Hoe geef ik mijn meterstand door?",
            "Ik wil verhuizen, wat moet ik doen?", "Kan ik mijn termijnbedrag verlagen?");
    static final FaultNodes.Shared NODE = FaultNodes.shared();

    @Test
    void aFloodFromOneAddressIsRefusedWhileOtherCustomersAreAnswered() throws Exception {
        List<Long> calm = ask("198.51.100.20");
        var stop = new AtomicBoolean();
        var connections = new AtomicInteger();
        var frames = new AtomicInteger();
        var refusedSockets = new AtomicInteger();
        var rateLimited = new AtomicInteger();
        List<Long> duringFlood;
        try (ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                flood.submit(() -> {
                    while (!stop.get()) {
                        connections.incrementAndGet();
                        try (ChatClient c = from(FLOODER)) {
                            for (int f = 0; f < 40 && c.isOpen(); f++) {
                                switch (f % 4) {
                                    case 0 -> c.send(Map.of("type", "hello", "lang", "nl"));
                                    case 1 -> c.sendRaw("x".repeat(5000));
                                    case 2 -> c.sendBinary(new byte[] {0, 1, 2, 3});
                                    default -> c.sendRaw("{\"type\":");
                                }
                                frames.incrementAndGet();
                            }
                            // the first refusal of a run is answered, the rest dropped unread
                            c.awaitError("rate_limited");
                            rateLimited.incrementAndGet();
                            if (!c.isOpen()) {
                                refusedSockets.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            refusedSockets.incrementAndGet(); // the connection itself was refused or dropped
                        }
                    }
                    return null;
                });
            }
            FaultSupport.await("the flood under way", () -> connections.get() >= 20);
            duringFlood = ask("198.51.100.21");
            // past the address's budget of 60 connections
            FaultSupport.await("the flood past the connection budget", () -> connections.get() >= 80);
            stop.set(true);
        }
        FaultSupport.injected("a flood from " + FLOODER + ": " + connections.get() + " connections, " + frames.get()
                + " frames (hellos, 5,000-byte frames, binary frames, broken JSON)");
        FaultSupport.found("the flooder got " + rateLimited.get() + " rate_limited errors and " + refusedSockets.get()
                + " of its connections closed or refused; another customer's answers took " + duringFlood
                + " ms (before the flood: " + calm + " ms)");
        assertThat(rateLimited.get()).isPositive();
        assertThat(refusedSockets.get()).isPositive();
        // "their normal latency" on a shared, loaded machine: the same order as before the flood
        assertThat(median(duringFlood)).isLessThan(Math.max(2_000, 10 * median(calm)));
    }

    /** A customer from {@code address} asks each question after the answer to the one before; the waits in ms. */
    private static List<Long> ask(String address) {
        List<Long> latencies = new ArrayList<>();
        try (ChatClient customer = from(address)) {
            customer.hello(Map.of("lang", "nl"));
            for (int i = 0; i < QUESTIONS.size(); i++) {
                long start = System.nanoTime();
                customer.send(Map.of("type", "message", "clientMsgId", "q" + i, "text", QUESTIONS.get(i)));
                long seq = customer.awaitType("ack").path("seq").asLong();
                customer.awaitEvent(e -> FaultSupport.fromBot(e) && e.path("seq").asLong() > seq);
                latencies.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        return latencies;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static ChatClient from(String address) {
        var headers = new WebSocketHttpHeaders();
        headers.add("X-Forwarded-For", address);
        return ChatClient.connect(URI.create("ws://localhost:" + NODE.port() + "/ws/chat"), headers);
    }
}

package nl.loket.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.loket.TestClock;
import nl.loket.handover.Handover;
import nl.loket.handover.Presence;

/**
 * Measures the time from a customer's {@code handover} frame on node A to the chat appearing in the
 * inbox of an agent's console socket on node B (two application instances, one real Redis). A
 * benchmark, not a test: it prints figures and asserts nothing. How to run it: docs/benchmarks.md.
 */
public final class HandoverLatencyHarness {

    private HandoverLatencyHarness() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // one always-open queue without details: the handover frame queues the chat at once
        Path queues = Files.createTempFile("queues", ".yml");
        Files.writeString(queues, """
                queues:
                  - name: algemeen
                    hours: {every-day: "00:00-23:59"}
                """);
        try (Node a = Node.start("node-a", TestClock.atRunMoment(), "loket.handover.queues-file=" + queues,
                "logging.level.root=WARN");
                Node b = Node.start("node-b", TestClock.atRunMoment(), "loket.handover.queues-file=" + queues,
                        "logging.level.root=WARN")) {
            Handover handover = a.bean(Handover.class);
            for (String agent : List.of("anna", "bram", "sanne")) {
                handover.presence(agent, handover.queueNames(), Presence.OFFLINE);
            }
            List<Long> micros = new ArrayList<>();
            try (var anna = Clients.Agent.signIn(b, "anna", "demo")) {
                for (int i = 0; i < warmup + rounds; i++) {
                    try (var customer = Clients.Customer.start(a, "nl")) {
                        long start = System.nanoTime();
                        customer.send("type", "handover");
                        anna.inboxWith(customer.conversationId);
                        long took = (System.nanoTime() - start) / 1_000;
                        if (i >= warmup) {
                            micros.add(took);
                        }
                        customer.status("queued");
                        anna.send("type", "accept", "conversationId", customer.conversationId);
                        anna.await("accepted");
                        anna.send("type", "close", "conversationId", customer.conversationId);
                        customer.status("closed");
                        anna.forget();
                    }
                }
            }
            Collections.sort(micros);
            System.out.printf(Locale.ROOT, "handover -> console on the other node, %d rounds after %d warm-up: "
                    + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", rounds, warmup, pct(micros, 50),
                    pct(micros, 90), pct(micros, 99), micros.getLast() / 1000.0);
        } finally {
            Files.deleteIfExists(queues);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }
}

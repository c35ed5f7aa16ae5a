package nl.loket.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.loket.conversation.Conversations;
import nl.loket.handover.Handover;

/**
 * Measures how long a new waiting chat takes to reach the console of every agent who may take it,
 * with many agents signed in and many chats already waiting, on two nodes (one real Redis). The
 * yardstick, measured in the same run: the same path with two agents and an empty queue. A
 * benchmark, not a test: it prints figures and asserts nothing. How to run it: docs/benchmarks.md.
 */
public final class InboxLatencyHarness {

    private static final String DEMO_HASH = "{bcrypt}$2a$10$4A9jErtIP8Xj9ATwOoYHAOE8E4L5NBiA9tddP/TAI9K9rOemD2kI6";
    private static final List<String> QUEUES = List.of("algemeen", "facturen");

    private InboxLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int waiting = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path queues = Files.createTempFile("queues", ".yml");
        // two always-open queues without details: a handover queues the chat at once
        Files.writeString(queues, """
                queues:
                  - name: algemeen
                    default: true
                    hours: {every-day: "00:00-24:00"}
                  - name: facturen
                    hours: {every-day: "00:00-24:00"}
                """);
        String[] properties = Stream.concat(Stream.of("loket.handover.queues-file=" + queues,
                "logging.level.root=WARN", "logging.level.nl.loket.console=ERROR"), IntStream.range(0, agents).boxed().flatMap(i -> Stream.of(
                        "loket.console.agents[" + i + "].name=" + name(i),
                        "loket.console.agents[" + i + "].password-hash=" + DEMO_HASH,
                        "loket.console.agents[" + i + "].roles=AGENT",
                        "loket.console.agents[" + i + "].queues=" + QUEUES.get(i % 2))))
                .toArray(String[]::new);
        HttpClient http = HttpClient.newHttpClient();
        List<Console> consoles = new ArrayList<>();
        try (Node a = Node.start("node-a", Clock.systemUTC(), properties);
                Node b = Node.start("node-b", Clock.systemUTC(), properties)) {
            try {
                // the yardstick: one agent of the queue on each node, nothing else waiting
                for (int i = 0; i < 4; i++) {
                    consoles.add(new Console(http, i % 4 < 2 ? a : b, name(i)));
                }
                report("yardstick: 2 eligible agents, 0 waiting", measure(a, eligible(consoles), rounds, warmup));

                for (int i = 4; i < agents; i++) {
                    consoles.add(new Console(http, i % 4 < 2 ? a : b, name(i)));
                }
                fill(a, waiting);
                Thread.sleep(2_000); // let the last snapshots of the filling go out
                report("target: " + eligible(consoles).size() + " eligible of " + agents + " agents, " + waiting
                        + " waiting", measure(a, eligible(consoles), rounds, warmup));
            } finally {
                consoles.forEach(Console::close); // before the nodes stop, so they close the sockets quietly
            }
        } finally {
            Files.deleteIfExists(queues);
        }
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "agent%03d", i);
    }

    /** The agents of the queue every round's chat goes to (the default queue, algemeen). */
    private static List<Console> eligible(List<Console> consoles) {
        return IntStream.range(0, consoles.size()).filter(i -> i % 2 == 0).mapToObj(consoles::get).toList();
    }

    /** Chats waiting in both queues, put there as the router would, without customer sockets. */
    private static void fill(Node node, int count) {
        Conversations conversations = node.bean(Conversations.class);
        Handover handover = node.bean(Handover.class);
        for (int i = 0; i < count; i++) {
            String id = conversations.start("nl", "/", null).conversation().id();
            conversations.appendCustomerMessage(id, "m", "Vraag nummer " + i + " over mijn rekening");
            handover.request(conversations.find(id).orElseThrow(), i % 2 == 0 ? "customer_asked"
                    : "faq_handover:facturen", List.of());
        }
    }

    /** Per round: from the customer's handover frame until the last eligible console saw the chat. */
    private static List<Long> measure(Node node, List<Console> eligible, int rounds, int warmup) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < warmup + rounds; i++) {
            try (var customer = Clients.Customer.start(node, "nl")) {
                String id = customer.conversationId;
                eligible.forEach(c -> c.await(frame -> frame.contains(id)));
                long start = System.nanoTime();
                customer.send("type", "handover");
                long last = 0;
                for (Console console : eligible) {
                    last = Math.max(last, console.arrival(Duration.ofSeconds(60)));
                }
                if (i >= warmup) {
                    micros.add((last - start) / 1_000);
                }
                customer.status("queued");
                eligible.forEach(c -> c.await(frame -> frame.indexOf(id, frame.indexOf("\"removed\":[")) > 0
                        && frame.contains("\"removed\":[")));
                customer.send("type", "close");
                for (Console console : eligible) {
                    console.arrival(Duration.ofSeconds(60)); // the chat left every inbox again: next round
                }
            }
        }
        Collections.sort(micros);
        return micros;
    }

    private static void report(String what, List<Long> sorted) {
        System.out.printf(Locale.ROOT, "%s, %d rounds: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.getLast() / 1000.0);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /**
     * One agent's console socket that looks for a string in inbox frames without parsing them: 200
     * clients parsing megabytes of JSON would measure the clients, not the server.
     */
    private static final class Console implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;
        private volatile Predicate<String> awaited;
        private CompletableFuture<Long> arrived = new CompletableFuture<>();

        Console(HttpClient http, Node node, String name) {
            String cookie = Clients.sessionCookie(node, name, "demo");
            this.socket = http.newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(URI.create(node.ws("/ws/agent")), this).join();
        }

        synchronized void await(Predicate<String> frame) {
            arrived = new CompletableFuture<>();
            awaited = frame;
        }

        long arrival(Duration timeout) throws Exception {
            CompletableFuture<Long> future;
            synchronized (this) {
                future = arrived;
            }
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String frame = partial.toString();
                partial.setLength(0);
                Predicate<String> wanted = awaited;
                if (wanted != null && frame.startsWith("{\"type\":\"inbox\"") && wanted.test(frame)) {
                    synchronized (this) {
                        if (wanted == awaited) {
                            awaited = null;
                            arrived.complete(now);
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }
    }
}

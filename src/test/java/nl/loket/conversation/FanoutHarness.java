package nl.loket.conversation;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import nl.loket.console.Node;

/**
 * What one FAQ-answered customer message costs Redis with 1, 2, ... nodes: commands run (INFO
 * commandstats, those inside scripts included), PUBLISHes, and bytes Redis sent (INFO stats
 * total_net_output_bytes, pub/sub deliveries included). Nodes are added one at a time in one JVM on
 * one real Redis; with {@code n} nodes, the customers are spread over all {@code n}. What Redis does
 * with the sockets open and nothing sent (the nodes' timers) is measured in the same phase and
 * subtracted. A benchmark, not a test: it prints a table and asserts nothing. How to run it:
 * docs/benchmarks.md ("Fan-out"); it runs unchanged on the build before per-node channels.
 */
public final class FanoutHarness {

    /** Questions the test FAQ (src/test/resources/faq-fixture) answers. */
    private static final List<String> QUESTIONS = List.of("Hoe geef ik mijn meterstand door?",
            "Waar vul ik mijn meterstanden in?", "ik heb een nieuwe woning", "hoe geef ik de stand van de meter door");

    private static final AtomicLong NUMBERS = new AtomicLong();

    private FanoutHarness() {
    }

    public static void main(String[] args) throws Exception {
        int maxNodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int idleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + TestRedis.start());
        List<Node> nodes = new ArrayList<>();
        System.out.println("| nodes | messages | Redis commands / message | PUBLISH / message | bytes out / message "
                + "| bytes in / message | idle commands / s |");
        System.out.println("|---|---|---|---|---|---|---|");
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            for (int n = 1; n <= maxNodes; n++) {
                // renewals of view registrations are per held conversation and time, not per message: out of the window
                Node node = Node.start("fanout-" + n, Clock.systemUTC(), "logging.level.root=ERROR", "spring.main.banner-mode=off",
                        "loket.conversation.view-ttl=30m",
                        "loket.gateway.limits.messages-per-conversation=100000, 100000/1s",
                        "loket.gateway.limits.frames-per-socket=100000, 100000/1s");
                warm(node);
                nodes.add(node);
                phase(redis, nodes, customers, messages, idleSeconds);
            }
        } finally {
            nodes.forEach(Node::close);
            client.shutdown();
        }
    }

    private static void phase(StatefulRedisConnection<String, String> redis, List<Node> nodes, int customers,
            int messages, int idleSeconds) throws Exception {
        List<ChatClient> chats = new ArrayList<>();
        try {
            for (int i = 0; i < customers; i++) {
                ChatClient chat = ChatClient.connect(nodes.get(i % nodes.size()).port);
                chat.hello(Map.of("lang", "nl"));
                chats.add(chat);
            }
            converse(chats, 1); // warm-up: the first message of a conversation loads its routing memory
            Thread.sleep(2_000); // let the welcomes' and the warm-up's own writes settle
            Snapshot idleStart = Snapshot.of(redis);
            Thread.sleep(idleSeconds * 1000L);
            Snapshot idleEnd = Snapshot.of(redis);
            double idlePerNano = (double) (idleEnd.commands() - idleStart.commands()) / (idleEnd.nanos - idleStart.nanos);

            Snapshot start = Snapshot.of(redis);
            converse(chats, messages);
            Snapshot end = Snapshot.of(redis);
            long sent = (long) customers * messages;
            double background = idlePerNano * (end.nanos - start.nanos);
            System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.0f | %.0f | %.1f |%n", nodes.size(), sent,
                    (end.commands() - start.commands() - background) / sent,
                    (double) (end.calls("publish") - start.calls("publish")) / sent,
                    (double) (end.stat("total_net_output_bytes") - start.stat("total_net_output_bytes")) / sent,
                    (double) (end.stat("total_net_input_bytes") - start.stat("total_net_input_bytes")) / sent,
                    idlePerNano * 1e9);
        } finally {
            chats.forEach(ChatClient::close);
        }
    }

    /** A new node's first answer loads the matcher's models: allowed a minute, on a loaded machine. */
    private static void warm(Node node) {
        try (ChatClient chat = ChatClient.connect(node.port)) {
            chat.hello(Map.of("lang", "nl"));
            chat.send(Map.of("type", "message", "clientMsgId", "warm", "text", QUESTIONS.getFirst()));
            for (int attempt = 1; ; attempt++) {
                try {
                    chat.awaitEvent(e -> "bot".equals(e.path("author").asString()));
                    return;
                } catch (AssertionError slow) {
                    if (attempt == 6) {
                        throw slow;
                    }
                }
            }
        }
    }

    /** Each customer sends {@code messages} questions, the next when the last was answered; all customers at once. */
    private static void converse(List<ChatClient> chats, int messages) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        try (var lanes = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ChatClient chat : chats) {
                done.add(lanes.submit(() -> {
                    for (int m = 0; m < messages; m++) {
                        chat.send(Map.of("type", "message", "clientMsgId", UUID.randomUUID().toString(),
                                // numbered: the same question twice in a conversation is a handover trigger
                                "text", QUESTIONS.get(m % QUESTIONS.size()) + " (" + NUMBERS.incrementAndGet() + ")"));
                        long seq = chat.awaitType("ack").path("seq").asLong();
                        chat.awaitEvent(e -> "bot".equals(e.path("author").asString()) && e.path("seq").asLong() > seq);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> customer : done) {
            customer.get(); // a message that was not answered ends the run: the figures would not be per message
        }
    }

    /** Redis's counters at one moment; INFO itself is left out of the commands. */
    private record Snapshot(long nanos, Map<String, Long> calls, Map<String, Long> stats) {

        static Snapshot of(StatefulRedisConnection<String, String> redis) {
            Map<String, Long> calls = new HashMap<>();
            for (String line : redis.sync().info("commandstats").split("\r\n")) {
                if (line.startsWith("cmdstat_")) {
                    String name = line.substring(8, line.indexOf(':'));
                    String count = line.substring(line.indexOf("calls=") + 6);
                    calls.put(name, Long.parseLong(count.substring(0, count.indexOf(','))));
                }
            }
            Map<String, Long> stats = new HashMap<>();
            for (String line : redis.sync().info("stats").split("\r\n")) {
                int colon = line.indexOf(':');
                if (line.startsWith("total_net_") && colon > 0) {
                    stats.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1)));
                }
            }
            return new Snapshot(System.nanoTime(), calls, stats);
        }

        long commands() {
            return calls.entrySet().stream().filter(e -> !e.getKey().equals("info")).mapToLong(Map.Entry::getValue).sum();
        }

        long calls(String command) {
            return calls.getOrDefault(command, 0L);
        }

        long stat(String name) {
            return stats.getOrDefault(name, 0L);
        }
    }
}

package nl.loket.fault;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.loket.ChatClient;
import nl.loket.TestClock;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite's soak: customers chat without pause on two nodes for minutes while the harness
 * kills the pub/sub connections, restarts Redis and drops customer sockets, round after round. At
 * the end it checks every conversation's log (each customer message answered exactly once) and
 * what each customer saw (every seq once, no gap, over all its reconnects), and prints heap and
 * threads at start and end. Not a test (not in {@code ./mvnw verify}); docs/benchmarks.md, "Soak".
 */
public final class FaultSoakHarness {

    private static final List<String> QUESTIONS = List.of("Hoe geef ik mijn meterstand door?",
            "Ik wil verhuizen, wat moet ik doen?", "Kan ik mijn termijnbedrag verlagen?",
            "Hoe download ik de app?", "Er is een stroomstoring in mijn straat");

    private FaultSoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 10);
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var clock = new TestClock(TestClock.MONDAY_10);
        var redis = new FaultRedis("soak");
        List<String> properties = FaultNodes.properties(redis, "loket.handover.repeat-threshold=1000000",
                "logging.level.root=WARN");
        ConfigurableApplicationContext a = FaultNodes.start("soak-a", clock, properties);
        ConfigurableApplicationContext b = FaultNodes.start("soak-b", clock, properties);
        int[] ports = {FaultNodes.port(a), FaultNodes.port(b)};
        String before = resources();
        var stop = new AtomicBoolean();
        var faults = new AtomicInteger();
        var all = new ConcurrentLinkedQueue<Customer>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < customers; i++) {
                var customer = new Customer(ports, i % 2);
                all.add(customer);
                pool.submit(() -> customer.chat(stop));
            }
            long end = System.nanoTime() + length.toNanos();
            for (int round = 0; System.nanoTime() < end; round++) {
                Thread.sleep(10_000);
                switch (round % 3) {
                    case 0 -> FaultSupport.injected("CLIENT KILL TYPE pubsub: " + redis.killPubSubClients());
                    case 1 -> {
                        redis.stop();
                        Thread.sleep(2_000);
                        redis.start();
                        FaultSupport.injected("Redis stopped for 2 s and started again");
                    }
                    default -> {
                        all.forEach(Customer::dropConnection);
                        FaultSupport.injected("every customer's socket dropped");
                    }
                }
                faults.incrementAndGet(); // a routing that failed mid-fault is retried once its 4 s lease ran out
            }
            stop.set(true);
        }
        Thread.sleep(6_000); // the last take-overs: the lease (4 s, Redis time) and a sweep
        check(a.getBean(Conversations.class), redis, all, faults.get(), before);
        b.close();
        a.close();
        redis.close();
    }

    private static void check(Conversations conversations, FaultRedis redis, Iterable<Customer> customers, int faults,
            String before) {
        int messages = 0;
        int unanswered = 0;
        int twice = 0;
        int gaps = 0;
        for (Customer customer : customers) {
            List<ConversationEvent> log = wholeLog(conversations, customer.id);
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).author() != Author.CUSTOMER) {
                    continue;
                }
                messages++;
                int answers = 0;
                for (int j = i + 1; j < log.size() && log.get(j).author() != Author.CUSTOMER; j++) {
                    answers += log.get(j).kind() == EventKind.MESSAGE ? 1 : 0;
                }
                if (answers == 0) {
                    unanswered++;
                    System.out.println("[soak] unanswered: #" + log.get(i).seq() + " of " + customer.id + " ("
                            + (log.size() - 1 - i) + " events after it; its routing record: " + redis.redis.opsForHash()
                            .entries("loket:conversation:{c:" + customer.id + "}:routing") + ")");
                }
                twice += answers > 1 ? 1 : 0;
            }
            List<Long> seen = customer.seen;
            for (int i = 0; i < seen.size(); i++) {
                gaps += seen.get(i) == i + 1 ? 0 : 1;
            }
        }
        FaultSupport.found(faults + " faults; " + messages + " customer messages: " + unanswered + " unanswered, "
                + twice + " answered more than once; " + gaps + " seqs out of place in what customers saw");
        System.out.println("[soak] before: " + before + "; after: " + resources());
        if (unanswered + twice + gaps > 0) {
            System.exit(1);
        }
    }

    /** What the log still holds (the oldest are trimmed past max-events), past the replay limit of one read. */
    private static List<ConversationEvent> wholeLog(Conversations conversations, String id) {
        List<ConversationEvent> log = new ArrayList<>();
        for (List<ConversationEvent> page = conversations.eventsAfter(id, 0); !page.isEmpty();
                page = conversations.eventsAfter(id, page.getLast().seq())) {
            log.addAll(page);
        }
        return log;
    }

    private static String resources() {
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return "heap " + memory.getUsed() / 1024 / 1024 + " MiB, " + ManagementFactory.getThreadMXBean().getThreadCount()
                + " threads";
    }

    /** A customer that asks one question after another, and like the widget reconnects, resumes and resends. */
    private static final class Customer {

        final int[] ports;
        int node;
        String id;
        String token;
        final List<Long> seen = new ArrayList<>();
        private final List<Long> answers = new ArrayList<>();
        private volatile ChatClient connection;

        Customer(int[] ports, int node) {
            this.ports = ports;
            this.node = node;
        }

        void chat(AtomicBoolean stop) {
            for (int n = 0; !stop.get(); n++) {
                String clientMsgId = "m" + n;
                String text = QUESTIONS.get(n % QUESTIONS.size());
                while (!stop.get()) {
                    try {
                        if (connection == null || !connection.isOpen()) {
                            connect();
                        }
                        connection.send(Map.of("type", "message", "clientMsgId", clientMsgId, "text", text));
                        long seq = connection.await("ack", f -> "ack".equals(f.path("type").asString())
                                && clientMsgId.equals(f.path("clientMsgId").asString())).path("seq").asLong();
                        if (!answeredBefore(seq)) { // the answer may have come on a connection that dropped since
                            connection.awaitEvent(e -> FaultSupport.fromBot(e) && e.path("seq").asLong() > seq);
                        }
                        break;
                    } catch (AssertionError | RuntimeException e) {
                        dropConnection(); // no answer in time, refused, or the socket went: resume elsewhere
                        node = 1 - node;
                        FaultSupport.pause();
                    }
                }
            }
            dropConnection();
        }

        private void connect() {
            var next = ChatClient.connect(ports[node]);
            if (id == null) {
                JsonNode welcome = next.hello(Map.of("lang", "nl"));
                id = welcome.path("conversationId").asString();
                token = welcome.path("token").asString();
            } else {
                next.hello(Map.of("conversationId", id, "token", token, "lastSeq", lastSeq()));
            }
            connection = next;
        }

        private synchronized boolean answeredBefore(long seq) {
            return answers.stream().anyMatch(answer -> answer > seq);
        }

        private long lastSeq() {
            return seen.isEmpty() ? 0 : seen.getLast();
        }

        synchronized void dropConnection() {
            ChatClient current = connection;
            if (current == null) {
                return;
            }
            connection = null;
            current.drop();
            for (JsonNode event : current.events()) {
                seen.add(event.path("seq").asLong());
                if (FaultSupport.fromBot(event)) {
                    answers.add(event.path("seq").asLong());
                }
            }
        }
    }
}

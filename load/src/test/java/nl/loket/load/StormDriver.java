package nl.loket.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reconnect storm: {@code sockets} customers each say hello and get one FAQ question answered,
 * send a second and, once every second question is acknowledged (stored), all sockets are dropped at
 * the same moment, while the answers are still being written. Every customer then reconnects at once
 * (at most {@code connecting} handshakes in flight, as a browser's own backoff would spread them) and
 * resumes with {@code hello.lastSeq}: the highest seq it had seen with none missing. A customer has
 * resumed when it has the welcome and the answer to its second question. The driver checks every seq
 * of every conversation over both sockets: each from 1 to the last exactly once (none lost, none
 * doubled). Prints one TSV line: sockets, resumed, welcomed within the deadline, p50/p99/max time to
 * welcome and to resumed after the drop (ms), time until the last resumed (ms), lost, doubled, errors.
 *
 * <pre>java -cp DIR nl.loket.load.StormDriver url=ws://127.0.0.1:18090/ws/chat sockets=10000 deadline=30
 *   connecting=1000</pre>
 */
public final class StormDriver {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern FIELD = Pattern.compile("\"(conversationId|token)\":\"([^\"]+)\"");

    /** {@code trace=1}: every frame of customer 0 on stderr. */
    private static boolean TRACE;

    private final String url;
    private final int deadlineSeconds;
    private final Semaphore connecting;
    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
    private final AtomicLong errors = new AtomicLong();

    private StormDriver(String url, int deadlineSeconds, int connecting) {
        this.url = url;
        this.deadlineSeconds = deadlineSeconds;
        this.connecting = new Semaphore(connecting);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            values.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String url = values.getOrDefault("url", "ws://127.0.0.1:18090/ws/chat");
        TRACE = values.getOrDefault("trace", "0").equals("1");
        String host = URI.create(url).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.")) {
            throw new IllegalArgumentException("load runs only against loopback, not " + url);
        }
        new StormDriver(url, Integer.parseInt(values.getOrDefault("deadline", "30")),
                Integer.parseInt(values.getOrDefault("connecting", "1000")))
                .run(Integer.parseInt(values.getOrDefault("sockets", "10000")));
    }

    private void run(int count) throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            customers.add(new Customer(i));
        }
        log("%d sockets: hello and a first question each", count);
        each(customers, c -> c.connect("{\"type\":\"hello\",\"lang\":\"nl\"}"));
        await(customers, c -> c.welcomed, 300);
        log("%d welcomed; first question", customers.stream().filter(c -> c.welcomed.getCount() == 0).count());
        each(customers, c -> c.ask("Hoe geef ik mijn meterstand door?"));
        await(customers, c -> c.answered, 300);
        log("%d answered", customers.stream().filter(c -> c.answered.getCount() == 0).count());
        log("second question on every socket; dropping all once every one is stored");
        each(customers, c -> c.ask("Waar vul ik mijn meterstanden in?"));
        await(customers, c -> c.acknowledged, 300);

        long dropped = System.nanoTime();
        customers.forEach(Customer::drop);
        log("dropped %d sockets; every one resumes with its lastSeq", count);
        each(customers, c -> c.connect("{\"type\":\"hello\",\"conversationId\":\"" + c.conversationId + "\",\"token\":\""
                + c.token + "\",\"lastSeq\":" + c.lastSeq + "}"));
        long deadline = dropped + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        // waits past the deadline too: what is late is counted, not hidden
        await(customers, c -> c.welcomed, Math.max(deadlineSeconds, 120));
        await(customers, c -> c.answered, Math.max(deadlineSeconds, 120));
        log("%d welcomed back, %d with their answer", customers.stream().filter(c -> c.welcomedAt > 0).count(),
                customers.stream().filter(c -> c.resumedAt > 0).count());
        var toWelcome = new SocketDriver.Histogram();
        var toResumed = new SocketDriver.Histogram();
        long resumed = 0;
        long welcomedInTime = 0;
        long last = 0;
        long lost = 0;
        long doubled = 0;
        for (Customer c : customers) {
            if (c.welcomedAt > 0) {
                toWelcome.record((c.welcomedAt - dropped) / 1000);
                welcomedInTime += c.welcomedAt <= deadline ? 1 : 0;
            }
            if (c.resumedAt > 0 && c.resumedAt <= deadline) {
                resumed++;
            }
            if (c.resumedAt > 0) {
                toResumed.record((c.resumedAt - dropped) / 1000);
                last = Math.max(last, c.resumedAt - dropped);
            }
            long top = c.seen.isEmpty() ? 0 : c.seen.lastKey();
            for (long seq = 1; seq <= top; seq++) {
                int times = c.seen.getOrDefault(seq, 0);
                lost += times == 0 ? 1 : 0;
                doubled += Math.max(0, times - 1);
            }
        }
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d%n", count, resumed,
                welcomedInTime, toWelcome.percentile(50) / 1000.0, toWelcome.percentile(99) / 1000.0,
                toWelcome.max() / 1000.0, toResumed.percentile(50) / 1000.0, toResumed.percentile(99) / 1000.0,
                toResumed.max() / 1000.0, last / 1e6, lost, doubled, errors.get());
        customers.forEach(Customer::drop);
        System.exit(0); // the client's selector threads are not daemons
    }

    private void each(List<Customer> customers, java.util.function.Consumer<Customer> action) {
        customers.forEach(action);
    }

    private static void await(List<Customer> customers, java.util.function.Function<Customer, CountDownLatch> latch,
            int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Customer c : customers) {
            latch.apply(c).await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private static final long STARTED = System.nanoTime();

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "storm %7.1f s: " + format + "%n",
                java.util.stream.Stream.concat(java.util.stream.Stream.of((System.nanoTime() - STARTED) / 1e9),
                        java.util.Arrays.stream(args)).toArray());
    }

    /** One customer over two sockets: the seqs it saw on either, and when it was welcomed back and resumed. */
    private final class Customer implements WebSocket.Listener {

        private final int id;
        /** seq -> how many times an event with it arrived, over both sockets. */
        private final ConcurrentSkipListMap<Long, Integer> seen = new ConcurrentSkipListMap<>();
        private final StringBuilder frame = new StringBuilder();
        private volatile WebSocket ws;
        private volatile boolean dropped;
        private volatile CountDownLatch welcomed = new CountDownLatch(1);
        private volatile CountDownLatch answered = new CountDownLatch(1);
        private volatile CountDownLatch acknowledged = new CountDownLatch(1);
        private volatile long askedSeq = Long.MAX_VALUE;
        private volatile long welcomedAt;
        private volatile long resumedAt;
        private volatile boolean resuming;
        private volatile boolean answeredBeforeDrop;
        private long lastAnswerSeq;
        private String conversationId;
        private String token;
        private long lastSeq;
        private String hello;

        Customer(int id) {
            this.id = id;
        }

        void connect(String helloFrame) {
            hello = helloFrame;
            frame.setLength(0);
            dropped = false;
            welcomed = new CountDownLatch(1);
            try {
                connecting.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            client.newWebSocketBuilder().buildAsync(URI.create(url), this).whenComplete((socket, e) -> {
                connecting.release();
                if (e != null) {
                    errors.incrementAndGet();
                }
            });
        }

        void ask(String question) {
            answered = new CountDownLatch(1);
            acknowledged = new CountDownLatch(1);
            askedSeq = Long.MAX_VALUE;
            WebSocket socket = ws;
            if (socket == null) {
                errors.incrementAndGet();
                return;
            }
            // numbered: the same question twice in a conversation is a handover trigger
            socket.sendText("{\"type\":\"message\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"text\":\"" + question
                    + " (" + id + ")\"}", true);
        }

        /** Gone at once, as a network drop would: what arrives after this is not counted, and lastSeq is what was seen. */
        synchronized void drop() {
            dropped = true;
            resuming = true;
            answeredBeforeDrop = answered.getCount() == 0;
            WebSocket socket = ws;
            ws = null;
            if (socket != null) {
                socket.abort();
            }
            long seq = 0;
            while (seen.containsKey(seq + 1)) {
                seq++;
            }
            lastSeq = seq;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            webSocket.sendText(hello, true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String text = frame.toString();
                frame.setLength(0);
                if (!dropped && webSocket == ws) {
                    received(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        private synchronized void received(String text) {
            if (id == 0 && TRACE) {
                log("customer 0 got %s", text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
            if (text.startsWith("{\"type\":\"welcome\"")) {
                Matcher m = FIELD.matcher(text);
                while (m.find()) {
                    if (m.group(1).equals("conversationId")) {
                        conversationId = m.group(2);
                    } else {
                        token = m.group(2);
                    }
                }
                if (resuming) {
                    welcomedAt = System.nanoTime();
                    if (answeredBeforeDrop) {
                        resumedAt = welcomedAt; // its answer came before the drop: nothing more to wait for
                    }
                }
                welcomed.countDown();
            } else if (text.startsWith("{\"type\":\"ack\"")) {
                Matcher m = SEQ.matcher(text);
                askedSeq = m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
                acknowledged.countDown();
                if (lastAnswerSeq > askedSeq) {
                    answered.countDown(); // the answer's event came before the ack
                }
            } else if (text.startsWith("{\"type\":\"event\"")) {
                Matcher m = SEQ.matcher(text);
                long seq = m.find() ? Long.parseLong(m.group(1)) : 0;
                seen.merge(seq, 1, Integer::sum);
                boolean answer = !text.contains("\"author\":\"customer\"");
                lastAnswerSeq = answer ? Math.max(lastAnswerSeq, seq) : lastAnswerSeq;
                if (answer && seq > askedSeq && answered.getCount() > 0) {
                    if (resuming) {
                        resumedAt = System.nanoTime();
                    }
                    answered.countDown();
                }
            } else if (text.startsWith("{\"type\":\"error\"")) {
                errors.incrementAndGet();
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!dropped) {
                errors.incrementAndGet();
            }
        }
    }
}

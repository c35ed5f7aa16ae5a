package nl.loket.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lean WebSocket load driver (JDK HttpClient, no Gatling) for the message path, where Gatling on one
 * core would be the limit: {@code sockets} sockets each say hello, then, for {@code warmup} + {@code seconds},
 * send message after message (closed loop, {@code rate=0}) or a fixed total {@code rate} of messages per
 * second spread over the sockets (open model: latency counts from the intended send time, so a stalled
 * server cannot hide queueing). A round trip ends with the echo (echo), or with the first event after the
 * ack that is not the customer's own (chat, stub). It reads the CPU time of the server's processes from
 * /proc (utime + stime of {@code pids}) over the measured window, and its own. Prints one TSV line:
 * label, sockets open, answered, answered per second, p50/p99/p99.9/max (µs), server CPU per message (µs), the
 * same per process (in {@code pids} order), server and driver CPU share (cores), FAQ-tier replies, errors,
 * and with {@code redis=PORT} the Redis calls per answered message by command. Loopback targets only; every run is bounded in time.
 *
 * <pre>java -cp load/target/test-classes nl.loket.load.SocketDriver url=ws://127.0.0.1:18080/ws/chat mode=chat
 *   sockets=1000 seconds=20 warmup=10 rate=0 questions=load/questions-nl.txt pids=123,456 label=loket</pre>
 */
public final class SocketDriver {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long TICK_NANOS = 1_000_000_000L / 100; // USER_HZ: 100 on Linux

    private final Options options;
    private final List<String> questions;
    private final Histogram histogram = new Histogram();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong faqAnswers = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean measuring;
    private volatile boolean running = true;

    private SocketDriver(Options options, List<String> questions) {
        this.options = options;
        this.questions = questions;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> questions = options.questions.isEmpty() ? List.of("Hoe geef ik mijn meterstand door?")
                : Files.readAllLines(Path.of(options.questions)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        new SocketDriver(options, questions).run();
    }

    private void run() throws Exception {
        ExecutorService callbacks = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().executor(callbacks).build();
        List<Socket> sockets = new ArrayList<>();
        var connecting = new Semaphore(200); // a connect storm would only measure Tomcat's accept queue
        for (int i = 0; i < options.sockets; i++) {
            connecting.acquire();
            Socket socket = new Socket(i);
            sockets.add(socket);
            client.newWebSocketBuilder().buildAsync(URI.create(options.url), socket).whenComplete((ws, e) -> {
                connecting.release();
                if (e != null) {
                    errors.incrementAndGet();
                    socket.welcomed.countDown();
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // for all of them: a loaded server is slow
        for (Socket socket : sockets) {
            if (!socket.welcomed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                errors.incrementAndGet();
            }
        }
        long open = sockets.stream().filter(s -> s.ws != null && s.saidHello).count();
        if (options.idle > 0) {
            System.err.printf("%s: %d sockets open and welcomed; holding them %d s%n", options.label, open, options.idle);
            Files.writeString(Path.of(options.readyFile.isEmpty() ? "/dev/null" : options.readyFile), open + "\n");
            Thread.sleep(options.idle * 1000L);
            closeAll(sockets);
            return;
        }
        for (Socket socket : sockets) {
            if (socket.ws != null && options.rate == 0) {
                socket.next();
            }
        }
        Thread pacer = options.rate > 0 ? Thread.ofPlatform().start(() -> pace(sockets)) : null;
        Thread.sleep(options.warmup * 1000L);
        long[] cpuBefore = cpu();
        Map<String, Long> redisBefore = redisCalls();
        long driverBefore = ownCpu();
        long start = System.nanoTime();
        measuring = true;
        Thread.sleep(options.seconds * 1000L);
        measuring = false;
        long elapsed = System.nanoTime() - start;
        long[] cpuAfter = cpu();
        long driverCpu = ownCpu() - driverBefore;
        Map<String, Long> redisAfter = redisCalls();
        running = false;
        if (pacer != null) {
            pacer.join();
        }
        long n = answered.get();
        long serverTicks = 0;
        var perProcess = new StringBuilder();
        for (int i = 0; i < cpuBefore.length; i++) {
            long ticks = cpuAfter[i] - cpuBefore[i];
            serverTicks += ticks;
            perProcess.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f",
                    n == 0 ? 0 : ticks * (TICK_NANOS / 1000.0) / n));
        }
        double seconds = elapsed / 1e9;
        var commands = new StringBuilder();
        redisAfter.forEach((command, calls) -> {
            long delta = calls - redisBefore.getOrDefault(command, 0L);
            if (delta > 0 && n > 0) {
                commands.append(commands.isEmpty() ? "" : " ").append(command).append('=')
                        .append(String.format(Locale.ROOT, "%.2f", delta / (double) n));
            }
        });
        System.out.printf(Locale.ROOT, "%s\t%d\t%d\t%.0f\t%d\t%d\t%d\t%d\t%.1f\t%s\t%.2f\t%.2f\t%d\t%d\t%s%n", options.label,
                open, n, n / seconds, histogram.percentile(50), histogram.percentile(99), histogram.percentile(99.9),
                histogram.max(), n == 0 ? 0 : serverTicks * (TICK_NANOS / 1000.0) / n, perProcess,
                serverTicks * TICK_NANOS / (double) elapsed, driverCpu / (double) elapsed, faqAnswers.get(), errors.get(),
                commands.isEmpty() ? "-" : commands);
        closeAll(sockets);
        callbacks.shutdownNow();
    }

    /** Open model: message k is due at start + k / rate, on socket k mod sockets; late sends are not skipped. */
    private void pace(List<Socket> sockets) {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / options.rate;
        for (long k = 0; running; k++) {
            long due = start + k * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Socket socket = sockets.get((int) (k % sockets.size()));
            if (socket.ws != null) {
                socket.send(due);
            }
        }
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            WebSocket ws = socket.ws;
            if (ws != null) {
                ws.abort();
            }
        }
    }

    /** utime + stime, in clock ticks, of each server process and its threads (/proc/PID/stat fields 14 and 15). */
    private long[] cpu() throws IOException {
        long[] ticks = new long[options.pids.size()];
        for (int i = 0; i < ticks.length; i++) {
            String stat = Files.readString(Path.of("/proc", options.pids.get(i), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    /** Calls per Redis command so far ({@code INFO commandstats}), when {@code redis} names the server's port. */
    private Map<String, Long> redisCalls() throws IOException {
        var calls = new TreeMap<String, Long>();
        if (options.redisPort == 0) {
            return calls;
        }
        try (var redis = new java.net.Socket("127.0.0.1", options.redisPort)) {
            redis.getOutputStream().write("INFO commandstats\r\n".getBytes(StandardCharsets.US_ASCII));
            var in = new BufferedReader(new InputStreamReader(redis.getInputStream(), StandardCharsets.US_ASCII));
            int length = Integer.parseInt(in.readLine().substring(1));
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                read += in.read(body, read, length - read);
            }
            Matcher m = Pattern.compile("cmdstat_([a-z|]+):calls=(\\d+)").matcher(new String(body));
            while (m.find()) {
                calls.put(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return calls;
    }

    private static long ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
    }

    /** One customer: its socket, its in-flight messages' send times (in order) and the frame being read. */
    private final class Socket implements WebSocket.Listener {

        private final int id;
        private final CountDownLatch welcomed = new CountDownLatch(1);
        private final Queue<Long> sentAt = new ConcurrentLinkedQueue<>();
        private final StringBuilder frame = new StringBuilder();
        private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
        private volatile WebSocket ws;
        private volatile boolean saidHello;
        private long counter;

        Socket(int id) {
            this.id = id;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            webSocket.sendText("{\"type\":\"hello\",\"lang\":\"nl\"}", true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String text = frame.toString();
                frame.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        private void received(String text) {
            if (!saidHello) {
                saidHello = true;
                welcomed.countDown();
                return;
            }
            boolean reply = options.mode.equals("echo") ? text.contains("\"type\":\"message\"")
                    : text.startsWith("{\"type\":\"event\"") && !text.contains("\"author\":\"customer\"");
            if (text.contains("\"type\":\"error\"")) {
                errors.incrementAndGet();
            }
            if (!reply) {
                return;
            }
            Long sent = sentAt.poll();
            if (sent == null) {
                return; // an event the customer did not ask for (a notice, a status)
            }
            long latency = System.nanoTime() - sent;
            if (measuring) {
                answered.incrementAndGet();
                histogram.record(latency / 1000);
                if (text.contains("\"tier\":\"faq\"")) {
                    faqAnswers.incrementAndGet();
                }
                if (latency > TIMEOUT_NANOS) {
                    errors.incrementAndGet();
                }
            }
            if (options.rate == 0 && running) {
                next();
            }
        }

        void next() {
            send(System.nanoTime());
        }

        /** Sends the next question, stamped with the time it was due; sends on one socket never overlap. */
        synchronized void send(long due) {
            String question = questions.get((int) ((id * 7L + counter) % questions.size()));
            // a number keeps each question new within the conversation (the same one twice is a handover trigger)
            String json = "{\"type\":\"message\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"text\":\""
                    + question.replace("\\", "\\\\").replace("\"", "\\\"") + " (" + ++counter + ")\"}";
            sentAt.add(due);
            sending = sending.thenCompose(w -> ws.sendText(json, true));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed();
        }

        /** The server closed it (or it broke): counted, and never waited for again. */
        private void closed() {
            if (running) {
                errors.incrementAndGet();
            }
            ws = null;
            welcomed.countDown();
        }
    }

    /** Latencies in µs: exact below 1,024, then 64 buckets per power of two (under 1.6 % error). */
    static final class Histogram {

        private final AtomicLongArray counts = new AtomicLongArray(1024 + 64 * 40);
        private final AtomicLong max = new AtomicLong();

        void record(long micros) {
            long v = Math.max(0, micros);
            counts.incrementAndGet(index(v));
            max.accumulateAndGet(v, Math::max);
        }

        static int index(long v) {
            if (v < 1024) {
                return (int) v;
            }
            int exponent = 63 - Long.numberOfLeadingZeros(v); // >= 10
            int sub = (int) ((v >>> (exponent - 6)) & 63);
            return 1024 + (exponent - 10) * 64 + sub;
        }

        static long lowest(int index) {
            if (index < 1024) {
                return index;
            }
            int exponent = (index - 1024) / 64 + 10;
            int sub = (index - 1024) % 64;
            return (64L + sub) << (exponent - 6);
        }

        long percentile(double p) {
            long total = 0;
            for (int i = 0; i < counts.length(); i++) {
                total += counts.get(i);
            }
            long wanted = (long) Math.ceil(total * p / 100.0);
            long seen = 0;
            for (int i = 0; i < counts.length(); i++) {
                seen += counts.get(i);
                if (seen >= wanted && seen > 0) {
                    return lowest(i);
                }
            }
            return 0;
        }

        long max() {
            return max.get();
        }
    }

    /** key=value arguments; see the class comment. */
    private record Options(String url, String mode, int sockets, int seconds, int warmup, int rate, String questions,
            List<String> pids, String label, int idle, String readyFile, int redisPort) {

        static Options parse(String[] args) {
            var values = new java.util.HashMap<String, String>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                values.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            String url = values.getOrDefault("url", "ws://127.0.0.1:18080/ws/chat");
            String host = URI.create(url).getHost();
            if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
                throw new IllegalArgumentException("load runs only against loopback, not " + url);
            }
            String pids = values.getOrDefault("pids", "");
            return new Options(url, values.getOrDefault("mode", "chat"), Integer.parseInt(values.getOrDefault("sockets", "1000")),
                    Integer.parseInt(values.getOrDefault("seconds", "20")), Integer.parseInt(values.getOrDefault("warmup", "10")),
                    Integer.parseInt(values.getOrDefault("rate", "0")), values.getOrDefault("questions", ""),
                    pids.isEmpty() ? List.of() : List.of(pids.split(",")), values.getOrDefault("label", "run"),
                    Integer.parseInt(values.getOrDefault("idle", "0")), values.getOrDefault("ready", ""),
                    Integer.parseInt(values.getOrDefault("redis", "0")));
        }
    }
}

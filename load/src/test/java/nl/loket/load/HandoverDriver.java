package nl.loket.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Handover rounds across two running Lokets (docs/benchmarks.md, "Handover across nodes"): an agent
 * signed in through the real form login holds a console socket on node B; each round a new customer
 * on node A says hello and sends {@code handover}, and the round's time runs from that send until the
 * agent's socket has received the inbox frame with the chat (and, beside it, until the customer's own
 * {@code queued} status event on A). The agent then accepts and closes the chat, so the queue stays
 * short. Prints one TSV line: label, rounds measured, inbox p50/p90/p99/max (ms), queued p50/p99 (ms),
 * rounds over {@code slow} ms, failed rounds, seconds taken, and what the unmeasured steps of a round cost
 * (the customer's connect until its welcome p50/p99, the whole round p50, in ms: under a saturated
 * background they, not the handover, bound how many rounds fit in {@code max-seconds}); and with
 * {@code slowFile} the wall-clock start (epoch ms) and time of each slow round, to find them in a JFR
 * recording. Loopback only.
 *
 * <pre>java -cp ... nl.loket.load.HandoverDriver a=http://127.0.0.1:18092 b=http://127.0.0.1:18093
 *   rounds=300 warmup=50 max-seconds=90 slow=50 label=idle</pre>
 */
public final class HandoverDriver {

    private static final long TIMEOUT_SECONDS = 30;
    private static final Pattern CONVERSATION = Pattern.compile("\"conversationId\":\"([^\"]+)\"");

    private HandoverDriver() {
    }

    public static void main(String[] args) throws Exception {
        var values = new java.util.HashMap<String, String>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            values.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        URI a = loopback(values.getOrDefault("a", "http://127.0.0.1:18092"));
        URI b = loopback(values.getOrDefault("b", "http://127.0.0.1:18093"));
        int rounds = Integer.parseInt(values.getOrDefault("rounds", "300"));
        int warmup = Integer.parseInt(values.getOrDefault("warmup", "50"));
        long maxNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(values.getOrDefault("max-seconds", "90")));
        long slowMicros = Long.parseLong(values.getOrDefault("slow", "50")) * 1000;
        String label = values.getOrDefault("label", "run");
        String agentName = values.getOrDefault("agent", "anna");

        HttpClient http = HttpClient.newHttpClient();
        List<Long> inbox = new ArrayList<>();
        List<Long> queued = new ArrayList<>();
        List<Long> welcomed = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        int failed = 0;
        long begin = System.nanoTime();
        try (Socket agent = Socket.open(http, ws(b, "/ws/agent"), sessionCookie(b, agentName,
                values.getOrDefault("password", "demo")))) {
            agent.await("the agent's welcome", f -> f.startsWith("{\"type\":\"welcome\""));
            for (int i = 0; i < warmup + rounds && System.nanoTime() - begin < maxNanos; i++) {
                if (i == warmup) {
                    begin = System.nanoTime(); // max-seconds bounds the warm-up and, afresh, the measured rounds
                }
                long roundStart = System.nanoTime();
                try (Socket customer = Socket.open(http, ws(a, "/ws/chat"), null)) {
                    customer.send("{\"type\":\"hello\",\"lang\":\"nl\"}");
                    Frame welcome = customer.await("the customer's welcome", f -> f.startsWith("{\"type\":\"welcome\""));
                    Matcher id = CONVERSATION.matcher(welcome.text());
                    id.find();
                    String conversationId = "\"" + id.group(1) + "\"";
                    long wallStart = System.currentTimeMillis();
                    long start = System.nanoTime();
                    customer.send("{\"type\":\"handover\"}");
                    // a new conversation: the first inbox frame that names it is the one that adds it
                    Frame shown = agent.await("the inbox with the chat",
                            f -> f.startsWith("{\"type\":\"inbox\"") && f.contains(conversationId));
                    Frame status = customer.await("the customer's queued status", HandoverDriver::queuedStatus);
                    long took = (shown.nanos() - start) / 1000;
                    if (i >= warmup) {
                        inbox.add(took);
                        queued.add((status.nanos() - start) / 1000);
                        if (took > slowMicros) {
                            slow.add(wallStart + "\t" + took / 1000.0);
                        }
                    }
                    agent.send("{\"type\":\"accept\",\"conversationId\":" + conversationId + "}");
                    agent.await("accepted", f -> f.startsWith("{\"type\":\"accepted\"") && f.contains(conversationId));
                    agent.send("{\"type\":\"close\",\"conversationId\":" + conversationId + "}");
                    Frame closed = customer.await("the customer's closed status", f -> f.startsWith("{\"type\":\"event\"")
                            && f.contains("\"kind\":\"status\"") && f.contains("\"status\":\"closed\""));
                    if (i >= warmup) {
                        welcomed.add((welcome.nanos() - roundStart) / 1000);
                        whole.add((closed.nanos() - roundStart) / 1000);
                    }
                } catch (RoundFailed e) {
                    failed++;
                    System.err.println(label + ": round " + i + " failed: " + e.getMessage());
                }
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        Collections.sort(inbox);
        Collections.sort(queued);
        Collections.sort(welcomed);
        Collections.sort(whole);
        System.out.printf(Locale.ROOT, "%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%.0f\t%.1f\t%.1f\t%.1f%n", label,
                inbox.size(), pct(inbox, 50), pct(inbox, 90), pct(inbox, 99), inbox.isEmpty() ? 0 : inbox.getLast() / 1000.0,
                pct(queued, 50), pct(queued, 99), slow.size(), failed, seconds, pct(welcomed, 50), pct(welcomed, 99),
                pct(whole, 50));
        String slowFile = values.getOrDefault("slowFile", "");
        if (!slowFile.isEmpty()) {
            Files.write(Path.of(slowFile), slow);
        }
    }

    private static boolean queuedStatus(String f) {
        return f.startsWith("{\"type\":\"event\"") && f.contains("\"kind\":\"status\"")
                && f.contains("\"status\":\"queued\"");
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!uri.getHost().equals("localhost") && !uri.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("load runs only against loopback, not " + url);
        }
        return uri;
    }

    private static URI ws(URI http, String path) {
        return URI.create("ws://" + http.getHost() + ":" + http.getPort() + path);
    }

    /** Signs in through the real form (CSRF token included) and returns the session cookie. */
    private static String sessionCookie(URI base, String name, String password) throws IOException, InterruptedException {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String csrf = http.send(HttpRequest.newBuilder(base.resolve("/console/csrf")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + field(csrf, "parameterName") + "="
                + URLEncoder.encode(field(csrf, "token"), StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(base.resolve("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + name + " failed: " + response.statusCode() + " " + location);
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElseThrow();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A whole text frame and when its last part arrived. */
    private record Frame(String text, long nanos) {
    }

    private static final class RoundFailed extends RuntimeException {
        RoundFailed(String message) {
            super(message);
        }
    }

    /** One socket whose frames are stamped on arrival and read in order by the round. */
    private static final class Socket implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket ws;

        static Socket open(HttpClient http, URI uri, String cookie) {
            var socket = new Socket();
            var builder = http.newWebSocketBuilder();
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            socket.ws = builder.buildAsync(uri, socket).join();
            return socket;
        }

        void send(String json) {
            ws.sendText(json, true).join();
        }

        /** The next frame that matches; the ones before it are skipped. */
        Frame await(String what, Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (true) {
                Frame frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new RoundFailed("no " + what + " within " + TIMEOUT_SECONDS + " s");
                }
                if (wanted.test(frame.text())) {
                    return frame;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(new Frame(partial.toString(), System.nanoTime()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            ws.abort();
        }
    }
}

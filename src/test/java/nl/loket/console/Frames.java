package nl.loket.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A real WebSocket client (the JDK's) that keeps every frame it receives, for tests on both channels. */
public class Frames implements WebSocket.Listener, AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    public final WebSocket socket;

    public Frames(String url, String cookie) {
        this(url, cookie, null);
    }

    public Frames(String url, String cookie, String origin) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(URI.create(url), this).join();
    }

    public void send(Object... keyValues) {
        ObjectNode frame = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            frame.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        socket.sendText(JSON.writeValueAsString(frame), true).join();
    }

    /** The next frame (kept or new) that matches; fails after ten seconds. */
    public synchronized JsonNode await(String description, Predicate<JsonNode> match) {
        for (JsonNode frame : seen) {
            if (match.test(frame)) {
                seen.remove(frame);
                return frame;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode frame = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no frame " + description + " within " + WAIT + "; got " + seen);
                }
                if (match.test(frame)) {
                    return frame;
                }
                seen.add(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode await(String type) {
        return await(type, f -> type.equals(f.path("type").asString()));
    }

    /** Every frame received so far (kept or new), without waiting. */
    public synchronized List<JsonNode> drain() {
        inbox.drainTo(seen);
        return List.copyOf(seen);
    }

    /** Drops every frame received so far. */
    public synchronized void forget() {
        inbox.clear();
        seen.clear();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            inbox.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        socket.abort();
    }
}

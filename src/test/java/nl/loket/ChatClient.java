package nl.loket;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client for tests: sends JSON frames and waits for the frames it expects. */
public final class ChatClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<JsonNode> frames;
    private final WebSocketSession session;
    private final java.util.Set<Integer> taken = new java.util.HashSet<>();

    private ChatClient(WebSocketSession session, List<JsonNode> frames) {
        this.session = session;
        this.frames = frames;
    }

    public static ChatClient connect(int port) {
        return connect(URI.create("ws://localhost:" + port + "/ws/chat"), new WebSocketHttpHeaders());
    }

    public static ChatClient connect(URI uri, WebSocketHttpHeaders headers) {
        var frames = new CopyOnWriteArrayList<JsonNode>();
        try {
            WebSocketSession session = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
                @Override
                protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                    frames.add(JSON.readTree(message.getPayload()));
                }
            }, headers, uri).get(10, TimeUnit.SECONDS);
            return new ChatClient(session, frames);
        } catch (Exception e) {
            throw new IllegalStateException("could not connect to " + uri, e);
        }
    }

    public ChatClient send(Map<String, ?> frame) {
        return sendRaw(JSON.writeValueAsString(frame));
    }

    public ChatClient sendRaw(String text) {
        return sendMessage(new TextMessage(text));
    }

    public ChatClient sendBinary(byte[] bytes) {
        return sendMessage(new BinaryMessage(bytes));
    }

    private ChatClient sendMessage(WebSocketMessage<?> message) {
        try {
            synchronized (session) {
                session.sendMessage(message);
            }
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("could not send", e);
        }
    }

    /**
     * Waits for the first frame that matches and was not taken by an earlier await, and takes it.
     * Frames of different kinds may arrive in either order (an ack and its event, say).
     */
    public JsonNode await(String description, Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < frames.size(); i++) {
                if (!taken.contains(i) && matches.test(frames.get(i))) {
                    taken.add(i);
                    return frames.get(i);
                }
            }
            sleep();
        }
        return fail("no frame: " + description + " within " + WAIT + "; got " + frames);
    }

    public JsonNode awaitType(String type) {
        return await("type " + type, f -> type.equals(f.path("type").asString()));
    }

    public JsonNode awaitEvent(Predicate<JsonNode> matches) {
        return await("matching event", f -> "event".equals(f.path("type").asString()) && matches.test(f));
    }

    public JsonNode awaitError(String code) {
        return await("error " + code, f -> "error".equals(f.path("type").asString())
                && code.equals(f.path("code").asString()));
    }

    /** Every event frame received so far, in arrival order. */
    public List<JsonNode> events() {
        return frames.stream().filter(f -> "event".equals(f.path("type").asString())).toList();
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public JsonNode hello(Map<String, ?> hello) {
        var frame = new java.util.HashMap<String, Object>(hello);
        frame.put("type", "hello");
        send(frame);
        return awaitType("welcome");
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Drops the TCP connection without a close handshake, as a lost network would. */
    public void drop() {
        try {
            session.close(CloseStatus.GOING_AWAY);
        } catch (Exception ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        drop();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

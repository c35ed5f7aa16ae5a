package nl.loket.widget;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits between the widget and the server ({@code page.routeWebSocket}): records what the widget
 * sends, can drop the socket, refuse new ones, swallow the server's frames or add frames of its own.
 */
final class SocketProxy {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final AtomicBoolean refuseNewSockets = new AtomicBoolean();
    final AtomicBoolean swallowServerFrames = new AtomicBoolean();
    final List<String> fromWidget = new CopyOnWriteArrayList<>();
    private final List<WebSocketRoute> pageSides = new CopyOnWriteArrayList<>();

    /** Routes every widget socket of this page through a new proxy; call before the page opens one. */
    static SocketProxy on(Page page) {
        var proxy = new SocketProxy();
        page.routeWebSocket(Pattern.compile(".*/ws/chat$"), proxy::accept);
        return proxy;
    }

    void accept(WebSocketRoute page) {
        if (refuseNewSockets.get()) {
            page.close();
            return;
        }
        WebSocketRoute server = page.connectToServer();
        pageSides.add(page);
        page.onMessage(frame -> {
            fromWidget.add(frame.text());
            server.send(frame.text());
        });
        server.onMessage(frame -> {
            if (!swallowServerFrames.get()) {
                page.send(frame.text());
            }
        });
    }

    void dropCurrentSocket() {
        pageSides.getLast().close();
    }

    /** A frame as if the server had sent it: for protocol features the server does not produce yet. */
    void sendToWidget(String frame) {
        pageSides.getLast().send(frame);
    }

    List<JsonNode> frames(String type) {
        return fromWidget.stream().map(JSON::readTree).filter(f -> type.equals(f.path("type").asString()))
                .toList();
    }

    List<JsonNode> hellos() {
        return frames("hello");
    }

    List<String> messageIdsFor(String text) {
        return frames("message").stream().filter(f -> text.equals(f.path("text").asString()))
                .map(f -> f.path("clientMsgId").asString()).toList();
    }
}

package nl.loket.console;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nl.loket.conversation.Subscription;
import nl.loket.handover.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** One agent's socket: who they are, the chats it follows and the presence they chose. */
final class AgentSocket {

    private static final Logger log = LoggerFactory.getLogger(AgentSocket.class);

    private final WebSocketSession session;
    private final Map<String, Subscription> views = new ConcurrentHashMap<>();
    final InboxView inbox = new InboxView();
    final Agent agent;
    volatile Presence presence;

    AgentSocket(WebSocketSession session, Agent agent, Presence presence) {
        // pushes come from several threads (inbox, followed chats, answers); a slow browser buffers up to 1 MiB
        this.session = new ConcurrentWebSocketSessionDecorator(session, 10_000, 1024 * 1024);
        this.agent = agent;
        this.presence = presence;
    }

    String id() {
        return session.getId();
    }

    void send(TextMessage message) {
        try {
            if (session.isOpen()) {
                session.sendMessage(message);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not send to agent socket {}: {}", session.getId(), e.toString());
        }
    }

    /** Follows a chat with a new subscription, replacing the one it had. */
    void follow(String conversationId, Supplier<Subscription> subscribe) {
        unfollow(conversationId);
        views.put(conversationId, subscribe.get());
    }

    void unfollow(String conversationId) {
        Subscription view = views.remove(conversationId);
        if (view != null) {
            view.close();
        }
    }

    void unfollowAll() {
        views.keySet().forEach(this::unfollow);
    }
}

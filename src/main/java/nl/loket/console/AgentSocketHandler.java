package nl.loket.console;

import io.lettuce.core.RedisException;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import nl.loket.handover.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The agent channel {@code /ws/agent} (docs/console-protocol.md): the socket's life. Its principal
 * comes from the signed-in HTTP session; every frame is read into an {@link AgentFrame} and carried
 * out by {@link AgentCommands}, and every refusal is answered with a stable {@link ErrorCode}.
 */
@Component
class AgentSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);

    private final AgentDirectory directory;
    private final AgentSockets sockets;
    private final AgentFrameReader reader;
    private final AgentCommands commands;
    private final InboxFeed inbox;
    private final HandoverLink handover;
    private final AgentFrames frames;

    AgentSocketHandler(AgentDirectory directory, AgentSockets sockets, AgentFrameReader reader,
            AgentCommands commands, InboxFeed inbox, HandoverLink handover, AgentFrames frames) {
        this.directory = directory;
        this.sockets = sockets;
        this.reader = reader;
        this.commands = commands;
        this.inbox = inbox;
        this.handover = handover;
        this.frames = frames;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Principal principal = session.getPrincipal();
        Optional<Agent> agent = principal == null ? Optional.empty() : directory.find(principal.getName());
        if (agent.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in first"));
            return;
        }
        // a reconnect keeps the presence the agent chose; a new shift starts online
        Presence presence = handover.presenceOf(agent.get());
        var socket = new AgentSocket(session, agent.get(), presence == Presence.OFFLINE ? Presence.ONLINE : presence);
        sockets.add(socket);
        handover.presence(socket.agent, socket.presence);
        socket.send(frames.welcome(socket.agent, socket.presence));
        inbox.pushTo(socket);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        AgentSocket socket = sockets.remove(session.getId());
        if (socket == null) {
            return;
        }
        socket.unfollowAll();
        if (!sockets.anyOf(socket.agent)) {
            handover.presence(socket.agent, Presence.OFFLINE);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        AgentSocket socket = sockets.get(session.getId());
        if (socket == null) {
            return;
        }
        AgentFrame frame = null;
        try {
            frame = reader.read(message.getPayload());
            commands.handle(socket, frame);
        } catch (Refused e) {
            Refused refusal = frame instanceof AgentFrame.AboutChat chat ? e.about(chat.conversationId()) : e;
            socket.send(frames.error(refusal.code(), refusal.getMessage(), refusal.conversationId()));
        } catch (DataAccessException | RedisException e) {
            // nothing was stored or changed: the console keeps the text and sends it again (same clientMsgId)
            log.warn("refused an agent frame on socket {}: Redis unavailable ({})", session.getId(), e.toString());
            socket.send(frames.error(ErrorCode.UNAVAILABLE, "Loket cannot store this right now; try again in a moment",
                    frame instanceof AgentFrame.AboutChat chat ? chat.conversationId() : null));
        } catch (RuntimeException e) {
            log.error("could not handle an agent frame on socket {}", session.getId(), e);
            socket.send(frames.error(ErrorCode.INTERNAL, "something went wrong on our side; please try again",
                    frame instanceof AgentFrame.AboutChat chat ? chat.conversationId() : null));
        }
    }
}

package nl.loket.gateway;

import io.lettuce.core.RedisException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Author;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationListener;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.StartedConversation;
import nl.loket.insight.Satisfaction;
import nl.loket.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/** The customer channel {@code /ws/chat}; the protocol is in docs/protocol.md. */
@Component
public class ChatSocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 512 * 1024;
    private static final int TEXT_BUFFER_CHARS = 2048;
    /** RFC 6455 1013: the client should reconnect later, not at once. */
    private static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "too many connections; try again later");
    /** The client stopped reading what it was sent; docs/protocol.md. */
    private static final CloseStatus FELL_BEHIND = new CloseStatus(4000, "fell behind: reconnect and resume with hello.lastSeq");

    private final Conversations conversations;
    private final Router router;
    private final Satisfaction satisfaction;
    private final FrameReader reader;
    private final ServerFrames frames;
    private final Disclosure disclosure;
    private final CustomerIdentity identity;
    private final GatewayProperties properties;
    private final RateLimits limits;
    private final Clock clock;
    private final Map<String, CustomerSocket> sockets = new ConcurrentHashMap<>();

    ChatSocketHandler(Conversations conversations, Router router, FrameReader reader, ServerFrames frames,
            Disclosure disclosure, CustomerIdentity identity, GatewayProperties properties, RateLimits limits,
            Satisfaction satisfaction, MeterRegistry meters, Clock clock) {
        this.conversations = conversations;
        this.satisfaction = satisfaction;
        this.router = router;
        this.reader = reader;
        this.frames = frames;
        this.disclosure = disclosure;
        this.identity = identity;
        this.properties = properties;
        this.limits = limits;
        this.clock = clock;
        Gauge.builder("loket.sockets.open", sockets, Map::size).tag("channel", "chat")
                .description("Open customer sockets on this node").register(meters);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // partial messages arrive in pieces of this size: the container's larger default is for the agent socket
        session.setTextMessageSizeLimit(TEXT_BUFFER_CHARS);
        var safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        var socket = new CustomerSocket(safe, RateLimits.addressOf(session.getRemoteAddress()), limits.socketFrames(),
                clock.instant());
        sockets.put(session.getId(), socket);
        try {
            if (!limits.socketOpened(socket.address)) {
                refuse(socket, session, ErrorCode.RATE_LIMITED, "too many connections from your address; try again in a minute");
            }
        } catch (DataAccessException | RedisException e) {
            // the connection budget lives in Redis: while it is away, say so instead of a bare close
            log.warn("refused socket {}: Redis unavailable ({})", session.getId(), e.toString());
            refuse(socket, session, ErrorCode.UNAVAILABLE, "we cannot take a new chat right now; try again in a moment");
        }
    }

    /** Closes the container's session itself: the decorator's close could overtake the error frame. */
    private void refuse(CustomerSocket socket, WebSocketSession session, ErrorCode code, String message) {
        send(socket, frames.error(code, message));
        try {
            session.close(TRY_AGAIN_LATER);
        } catch (IOException e) {
            log.debug("could not close refused socket {}: {}", session.getId(), e.toString());
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        CustomerSocket socket = sockets.get(session.getId());
        if (socket == null) {
            return;
        }
        socket.lastSeen = clock.instant();
        try {
            if (message.isLast() && !admitted(socket)) {
                return;
            }
            String text = socket.append(message.getPayload(), message.isLast(), properties.maxFrameBytes());
            if (text == null) {
                return;
            }
            handle(socket, reader.read(text));
        } catch (BadFrame e) {
            send(socket, frames.error(e.code(), e.getMessage()));
        } catch (DataAccessException | RedisException e) {
            // Redis is away (the budgets talk to Lettuce directly), or no replica confirmed: never acknowledged
            log.warn("refused a frame on socket {}: Redis unavailable ({})", session.getId(), e.toString());
            send(socket, frames.error(ErrorCode.UNAVAILABLE, "we cannot store this safely right now; send it again "
                    + "in a moment (a message sent twice is stored once)"));
        } catch (RuntimeException e) {
            log.error("could not handle a frame on socket {}", session.getId(), e);
            send(socket, frames.error(ErrorCode.INTERNAL, "something went wrong on our side; please try again"));
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        CustomerSocket socket = sockets.get(session.getId());
        if (socket != null && message.isLast() && admitted(socket)) {
            send(socket, frames.error(ErrorCode.BAD_FRAME, "binary frames are not supported; send JSON text"));
        }
    }

    /** Every complete frame counts, whatever it holds; a refused one is dropped unread. */
    private boolean admitted(CustomerSocket socket) {
        switch (socket.admit()) {
            case ADMITTED -> {
                return true;
            }
            case REFUSED -> send(socket, frames.error(ErrorCode.RATE_LIMITED, "too many frames (this connection may "
                    + "send " + properties.limits().framesPerSocket().described() + "); frames are dropped until you slow down"));
            case REFUSED_QUIETLY -> { }
        }
        limits.refusedFrame();
        return false;
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        CustomerSocket socket = sockets.get(session.getId());
        if (socket != null) {
            socket.lastSeen = clock.instant();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("transport error on socket {}: {}", session.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        CustomerSocket socket = sockets.remove(session.getId());
        if (socket == null) {
            return;
        }
        if (socket.subscription != null) {
            socket.subscription.close();
        }
        if (socket.attachedTo != null) {
            limits.detached(socket.attachedTo);
        }
    }

    private void handle(CustomerSocket socket, ClientFrame frame) {
        if (frame instanceof ClientFrame.Hello hello) {
            hello(socket, hello);
            return;
        }
        if (!socket.saidHello()) {
            throw new BadFrame("send hello first");
        }
        switch (frame) {
            case ClientFrame.Message m -> message(socket, m);
            case ClientFrame.Handover h -> router.customerAskedForPerson(socket.conversationId);
            case ClientFrame.Typing t -> conversations.signalTyping(socket.conversationId, Author.CUSTOMER);
            case ClientFrame.Feedback f -> {
                if (!router.customerGaveFeedback(socket.conversationId, f.seq(), f.helpful())) {
                    throw new BadFrame("feedback.seq " + f.seq() + " is not an answer of the assistant");
                }
            }
            case ClientFrame.Close c -> close(socket);
            case ClientFrame.Csat c -> satisfied(socket, c);
            case ClientFrame.Hello h -> throw new IllegalStateException("handled above");
        }
    }

    private void hello(CustomerSocket socket, ClientFrame.Hello hello) {
        if (socket.saidHello()) {
            throw new BadFrame("hello was already sent on this connection");
        }
        long after = hello.lastSeq() == null ? 0 : hello.lastSeq();
        Conversation conversation;
        String token = null;
        if (hello.conversationId() == null) {
            if (after > 0) {
                throw new BadFrame("hello.lastSeq needs the conversationId it belongs to");
            }
            if (!limits.conversationStarted(socket.address)) {
                throw new BadFrame(ErrorCode.RATE_LIMITED,
                        "too many new conversations from your address; continue one or try again later");
            }
            String lang = hello.lang() == null ? properties.defaultLang() : hello.lang();
            StartedConversation started = conversations.start(lang, hello.page(), identity.describe(hello.customer()));
            conversation = started.conversation();
            token = started.token();
        } else {
            conversation = conversations.find(hello.conversationId()).orElseThrow(
                    () -> new BadFrame(ErrorCode.UNKNOWN_CONVERSATION, "no conversation with that id; start a new one"));
            if (hello.token() == null || !conversations.tokenMatches(conversation.id(), hello.token())) {
                throw new BadFrame(ErrorCode.FORBIDDEN, "the token does not match this conversation");
            }
            if (after > conversation.lastSeq()) {
                // a client cannot have seen events the log does not hold: its state is not this conversation's
                throw new BadFrame("hello.lastSeq " + after + " is beyond the last event (" + conversation.lastSeq()
                        + ") of this conversation; resume with lastSeq 0 for the whole history");
            }
        }
        if (socket.attachedTo != null) {
            limits.detached(socket.attachedTo); // an earlier hello on this socket failed after it attached
            socket.attachedTo = null;
        }
        if (!limits.attached(conversation.id())) {
            throw new BadFrame(ErrorCode.RATE_LIMITED,
                    "this conversation is open in too many places; close one and try again");
        }
        socket.attachedTo = conversation.id();
        send(socket, frames.welcome(conversation.id(), token, conversation.status(), conversation.lang(),
                disclosure.in(conversation.lang()), conversation.lastSeq()));
        socket.subscription = conversations.subscribe(conversation.id(), after, new Push(socket));
        socket.lang = conversation.lang();
        socket.conversationId = conversation.id();
        if (!socket.session.isOpen()) {
            socket.subscription.close(); // the socket went while we subscribed; afterConnectionClosed has run
        }
    }

    private void message(CustomerSocket socket, ClientFrame.Message m) {
        if (!limits.messageAllowed(socket.conversationId)) {
            // a resend of a stored message (after a reconnect) is answered, never refused
            OptionalLong stored = conversations.storedSeq(socket.conversationId, m.clientMsgId());
            if (stored.isEmpty()) {
                throw new BadFrame(ErrorCode.RATE_LIMITED, "this conversation has sent many messages in a short "
                        + "time; wait a minute before the next");
            }
            send(socket, frames.ack(m.clientMsgId(), stored.getAsLong()));
            return;
        }
        switch (conversations.appendCustomerMessage(socket.conversationId, m.clientMsgId(), m.text())) {
            case AppendResult.Stored stored -> {
                send(socket, frames.ack(m.clientMsgId(), stored.event().seq()));
                router.customerSaid(socket.conversationId, stored.event(), socket.address);
            }
            case AppendResult.Duplicate duplicate -> {
                limits.messageRefunded(socket.conversationId);
                send(socket, frames.ack(m.clientMsgId(), duplicate.seq()));
            }
            case AppendResult.UnknownConversation u ->
                throw new BadFrame(ErrorCode.UNKNOWN_CONVERSATION, "this conversation has expired; start a new one");
            case AppendResult.StatusRefused refused ->
                throw new BadFrame(ErrorCode.CONVERSATION_CLOSED, "this conversation is closed; start a new one");
        }
    }

    private void satisfied(CustomerSocket socket, ClientFrame.Csat csat) {
        switch (satisfaction.record(socket.conversationId, csat.score(), csat.comment())) {
            case STORED, ALREADY_ANSWERED -> send(socket, frames.csatSaved());
            case NOT_ENDED -> throw new BadFrame("csat is asked once the chat has ended; close it first");
            case UNKNOWN_CONVERSATION ->
                throw new BadFrame(ErrorCode.UNKNOWN_CONVERSATION, "this conversation has expired");
        }
    }

    private void close(CustomerSocket socket) {
        conversations.close(socket.conversationId, "customer_closed");
    }

    /** Drops sockets that stopped answering pings; a dead TCP connection otherwise lingers for minutes. */
    @Scheduled(fixedDelayString = "${loket.gateway.heartbeat:25s}")
    void heartbeat() {
        Instant deadline = clock.instant().minus(properties.heartbeat().multipliedBy(3));
        for (CustomerSocket socket : sockets.values()) {
            try {
                if (socket.lastSeen.isBefore(deadline)) {
                    socket.session.close(CloseStatus.SESSION_NOT_RELIABLE);
                } else {
                    socket.session.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
                }
            } catch (IOException | RuntimeException e) {
                log.debug("heartbeat failed on socket {}", socket.session.getId());
            }
        }
    }

    /**
     * Drops a socket whose client stopped reading, with a close that says to resume: the widget (any
     * client) reconnects and replays from its last seq. Memory per socket stays bounded meanwhile.
     */
    private static void resume(CustomerSocket socket) {
        try {
            socket.session.close(FELL_BEHIND);
        } catch (IOException | RuntimeException e) {
            log.debug("could not close the fallen-behind socket {}: {}", socket.session.getId(), e.toString());
        }
    }

    private static void send(CustomerSocket socket, WebSocketMessage<?> message) {
        try {
            if (socket.session.isOpen()) {
                socket.session.sendMessage(message);
            }
        } catch (SessionLimitExceededException e) {
            resume(socket); // its send buffer is full: nothing more would ever reach it
        } catch (IOException | RuntimeException e) {
            log.debug("could not send to socket {}: {}", socket.session.getId(), e.toString());
        }
    }

    /** Pushes the conversation's events to this one socket; internal notes never reach a customer. */
    private final class Push implements ConversationListener {

        private final CustomerSocket socket;

        Push(CustomerSocket socket) {
            this.socket = socket;
        }

        @Override
        public void onEvent(ConversationEvent event) {
            if (event.kind().visibleToCustomer()) {
                send(socket, frames.event(event));
            }
        }

        @Override
        public void onTyping(Author author) {
            if (author == Author.AGENT) {
                send(socket, frames.typing(author.wireName()));
            }
        }

        @Override
        public void onDelta(long replyTo, String text) {
            send(socket, frames.delta(replyTo, text));
        }

        @Override
        public void onDeltasDiscarded(long replyTo) {
            send(socket, frames.discardDeltas(replyTo));
        }

        @Override
        public boolean fellBehind() {
            Thread.startVirtualThread(() -> resume(socket)); // the close may wait for the stuck write
            return true;
        }
    }
}

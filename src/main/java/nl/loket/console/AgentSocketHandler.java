package nl.loket.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Author;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationListener;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import nl.loket.conversation.Subscription;
import nl.loket.handover.AgentAction;
import nl.loket.handover.Handover;
import nl.loket.handover.InboxChanged;
import nl.loket.handover.Presence;
import nl.loket.handover.WaitingChat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent channel {@code /ws/agent} (docs/console-protocol.md). The socket's principal comes from
 * the signed-in HTTP session; every frame that names a conversation is authorised here: an agent
 * reads only chats waiting in their queues (or transferred to them) and chats they hold;
 * supervisors read all. Only the agent holding a chat writes in it.
 */
@Component
class AgentSocketHandler extends TextWebSocketHandler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);
    private static final int MAX_TEXT = 4000;

    private final Conversations conversations;
    private final Handover handover;
    private final AgentDirectory directory;
    private final CannedReplies canned;
    private final ObjectProvider<ReplySuggester> suggesters;
    private final JsonMapper json;
    private final Map<String, AgentSocket> sockets = new ConcurrentHashMap<>();
    private final ExecutorService pushes = Executors.newVirtualThreadPerTaskExecutor();

    AgentSocketHandler(Conversations conversations, Handover handover, AgentDirectory directory,
            CannedReplies canned, ObjectProvider<ReplySuggester> suggesters, JsonMapper json, MeterRegistry meters) {
        this.conversations = conversations;
        this.handover = handover;
        this.directory = directory;
        this.canned = canned;
        this.suggesters = suggesters;
        this.json = json;
        Gauge.builder("loket.sockets.open", sockets, Map::size).tag("channel", "console")
                .description("Open agent console sockets on this node").register(meters);
    }

    /** One agent's socket: who they are, the chats they have open and their chosen presence. */
    private static final class AgentSocket {
        final WebSocketSession session;
        final Agent agent;
        final Map<String, Subscription> views = new ConcurrentHashMap<>();
        volatile Presence presence;

        AgentSocket(WebSocketSession session, Agent agent, Presence presence) {
            this.session = session;
            this.agent = agent;
            this.presence = presence;
        }
    }

    /** A bad frame or a refused action, answered with a stable code. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Principal principal = session.getPrincipal();
        Optional<Agent> agent = principal == null ? Optional.empty() : directory.find(principal.getName());
        if (agent.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in first"));
            return;
        }
        Presence presence = handover.presenceOf(agent.get().name());
        var socket = new AgentSocket(new ConcurrentWebSocketSessionDecorator(session, 10_000, 1024 * 1024),
                agent.get(), presence == Presence.OFFLINE ? Presence.ONLINE : presence);
        sockets.put(session.getId(), socket);
        handover.presence(socket.agent.name(), socket.agent.queues(), socket.presence);
        send(socket, frame("welcome").put("agent", socket.agent.name()).put("supervisor", socket.agent.supervisor())
                .put("presence", socket.presence.name().toLowerCase(Locale.ROOT))
                .set("queues", json.valueToTree(socket.agent.queues())));
        pushInbox(socket);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        AgentSocket socket = sockets.remove(session.getId());
        if (socket == null) {
            return;
        }
        socket.views.values().forEach(Subscription::close);
        boolean otherSocketHere = sockets.values().stream().anyMatch(s -> s.agent.name().equals(socket.agent.name()));
        if (!otherSocketHere) {
            handover.presence(socket.agent.name(), socket.agent.queues(), Presence.OFFLINE);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        AgentSocket socket = sockets.get(session.getId());
        if (socket == null) {
            return;
        }
        String conversationId = null;
        try {
            JsonNode frame;
            try {
                frame = json.readTree(message.getPayload());
            } catch (JacksonException e) {
                throw new Refused("bad_frame", "not JSON");
            }
            if (frame == null || !frame.isObject()) {
                throw new Refused("bad_frame", "a frame is a JSON object with a type");
            }
            conversationId = optional(frame, "conversationId");
            handle(socket, frame, text(frame, "type"));
        } catch (Refused e) {
            send(socket, error(e.code, e.getMessage(), conversationId));
        } catch (RuntimeException e) {
            log.error("could not handle an agent frame on socket {}", session.getId(), e);
            send(socket, error("internal", "something went wrong on our side; please try again", conversationId));
        }
    }

    private void handle(AgentSocket socket, JsonNode frame, String type) {
        Agent agent = socket.agent;
        switch (type) {
            case "presence" -> {
                try {
                    socket.presence = Presence.valueOf(text(frame, "status").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new Refused("bad_frame", "presence.status is online, away or offline");
                }
                handover.presence(agent.name(), agent.queues(), socket.presence);
                send(socket, frame("presence").put("status", socket.presence.name().toLowerCase(Locale.ROOT)));
            }
            case "inbox" -> pushInbox(socket);
            case "callbacks" -> pushCallbacks(socket);
            case "callback_done" -> {
                String id = text(frame, "id");
                var task = handover.callback(id).filter(t -> agent.supervisor() || agent.queues().contains(t.queue()))
                        .orElseThrow(() -> new Refused("forbidden", "no callback task of your queues with that id"));
                handover.callbackDone(task.id(), agent.name());
            }
            case "canned" -> send(socket, frame("canned").set("replies", json.valueToTree(canned.all())));
            case "open" -> open(socket, readable(agent, text(frame, "conversationId")), lastSeq(frame));
            case "unsubscribe" -> {
                Subscription view = socket.views.remove(text(frame, "conversationId"));
                if (view != null) {
                    view.close();
                }
            }
            case "packet" -> {
                String id = readable(agent, text(frame, "conversationId"));
                send(socket, frame("packet").put("conversationId", id)
                        .set("packet", json.valueToTree(handover.packet(id).orElse(null))));
            }
            case "accept" -> accept(socket, text(frame, "conversationId"));
            case "message", "note" -> write(socket, frame, type);
            case "typing" -> conversations.signalTyping(held(agent, text(frame, "conversationId")), Author.AGENT);
            case "transfer" -> {
                String id = held(agent, text(frame, "conversationId"));
                String toAgent = optional(frame, "agent");
                if (toAgent != null && directory.find(toAgent).isEmpty()) {
                    throw new Refused("unknown_agent", "no agent called " + toAgent);
                }
                outcome(handover.transfer(id, agent.name(), optional(frame, "queue"), toAgent), id);
            }
            case "handback" -> {
                String id = held(agent, text(frame, "conversationId"));
                outcome(handover.handBack(id, agent.name()), id);
            }
            case "close" -> {
                String id = held(agent, text(frame, "conversationId"));
                outcome(handover.close(id, agent.name()), id);
            }
            case "suggest" -> {
                String id = readable(agent, text(frame, "conversationId"));
                // a model call takes seconds: not on the socket's thread
                Thread.ofVirtual().name("suggest").start(() -> suggest(socket, id));
            }
            default -> throw new Refused("bad_frame", "unknown frame type '" + type + "'");
        }
    }

    private void accept(AgentSocket socket, String conversationId) {
        Agent agent = socket.agent;
        // the queue decides, not the status: whoever loses a race for a chat of their queue hears not_waiting
        boolean ofMyQueues = conversations.find(conversationId).isPresent() && (agent.supervisor()
                || handover.waitingFor(conversationId).map(agent.name()::equals)
                        .orElseGet(() -> handover.queueOf(conversationId).filter(agent.queues()::contains).isPresent()));
        if (!ofMyQueues) {
            throw new Refused("forbidden", "this chat is not waiting in your queues and not assigned to you");
        }
        AgentAction action = handover.accept(conversationId, socket.agent.name());
        outcome(action, conversationId);
        send(socket, frame("accepted").put("conversationId", conversationId)
                .set("packet", json.valueToTree(handover.packet(conversationId).orElse(null))));
        open(socket, conversationId, 0);
    }

    private void write(AgentSocket socket, JsonNode frame, String type) {
        Agent agent = socket.agent;
        String id = "note".equals(type) ? readable(agent, text(frame, "conversationId"))
                : held(agent, text(frame, "conversationId"));
        String text = text(frame, "text").strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new Refused("bad_frame", "text is 1 to " + MAX_TEXT + " characters");
        }
        String clientMsgId = optional(frame, "clientMsgId");
        var event = new ConversationEvent(0, "note".equals(type) ? EventKind.NOTE : EventKind.MESSAGE, Author.AGENT,
                text, null, null, null, null, agent.name(), null, null,
                clientMsgId == null ? null : "agent:" + agent.name() + ":" + clientMsgId, null, null);
        switch (conversations.appendFromAgent(id, event)) {
            case AppendResult.Stored stored -> send(socket, ack(id, clientMsgId, stored.event().seq()));
            case AppendResult.Duplicate duplicate -> send(socket, ack(id, clientMsgId, duplicate.seq()));
            case AppendResult.UnknownConversation u -> throw new Refused("unknown_conversation", "no such conversation");
            case AppendResult.StatusRefused r ->
                throw new Refused("not_yours", "an agent can write only while holding the chat (status is "
                        + r.current().wireName() + ")");
        }
    }

    private void suggest(AgentSocket socket, String id) {
        ReplySuggester suggester = suggesters.getIfAvailable();
        ObjectNode reply = frame("suggestion").put("conversationId", id);
        if (suggester != null) {
            try {
                handover.packet(id).flatMap(p -> suggester.suggest(p, conversations.eventsAfter(id, 0)))
                        .ifPresent(s -> reply.put("text", s.text()).put("source", s.source()));
            } catch (RuntimeException e) {
                log.warn("no suggestion for {}", id, e); // the agent simply gets none
            }
        }
        send(socket, reply);
    }

    /** Follows a conversation from {@code afterSeq}: the replay, then live events, in order, once. */
    private void open(AgentSocket socket, String conversationId, long afterSeq) {
        Subscription previous = socket.views.remove(conversationId);
        if (previous != null) {
            previous.close();
        }
        socket.views.put(conversationId, conversations.subscribe(conversationId, afterSeq,
                new View(socket, conversationId)));
    }

    /** Pushes one conversation's events to one agent socket, and stops when the agent may no longer read it. */
    private final class View implements ConversationListener {

        private final AgentSocket socket;
        private final String conversationId;

        View(AgentSocket socket, String conversationId) {
            this.socket = socket;
            this.conversationId = conversationId;
        }

        @Override
        public void onEvent(ConversationEvent event) {
            ObjectNode frame = frame("event").put("conversationId", conversationId);
            frame.setAll((ObjectNode) json.valueToTree(event));
            send(socket, frame);
            if (event.kind() == EventKind.STATUS && !mayRead(socket.agent, conversationId)) {
                Subscription view = socket.views.remove(conversationId);
                if (view != null) {
                    pushes.execute(view::close);
                }
            }
        }

        @Override
        public void onTyping(Author author) {
            if (author == Author.CUSTOMER) {
                send(socket, frame("typing").put("conversationId", conversationId).put("author", author.wireName()));
            }
        }
    }

    // ------------------------------------------------------------------ authorisation

    private boolean mayRead(Agent agent, String id) {
        Conversation conversation = conversations.find(id).orElse(null);
        if (conversation == null) {
            return false;
        }
        if (agent.supervisor() || handover.agentOf(id).filter(agent.name()::equals).isPresent()) {
            return true;
        }
        if (conversation.status() != ConversationStatus.QUEUED) {
            return false;
        }
        Optional<String> forAgent = handover.waitingFor(id);
        return forAgent.isPresent() ? forAgent.get().equals(agent.name())
                : handover.queueOf(id).filter(agent.queues()::contains).isPresent();
    }

    private String readable(Agent agent, String id) {
        if (!mayRead(agent, id)) {
            throw new Refused("forbidden", "this chat is not waiting in your queues and not assigned to you");
        }
        return id;
    }

    private String held(Agent agent, String id) {
        if (handover.agentOf(id).filter(agent.name()::equals).isEmpty()) {
            throw new Refused("not_yours", "only the agent holding this chat can do that");
        }
        return id;
    }

    private static void outcome(AgentAction action, String id) {
        switch (action) {
            case DONE -> {
            }
            case NOT_WAITING -> throw new Refused("not_waiting", "this chat is no longer waiting; someone else took it "
                    + "or the customer left the queue");
            case NOT_YOURS -> throw new Refused("not_yours", "this chat is not assigned to you");
            case UNKNOWN_QUEUE -> throw new Refused("unknown_queue", "no such queue");
            case UNKNOWN_CONVERSATION -> throw new Refused("unknown_conversation", "no such conversation");
        }
    }

    // ------------------------------------------------------------------ inbox, presence

    @EventListener
    void on(InboxChanged changed) {
        // every socket: a transfer to one agent can land in a queue that agent does not serve
        for (AgentSocket socket : sockets.values()) {
            pushes.execute(() -> pushInbox(socket));
        }
    }

    private void pushInbox(AgentSocket socket) {
        Agent agent = socket.agent;
        List<WaitingChat> waiting = new ArrayList<>();
        // every queue: a chat transferred to this agent may wait in a queue they do not serve
        for (WaitingChat chat : handover.waiting(handover.queueNames())) {
            boolean mine = chat.forAgent() == null ? agent.queues().contains(chat.queue())
                    : chat.forAgent().equals(agent.name());
            if (agent.supervisor() || mine) {
                waiting.add(chat);
            }
        }
        Map<String, Boolean> available = new java.util.LinkedHashMap<>();
        agent.queues().forEach(q -> available.put(q, handover.available(q)));
        send(socket, frame("inbox").set("waiting", json.valueToTree(waiting))
                .set("mine", json.valueToTree(handover.chatsOf(agent.name())))
                .set("available", json.valueToTree(available)));
        pushCallbacks(socket);
    }

    private void pushCallbacks(AgentSocket socket) {
        send(socket, frame("callbacks").set("tasks", json.valueToTree(handover.callbacks(socket.agent.queues()))));
    }

    /** Keeps the presence of connected agents alive in Redis; it expires by itself when a node dies. */
    @Scheduled(fixedDelayString = "${loket.console.heartbeat:20s}")
    void heartbeat() {
        for (AgentSocket socket : sockets.values()) {
            try {
                handover.presence(socket.agent.name(), socket.agent.queues(), socket.presence);
            } catch (RuntimeException e) {
                log.debug("presence heartbeat failed for {}", socket.agent.name());
            }
        }
    }

    @Override
    public void close() {
        pushes.close();
    }

    // ------------------------------------------------------------------ frames

    private ObjectNode frame(String type) {
        return json.createObjectNode().put("type", type);
    }

    private ObjectNode ack(String conversationId, String clientMsgId, long seq) {
        return frame("ack").put("conversationId", conversationId).put("clientMsgId", clientMsgId).put("seq", seq);
    }

    private ObjectNode error(String code, String message, String conversationId) {
        ObjectNode error = frame("error").put("code", code).put("message", message);
        return conversationId == null ? error : error.put("conversationId", conversationId);
    }

    private static String text(JsonNode frame, String field) {
        String value = optional(frame, field);
        if (value == null) {
            throw new Refused("bad_frame", "'" + field + "' is required");
        }
        return value;
    }

    private static String optional(JsonNode frame, String field) {
        JsonNode value = frame.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }

    private static long lastSeq(JsonNode frame) {
        JsonNode value = frame.get("lastSeq");
        return value != null && value.canConvertToLong() && value.asLong() >= 0 ? value.asLong() : 0;
    }

    private void send(AgentSocket socket, ObjectNode frame) {
        try {
            if (socket.session.isOpen()) {
                socket.session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not send to agent socket {}: {}", socket.session.getId(), e.toString());
        }
    }
}

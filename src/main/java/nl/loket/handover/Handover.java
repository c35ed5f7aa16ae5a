package nl.loket.handover;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.Transition;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a conversation to a person and back. Every status change is a compare-and-set on the
 * conversation's status with a status event that says why (reason, queue, position or agent), so
 * two nodes never make the same move twice and the bot is silent from the moment a chat is queued.
 * Before queueing, the bot asks the queue's details; when nobody can take the chat it says so
 * honestly and offers to take a message, and the status stays BOT.
 */
@Service
public class Handover {

    /**
     * How far back the triggers look (about 20 turns). Repeats and thumbs-down are about the recent
     * conversation, and reading the whole log on every message made long chats quadratic.
     */
    private static final int RECENT_EVENTS = 40;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{7,18}[0-9]");

    private final Conversations conversations;
    private final MessageSource texts;
    private final QueueCatalog queues;
    private final HandoverStore store;
    private final Triggers triggers;
    private final PacketBuilder packets;
    private final HandoverProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final JsonMapper json;

    Handover(Conversations conversations, MessageSource texts, QueueCatalog queues, HandoverStore store,
            Triggers triggers, PacketBuilder packets, HandoverProperties properties, Clock clock,
            MeterRegistry meters, JsonMapper json) {
        this.conversations = conversations;
        this.texts = texts;
        this.queues = queues;
        this.store = store;
        this.triggers = triggers;
        this.packets = packets;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.json = json;
    }

    // ---------------------------------------------------------------- customer side (routing)

    /**
     * Starts a handover for {@code reason}: {@code customer_asked}, {@code asked_for_person},
     * {@code no_answer}, {@code repeated_question}, {@code unhelpful_answers}, {@code frustration}
     * or {@code faq_handover:<queue>}. Does nothing unless the bot holds the conversation.
     */
    public void request(Conversation conversation, String reason) {
        if (conversation.status() != ConversationStatus.BOT) {
            return;
        }
        meters.counter("loket.handover.requested", "reason", Triggers.metricName(reason)).increment();
        QueueDefinition queue = queueFor(conversation, reason);
        Map<String, String> state = new HashMap<>();
        state.put("reason", reason);
        state.put("queue", queue.name());
        // re-read: a caller may hold the conversation from before it appended its own answer
        long lastSeq = conversations.find(conversation.id()).map(Conversation::lastSeq).orElse(conversation.lastSeq());
        state.put("requestedSeq", Long.toString(lastSeq));
        state.put("requestedAt", Long.toString(now().toEpochMilli()));
        state.put("detail", "0");
        store.putState(conversation.id(), state);
        if (!offerAlternativesWhenUnavailable(conversation, queue)) {
            askNextDetailOrEnqueue(conversation, queue, 0);
        }
    }

    /**
     * Lets handover handle a customer message while the bot holds the conversation: an answer in the
     * details or leave-a-message dialogue, or a message that should go to a person. Returns false
     * when the bot tiers should answer it.
     */
    public boolean consume(Conversation conversation, ConversationEvent message) {
        if (conversation.status() != ConversationStatus.BOT) {
            return false;
        }
        String id = conversation.id();
        Map<String, String> state = store.state(id);
        String text = message.text() == null ? "" : message.text().strip();
        String phase = state.getOrDefault("phase", "");
        switch (phase) {
            case "collecting" -> {
                collectDetail(conversation, state, text);
                return true;
            }
            case "no_agent" -> {
                store.removeState(id, "phase");
                if (text.equalsIgnoreCase(say(conversation, "handover.leave-message.value"))) {
                    store.putState(id, Map.of("phase", "leave_contact"));
                    botSays(conversation, say(conversation, "handover.leave-message.ask-contact"), skipReply(conversation));
                    return true;
                }
                if (text.equalsIgnoreCase(say(conversation, "handover.carry-on.value"))) {
                    botSays(conversation, say(conversation, "handover.carry-on-ack"), List.of());
                    return true;
                }
            }
            case "leave_contact" -> {
                boolean skipped = isSkip(conversation, text);
                if (!skipped && !EMAIL.matcher(text).matches() && !PHONE.matcher(text).matches()) {
                    botSays(conversation, say(conversation, "handover.leave-message.bad-contact"),
                            skipReply(conversation));
                    return true;
                }
                if (!skipped) {
                    store.putDetail(id, "contact", text);
                }
                store.putState(id, Map.of("phase", "leave_question"));
                botSays(conversation, say(conversation, "handover.leave-message.ask-question"), List.of());
                return true;
            }
            case "leave_question" -> {
                store.removeState(id, "phase");
                leaveMessage(conversation, state, text);
                return true;
            }
            default -> {
                // not in a handover dialogue
            }
        }
        List<ConversationEvent> earlier = conversations.eventsAfter(id, Math.max(0, message.seq() - RECENT_EVENTS))
                .stream().filter(e -> e.seq() < message.seq()).toList();
        Optional<String> reason = triggers.reasonFor(message, earlier);
        reason.ifPresent(r -> request(conversation, r));
        return reason.isPresent();
    }

    /** A customer message while the chat waits: "carry on with the assistant" leaves the queue. */
    public void customerWaiting(Conversation conversation, ConversationEvent message) {
        if (conversation.status() != ConversationStatus.QUEUED || message.text() == null
                || !message.text().strip().equalsIgnoreCase(say(conversation, "handover.carry-on.value"))) {
            return;
        }
        String queue = store.state(conversation.id()).get("queue");
        var event = ConversationEvent.statusChange(ConversationStatus.BOT, say(conversation, "handover.left-queue"),
                null, null, Map.of("reason", "customer_left_queue", "queue", nullToEmpty(queue)));
        if (conversations.changeStatus(conversation.id(), Transition.of(ConversationStatus.QUEUED,
                ConversationStatus.BOT), event) instanceof AppendResult.Stored) {
            store.removeState(conversation.id(), "phase", "forAgent");
            leftQueue(queue, conversation.id());
        }
    }

    /** A waiting chat that was closed (by the customer, or by expiry) leaves its queue. */
    void statusChanged(String conversationId, ConversationStatus from, ConversationStatus to) {
        if (from == ConversationStatus.QUEUED && to == ConversationStatus.CLOSED) {
            leftQueue(store.state(conversationId).get("queue"), conversationId);
        }
    }

    /** Two answers marked unhelpful (configurable) hand the chat over, once per run of bad answers. */
    void feedbackGiven(String conversationId) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null || conversation.status() != ConversationStatus.BOT
                || !store.state(conversationId).getOrDefault("phase", "").isEmpty()) {
            return;
        }
        long handledUpTo = Long.parseLong(store.state(conversationId).getOrDefault("unhelpfulHandledSeq", "0"));
        List<ConversationEvent> log = conversations.eventsAfter(conversationId,
                Math.max(handledUpTo, conversation.lastSeq() - RECENT_EVENTS));
        if (triggers.unhelpfulEnough(log)) {
            store.putState(conversationId, Map.of("unhelpfulHandledSeq", Long.toString(conversation.lastSeq())));
            request(conversation, Triggers.UNHELPFUL_ANSWERS);
        }
    }

    // ---------------------------------------------------------------- agent side (console)

    /** Takes a waiting chat. Exactly one of several agents accepting at once, on any nodes, gets it. */
    public AgentAction accept(String conversationId, String agentName) {
        Map<String, String> state = store.state(conversationId);
        String forAgent = state.get("forAgent");
        if (forAgent != null && !forAgent.equals(agentName)) {
            return AgentAction.NOT_YOURS;
        }
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return AgentAction.UNKNOWN_CONVERSATION;
        }
        var event = ConversationEvent.statusChange(ConversationStatus.AGENT,
                say(conversation, "handover.agent-joined", agentName), agentName, null,
                Map.of("reason", "accepted", "queue", state.getOrDefault("queue", "")));
        AppendResult result = conversations.changeStatus(conversationId,
                Transition.of(ConversationStatus.QUEUED, ConversationStatus.AGENT), event);
        return switch (result) {
            case AppendResult.Stored stored -> {
                store.putState(conversationId, Map.of("phase", "agent", "agent", agentName, "acceptedAt",
                        Long.toString(now().toEpochMilli())));
                store.removeState(conversationId, "forAgent");
                store.assign(agentName, conversationId, true);
                leftQueue(state.get("queue"), conversationId);
                yield AgentAction.DONE;
            }
            case AppendResult.UnknownConversation u -> AgentAction.UNKNOWN_CONVERSATION;
            case AppendResult.StatusRefused r -> AgentAction.NOT_WAITING;
            case AppendResult.Duplicate d -> AgentAction.NOT_WAITING;
        };
    }

    /** The agent holding the chat, if an agent holds it. */
    public Optional<String> agentOf(String conversationId) {
        return Optional.ofNullable(store.state(conversationId).get("agent"))
                .filter(a -> conversations.find(conversationId).map(Conversation::status)
                        .orElse(ConversationStatus.CLOSED) == ConversationStatus.AGENT);
    }

    /** The queue the chat is in or came from. */
    public Optional<String> queueOf(String conversationId) {
        return Optional.ofNullable(store.state(conversationId).get("queue"));
    }

    /** The agent a waiting chat was transferred to, if it was transferred to one agent. */
    public Optional<String> waitingFor(String conversationId) {
        return Optional.ofNullable(store.state(conversationId).get("forAgent"));
    }

    public AgentAction handBack(String conversationId, String agentName) {
        return fromAgent(conversationId, agentName, ConversationStatus.BOT, "handover.handed-back", Map.of(),
                "handed_back");
    }

    public AgentAction close(String conversationId, String agentName) {
        return fromAgent(conversationId, agentName, ConversationStatus.CLOSED, "handover.closed", Map.of(),
                "agent_closed");
    }

    /** Puts the chat back in a queue (another team), or in front of one agent when {@code toAgent} is set. */
    public AgentAction transfer(String conversationId, String agentName, String toQueue, String toAgent) {
        String queueName = toQueue != null ? toQueue : store.state(conversationId).get("queue");
        QueueDefinition queue = queues.find(queueName).orElse(null);
        if (queue == null) {
            return AgentAction.UNKNOWN_QUEUE;
        }
        Map<String, String> extra = new HashMap<>();
        extra.put("queue", queue.name());
        if (toAgent != null) {
            extra.put("toAgent", toAgent);
        }
        AgentAction action = fromAgent(conversationId, agentName, ConversationStatus.QUEUED, "handover.transferred",
                extra, "transfer");
        if (action == AgentAction.DONE) {
            Map<String, String> state = new HashMap<>(Map.of("phase", "queued", "queue", queue.name(),
                    "queuedAt", Long.toString(now().toEpochMilli())));
            if (toAgent != null) {
                state.put("forAgent", toAgent);
            }
            store.putState(conversationId, state);
            store.removeState(conversationId, "agent", "acceptedAt");
            store.enqueue(queue.name(), conversationId, now());
            store.publish(queue.name());
        }
        return action;
    }

    /** The chats waiting in these queues, oldest first, with their packets. */
    public List<WaitingChat> waiting(Collection<String> queueNames) {
        List<WaitingChat> result = new ArrayList<>();
        for (String queue : queueNames) {
            long position = 0;
            for (var entry : store.waitingIn(queue)) {
                Optional<Conversation> conversation = conversations.find(entry.getKey());
                if (conversation.isEmpty() || conversation.get().status() != ConversationStatus.QUEUED) {
                    store.dequeue(queue, entry.getKey()); // expired, or closed by the customer while waiting
                    continue;
                }
                position++;
                Optional<HandoverPacket> packet = packet(entry.getKey());
                if (packet.isPresent()) {
                    result.add(new WaitingChat(entry.getKey(), queue, entry.getValue(), position,
                            store.state(entry.getKey()).get("forAgent"), packet.get()));
                }
            }
        }
        result.sort((a, b) -> a.queuedAt().compareTo(b.queuedAt()));
        return result;
    }

    public Optional<HandoverPacket> packet(String conversationId) {
        return conversations.find(conversationId).map(c -> packets.build(c, conversations.eventsAfter(c.id(), 0),
                store.state(c.id()), store.details(c.id()), now()));
    }

    /** The chats this agent holds now. */
    public List<String> chatsOf(String agentName) {
        return store.assigned(agentName).stream().filter(id -> agentOf(id).filter(agentName::equals).isPresent())
                .sorted().toList();
    }

    public Collection<String> queueNames() {
        return queues.all().stream().map(QueueDefinition::name).toList();
    }

    /** Records an agent's presence (a heartbeat); ONLINE agents make their queues available. */
    public void presence(String agentName, Collection<String> queueNames, Presence presence) {
        String before = store.setPresence(agentName, List.copyOf(queueNames), presence.name(),
                now().plus(properties.presenceTtl()));
        if (!presence.name().equals(before)) {
            queueNames.forEach(store::publish);
        }
    }

    public Presence presenceOf(String agentName) {
        String value = store.presence(agentName);
        return value == null ? Presence.OFFLINE : Presence.valueOf(value);
    }

    /** Whether a chat for this queue can go to a person now: the team is at work and someone is online. */
    public boolean available(String queueName) {
        return queues.find(queueName).map(this::available).orElse(false);
    }

    public List<CallbackTask> callbacks(Collection<String> queueNames) {
        return store.callbacks().stream().map(s -> json.readValue(s, CallbackTask.class))
                .filter(t -> queueNames.contains(t.queue()))
                .sorted((a, b) -> a.createdAt().compareTo(b.createdAt())).toList();
    }

    public Optional<CallbackTask> callback(String id) {
        return Optional.ofNullable(store.callback(id)).map(s -> json.readValue(s, CallbackTask.class));
    }

    public void callbackDone(String id, String agentName) {
        callback(id).ifPresent(task -> {
            store.putCallback(id, json.writeValueAsString(new CallbackTask(task.id(), task.conversationId(),
                    task.queue(), task.contact(), task.question(), task.createdAt(), agentName)));
            store.publish(task.queue());
        });
    }

    // ---------------------------------------------------------------- internals

    private QueueDefinition queueFor(Conversation conversation, String reason) {
        if (reason.startsWith(Triggers.FAQ_HANDOVER + ":")) {
            Optional<QueueDefinition> named = queues.find(reason.substring(reason.indexOf(':') + 1));
            if (named.isPresent()) {
                return named.get();
            }
        }
        Optional<QueueDefinition> byTopic = queueForTopic(conversation);
        if (byTopic.isPresent()) {
            return byTopic.get();
        }
        QueueDefinition fallback = queues.defaultQueue();
        if (fallback.languages().contains(conversation.lang())) {
            return fallback;
        }
        return queues.all().stream().filter(q -> q.languages().contains(conversation.lang())).findFirst()
                .orElse(fallback);
    }

    /**
     * The queue whose {@code tags} share a tag with the last FAQ entry the bot answered with (its
     * event carries the entry's tags), in file order, among the queues that speak the customer's language.
     */
    private Optional<QueueDefinition> queueForTopic(Conversation conversation) {
        List<ConversationEvent> log = conversations.eventsAfter(conversation.id(), 0);
        for (int i = log.size() - 1; i >= 0; i--) {
            ConversationEvent e = log.get(i);
            if (e.kind() == EventKind.MESSAGE && e.author() == nl.loket.conversation.Author.BOT
                    && "faq".equals(e.attribute("outcome"))) {
                String tags = e.attribute("tags");
                if (tags == null || tags.isBlank()) {
                    return Optional.empty();
                }
                List<String> topic = List.of(tags.split(","));
                return queues.all().stream().filter(q -> q.languages().contains(conversation.lang()))
                        .filter(q -> q.tags().stream().anyMatch(topic::contains)).findFirst();
            }
        }
        return Optional.empty();
    }

    private boolean available(QueueDefinition queue) {
        return queue.isOpen(now().atZone(properties.zone())) && store.present(queue.name(), now()) > 0;
    }

    /** When nobody can take the chat: say so, say when the team is back, offer a message or the bot. */
    private boolean offerAlternativesWhenUnavailable(Conversation conversation, QueueDefinition queue) {
        if (available(queue)) {
            return false;
        }
        ZonedDateTime at = now().atZone(properties.zone());
        Locale locale = Locale.forLanguageTag(conversation.lang());
        String text;
        String outcome;
        if (queue.isOpen(at)) {
            text = say(conversation, "handover.nobody-available", queue.title(conversation.lang()));
            outcome = "nobody_online";
        } else {
            String back = queue.nextOpening(at)
                    .map(t -> DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", locale).format(t)).orElse("?");
            text = say(conversation, "handover.closed-now", queue.title(conversation.lang()), back);
            outcome = "closed";
        }
        store.putState(conversation.id(), Map.of("phase", "no_agent"));
        conversations.appendNotice(conversation.id(), ConversationEvent.notice(text, List.of(
                reply(conversation, "handover.leave-message"), reply(conversation, "handover.carry-on")),
                Map.of("reason", store.state(conversation.id()).getOrDefault("reason", ""), "queue", queue.name(),
                        "outcome", outcome)));
        return true;
    }

    private void collectDetail(Conversation conversation, Map<String, String> state, String answer) {
        QueueDefinition queue = queues.find(state.get("queue")).orElseGet(queues::defaultQueue);
        int index = Integer.parseInt(state.getOrDefault("detail", "0"));
        if (index < queue.details().size()) {
            DetailSpec detail = queue.details().get(index);
            if (!isSkip(conversation, answer)) {
                if (!detail.accepts(answer)) {
                    botSays(conversation, say(conversation, "handover.detail.invalid") + " "
                            + detail.prompt(conversation.lang()), skipReply(conversation));
                    return;
                }
                store.putDetail(conversation.id(), detail.name(), answer.strip());
            }
        }
        askNextDetailOrEnqueue(conversation, queue, index + 1);
    }

    private void askNextDetailOrEnqueue(Conversation conversation, QueueDefinition queue, int index) {
        Map<String, String> known = store.details(conversation.id());
        int next = index;
        while (next < queue.details().size() && known.containsKey(queue.details().get(next).name())) {
            next++;
        }
        if (next < queue.details().size()) {
            store.putState(conversation.id(), Map.of("phase", "collecting", "detail", Integer.toString(next)));
            String prompt = queue.details().get(next).prompt(conversation.lang());
            if (next == 0 || index == 0) {
                prompt = say(conversation, "handover.detail.intro", queue.title(conversation.lang())) + " " + prompt;
            }
            botSays(conversation, prompt, skipReply(conversation));
            return;
        }
        store.removeState(conversation.id(), "phase", "detail");
        Conversation current = conversations.find(conversation.id()).orElse(conversation);
        if (!offerAlternativesWhenUnavailable(current, queue)) {
            enqueue(current, queue);
        }
    }

    private void enqueue(Conversation conversation, QueueDefinition queue) {
        Instant now = now();
        String reason = store.state(conversation.id()).getOrDefault("reason", "");
        long position = store.waitingIn(queue.name()).size() + 1;
        long minutes = estimatedMinutes(queue, position);
        var event = new ConversationEvent(0, EventKind.STATUS, nl.loket.conversation.Author.SYSTEM,
                say(conversation, "handover.queued", queue.title(conversation.lang()), position, minutes), null,
                null, null, List.of(reply(conversation, "handover.carry-on")), null, ConversationStatus.QUEUED,
                (int) position, null, null,
                Map.of("reason", reason, "queue", queue.name(), "estimatedWaitMinutes", Long.toString(minutes)));
        if (conversations.changeStatus(conversation.id(), Transition.of(ConversationStatus.BOT,
                ConversationStatus.QUEUED), event) instanceof AppendResult.Stored) {
            store.putState(conversation.id(), Map.of("phase", "queued", "queuedAt", Long.toString(now.toEpochMilli())));
            store.enqueue(queue.name(), conversation.id(), now);
            store.publish(queue.name());
        }
    }

    private long estimatedMinutes(QueueDefinition queue, long position) {
        long agents = Math.max(1, store.present(queue.name(), now()));
        return Math.max(1, (position * properties.minutesPerChat() + agents - 1) / agents);
    }

    /** A chat left a queue: tell every node, and tell the customers behind it their new place. */
    private void leftQueue(String queueName, String conversationId) {
        if (queueName == null) {
            return;
        }
        store.dequeue(queueName, conversationId);
        store.publish(queueName);
        QueueDefinition queue = queues.find(queueName).orElse(null);
        long position = 0;
        for (var entry : store.waitingIn(queueName)) {
            position++;
            Conversation waiting = conversations.find(entry.getKey()).orElse(null);
            if (waiting == null || waiting.status() != ConversationStatus.QUEUED || queue == null) {
                continue;
            }
            long minutes = estimatedMinutes(queue, position);
            conversations.appendNotice(waiting.id(), new ConversationEvent(0, EventKind.NOTICE,
                    nl.loket.conversation.Author.SYSTEM, say(waiting, "handover.queue-position", position, minutes),
                    null, null, null, null, null, null, (int) position, null, null,
                    Map.of("queue", queueName, "estimatedWaitMinutes", Long.toString(minutes))));
        }
    }

    private AgentAction fromAgent(String conversationId, String agentName, ConversationStatus to, String textKey,
            Map<String, String> extra, String reason) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return AgentAction.UNKNOWN_CONVERSATION;
        }
        Map<String, String> state = store.state(conversationId);
        if (conversation.status() != ConversationStatus.AGENT || !agentName.equals(state.get("agent"))) {
            return AgentAction.NOT_YOURS;
        }
        Map<String, String> attributes = new HashMap<>(extra);
        attributes.put("reason", reason);
        attributes.put("agent", agentName);
        String queueTitle = queues.find(extra.getOrDefault("queue", state.get("queue")))
                .map(q -> q.title(conversation.lang())).orElse("");
        var event = ConversationEvent.statusChange(to, say(conversation, textKey, agentName, queueTitle),
                to == ConversationStatus.QUEUED ? null : agentName, null, attributes);
        AppendResult result = conversations.changeStatus(conversationId, Transition.of(ConversationStatus.AGENT, to),
                event);
        if (!(result instanceof AppendResult.Stored)) {
            return AgentAction.NOT_YOURS;
        }
        store.assign(agentName, conversationId, false);
        if (to != ConversationStatus.QUEUED) {
            store.removeState(conversationId, "phase", "agent", "acceptedAt", "forAgent");
            store.publish(state.getOrDefault("queue", ""));
        }
        return AgentAction.DONE;
    }

    private void leaveMessage(Conversation conversation, Map<String, String> state, String question) {
        String queue = state.getOrDefault("queue", queues.defaultQueue().name());
        String contact = store.details(conversation.id()).get("contact");
        var task = new CallbackTask(UUID.randomUUID().toString(), conversation.id(), queue, contact,
                isSkip(conversation, question) ? null : question, now(), null);
        store.putCallback(task.id(), json.writeValueAsString(task));
        store.publish(queue);
        String title = queues.find(queue).map(q -> q.title(conversation.lang())).orElse(queue);
        botSays(conversation, say(conversation, "handover.leave-message.thanks", title), List.of());
    }

    private void botSays(Conversation conversation, String text, List<QuickReply> quickReplies) {
        conversations.appendFromBot(conversation.id(), ConversationEvent.botMessage(text, null, List.of(),
                quickReplies, Map.of("handover", "dialogue")));
    }

    private boolean isSkip(Conversation conversation, String text) {
        return text.equalsIgnoreCase(say(conversation, "handover.skip.value"));
    }

    private List<QuickReply> skipReply(Conversation conversation) {
        return List.of(reply(conversation, "handover.skip"));
    }

    private QuickReply reply(Conversation conversation, String key) {
        return new QuickReply(say(conversation, key + ".label"), say(conversation, key + ".value"));
    }

    private String say(Conversation conversation, String key, Object... args) {
        return texts.getMessage(key, args, Locale.forLanguageTag(conversation.lang()));
    }

    private Instant now() {
        return clock.instant();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package nl.loket.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The conversation log's API: start, append, change status, read and follow a conversation. */
@Service
public class Conversations {

    private static final String ANY = "";
    private static final String OPEN = ",BOT,QUEUED,AGENT,";

    private final ConversationStore store;
    private final EventFanout fanout;
    private final RoutingLeases leases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Author, Counter> messagesByAuthor = new EnumMap<>(Author.class);
    private final MeterRegistry meters;

    Conversations(ConversationStore store, EventFanout fanout, RoutingLeases leases, ApplicationEventPublisher events,
            MeterRegistry meters, Clock clock) {
        this.store = store;
        this.fanout = fanout;
        this.leases = leases;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        for (Author author : Author.values()) {
            messagesByAuthor.put(author, Counter.builder("loket.messages")
                    .description("Messages the customer sees, by author: system covers notices and status lines")
                    .tag("author", author.wireName()).register(meters));
        }
        Gauge.builder("loket.conversation.subscriptions", fanout, EventFanout::localSubscriptions)
                .description("Live views on conversations held by this node").register(meters);
    }

    /**
     * The key that exists exactly while the conversation is stored, in the conversation's cluster slot:
     * for another module's script that may write only while the conversation is there (erased or expired
     * conversations must not be written back).
     */
    public static String storedKey(String conversationId) {
        return ConversationKeys.of(conversationId).meta();
    }

    /**
     * The key a module keeps for one conversation, {@code loket:<module>:{c:<id>}} and then {@code suffix}:
     * in the conversation's cluster slot (one script may use it with the conversation's own keys), and
     * found by erasure and access, which look for every key with the conversation's hash tag.
     */
    public static String moduleKey(String module, String conversationId, String suffix) {
        return ConversationKeys.tagged(module, conversationId) + suffix;
    }

    public StartedConversation start(String lang, String page, String customerJson) {
        String token = Tokens.newToken();
        var conversation = new Conversation(UUID.randomUUID().toString(), ConversationStatus.BOT, lang, page,
                customerJson, clock.instant(), 0, new Holder.Bot());
        store.create(conversation, Tokens.hash(token));
        Counter.builder("loket.conversations.started").description("Conversations started, by language")
                .tag("lang", lang).register(meters).increment();
        return new StartedConversation(conversation, token);
    }

    /**
     * The ids of every conversation still stored (within the retention), in no order. It scans all of
     * Redis: for whole-store reads such as insights and erasure by customer, never on the message path.
     */
    public List<String> ids() {
        return store.ids();
    }

    public Optional<Conversation> find(String id) {
        if (!ConversationIds.isWellFormed(id)) {
            return Optional.empty();
        }
        return store.meta(id).map(m -> conversation(id, m));
    }

    /**
     * These conversations, in their order (empty where unknown or malformed), read in one round trip:
     * for views of many chats at once, such as the console's inbox.
     */
    public List<Optional<Conversation>> findAll(List<String> ids) {
        List<String> known = ids.stream().filter(ConversationIds::isWellFormed).toList();
        var metas = store.metas(known).iterator();
        var byId = new java.util.HashMap<String, Optional<Conversation>>();
        for (String id : known) {
            byId.put(id, metas.next().map(m -> conversation(id, m)));
        }
        return ids.stream().map(id -> byId.getOrDefault(id, Optional.empty())).toList();
    }

    /**
     * The conversation and the given hashes of other modules (keys of this conversation, under the
     * same hash tag), read in one Redis round trip: what the router needs before it decides.
     */
    public Optional<ConversationState> findWith(String id, List<String> moduleHashes) {
        if (!ConversationIds.isWellFormed(id)) {
            return Optional.empty();
        }
        return store.metaWith(id, moduleHashes)
                .map(hashes -> new ConversationState(conversation(id, hashes.getFirst()), hashes.subList(1, hashes.size())));
    }

    private static Conversation conversation(String id, Map<String, String> m) {
        var status = ConversationStatus.valueOf(m.get("status"));
        return new Conversation(id, status, m.get("lang"), m.get("page"), m.get("customer"),
                Instant.ofEpochMilli(Long.parseLong(m.get("createdAt"))), Long.parseLong(m.get("seq")),
                Holder.of(status, m.getOrDefault("queue", ""), m.getOrDefault("agent", "")));
    }

    /** True when {@code token} is this conversation's token; compared in constant time. */
    public boolean tokenMatches(String id, String token) {
        return ConversationIds.isWellFormed(id)
                && store.meta(id).map(m -> Tokens.matches(token, m.get("token"))).orElse(false);
    }

    /**
     * A customer message, stored once per clientMsgId; refused once the conversation is closed. A
     * stored one is recorded, in the same atomic step, as still to be routed by this node: hand it
     * to {@link #routing}, and if this node dies first another one routes it (durable routing).
     */
    public AppendResult appendCustomerMessage(String id, String clientMsgId, String text) {
        if (!ConversationIds.isWellFormed(id)) {
            return new AppendResult.UnknownConversation();
        }
        AppendResult result = store.append(id, new ConversationEvent.CustomerMessage(text, clientMsgId), OPEN, null, null,
                clock.instant(), leases.beforeCustomerMessage(id));
        if (result instanceof AppendResult.Stored stored) {
            leases.acknowledged(id, stored.event().seq());
            counted(id, stored.event());
        }
        return result;
    }

    /**
     * Runs {@code work} as the routing of the stored customer message {@code seq}, on this thread:
     * the first event it appends for the conversation marks the message routed in the same atomic
     * step, and one that appends nothing marks it at the end. When {@code work} throws, the message
     * stays recorded and any node routes it again once this node's lease has run out.
     */
    public void routing(String id, long seq, Runnable work) {
        leases.route(id, seq, work);
    }

    /** The seq a customer message with this clientMsgId was stored as, if it was: a resend need not cost anything. */
    public OptionalLong storedSeq(String id, String clientMsgId) {
        return store.storedSeq(id, clientMsgId);
    }

    /** A bot event, stored only while the status is BOT: bot silence is checked atomically in Redis. */
    public AppendResult appendFromBot(String id, ConversationEvent.BotMessage event) {
        return append(id, event, ",BOT,");
    }

    /** An agent's message or note, stored only while an agent holds the conversation. */
    public AppendResult appendFromAgent(String id, ConversationEvent event) {
        if (event.author() != Author.AGENT) {
            throw new IllegalArgumentException("an agent writes agent messages and notes, not a " + event.kind());
        }
        return append(id, event, ",AGENT,");
    }

    /** A system notice for an open conversation. */
    public AppendResult appendNotice(String id, ConversationEvent.Notice event) {
        return append(id, event, OPEN);
    }

    /** What a self-service action came to; logged while the conversation is open. */
    public AppendResult appendActionResult(String id, ConversationEvent.ActionResult event) {
        return append(id, event, OPEN);
    }

    /**
     * Moves the conversation from {@code transition.from()} to {@code transition.holder()} (status and
     * holder in one atomic step) and logs {@code event}; refused when the status is no longer
     * {@code from}, so two nodes cannot both make the same move.
     */
    public AppendResult changeStatus(String id, Transition transition, ConversationEvent.StatusChange event) {
        if (event.status() != transition.to()) {
            throw new IllegalArgumentException("a status change is logged as a status event for its target");
        }
        var route = leases.noteFor(id);
        AppendResult result = store.append(id, event, "," + transition.from().name() + ",", transition.holder(),
                transition.heldBy(), clock.instant(), route);
        if (result instanceof AppendResult.Stored stored) {
            leases.answered(route, id);
            counted(id, stored.event());
            events.publishEvent(new StatusChanged(id, transition.from(), transition.to(), stored.event()));
        }
        return result;
    }

    /** Closes the conversation from whatever open status it is in; closing a closed one does nothing. */
    public void close(String id, String reason) {
        for (int attempt = 0; attempt < 5; attempt++) {
            ConversationStatus current = find(id).map(Conversation::status).orElse(ConversationStatus.CLOSED);
            if (current == ConversationStatus.CLOSED) {
                return;
            }
            var event = new ConversationEvent.StatusChange(ConversationStatus.CLOSED, null, Map.of("reason", reason));
            if (!(changeStatus(id, Transition.of(current, ConversationStatus.CLOSED), event)
                    instanceof AppendResult.StatusRefused)) {
                return;
            }
        }
    }

    public List<ConversationEvent> eventsAfter(String id, long afterSeq) {
        return store.eventsAfter(id, afterSeq, Long.MAX_VALUE);
    }

    /**
     * Records thumbs up/down on a bot answer. Returns false when {@code seq} is not a bot message
     * of this conversation.
     */
    public boolean recordFeedback(String id, long seq, boolean helpful) {
        List<ConversationEvent> target = store.eventsAfter(id, seq - 1, seq);
        if (target.isEmpty() || !(target.getFirst() instanceof ConversationEvent.BotMessage answer)) {
            return false;
        }
        boolean stored = store.putFeedback(id, seq, helpful);
        if (stored) {
            Counter.builder("loket.feedback").description("Thumbs up or down on bot answers, by the answer's tier")
                    .tag("tier", answer.tier() == null ? "none" : answer.tier())
                    .tag("helpful", Boolean.toString(helpful)).register(meters).increment();
        }
        return stored;
    }

    public void signalTyping(String id, Author author) {
        store.publishTyping(id, author);
    }

    /** Streams a piece of a bot answer to every live view; not stored (the final event is). */
    public void streamDelta(String id, long replyTo, String text) {
        store.publishDelta(id, replyTo, text);
    }

    /**
     * Tells every live view to drop the text streamed for {@code replyTo}: the answer was withdrawn
     * (failed its check, or the conversation left BOT). Not stored, like the deltas themselves.
     */
    public void discardDeltas(String id, long replyTo) {
        store.publishDiscard(id, replyTo);
    }

    /** Follows a conversation: every event after {@code afterSeq}, then each new one, in order, once. */
    public Subscription subscribe(String id, long afterSeq, ConversationListener listener) {
        return fanout.subscribe(id, afterSeq, listener);
    }

    private AppendResult append(String id, ConversationEvent event, String allowedStatuses) {
        if (!ConversationIds.isWellFormed(id)) {
            return new AppendResult.UnknownConversation();
        }
        var route = leases.noteFor(id);
        AppendResult result = store.append(id, event, allowedStatuses, null, null, clock.instant(), route);
        if (result instanceof AppendResult.Stored stored) {
            leases.answered(route, id);
            counted(id, stored.event());
        }
        return result;
    }

    private void counted(String id, ConversationEvent stored) {
        if (stored.kind().visibleToCustomer() && stored.text() != null && !stored.text().isEmpty()) {
            messagesByAuthor.get(stored.author()).increment();
        }
        events.publishEvent(new EventStored(id, stored));
    }
}

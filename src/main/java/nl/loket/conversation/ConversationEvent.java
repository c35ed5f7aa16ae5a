package nl.loket.conversation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a conversation's log: a sealed family, one record per kind of entry, each with only
 * the fields it has. {@code seq} is 0 and {@code at} null for an event that is not stored yet; the
 * log assigns both. As JSON (on the wire and in Redis) every entry also carries its {@code kind} and
 * {@code author}, which is how the log reads it back (see {@code EventJson}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(value = {"kind", "author"}, allowGetters = true)
public sealed interface ConversationEvent {

    long seq();

    Instant at();

    /** What the entry says; null only for a status change without a text. */
    String text();

    @JsonProperty("kind")
    EventKind kind();

    @JsonProperty("author")
    Author author();

    /** A module detail of {@code event}, or null when it has none (or is an entry without details). */
    static String attribute(ConversationEvent event, String name) {
        return event instanceof Attributed details ? details.attribute(name) : null;
    }

    /**
     * The entries that carry module details the wire protocol does not name (the handover reason,
     * the matched score, ...): agents see them, customers do not.
     */
    interface Attributed {

        Map<String, String> attributes();

        default String attribute(String name) {
            return attributes().get(name);
        }
    }

    record CustomerMessage(long seq, Instant at, String text, String clientMsgId) implements ConversationEvent {

        public CustomerMessage(String text, String clientMsgId) {
            this(0, null, text, clientMsgId);
        }

        @Override
        public EventKind kind() {
            return EventKind.MESSAGE;
        }

        @Override
        public Author author() {
            return Author.CUSTOMER;
        }
    }

    /**
     * @param tier {@code faq}, {@code llm}, or null for the bot's own words (a dialogue, a fallback)
     * @param helpful the customer's thumbs up/down, when given (not part of the stored entry)
     */
    record BotMessage(long seq, Instant at, String text, String tier, List<Source> sources,
            List<QuickReply> quickReplies, Boolean helpful, Map<String, String> attributes)
            implements ConversationEvent, Attributed {

        public BotMessage {
            sources = sources == null ? List.of() : List.copyOf(sources);
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        public BotMessage(String text, String tier, List<Source> sources, List<QuickReply> quickReplies,
                Map<String, String> attributes) {
            this(0, null, text, tier, sources, quickReplies, null, attributes);
        }

        @Override
        public EventKind kind() {
            return EventKind.MESSAGE;
        }

        @Override
        public Author author() {
            return Author.BOT;
        }

        BotMessage withHelpful(Boolean value) {
            return new BotMessage(seq, at, text, tier, sources, quickReplies, value, attributes);
        }
    }

    /** @param agentName the name the customer sees (the agent's display name) */
    record AgentMessage(long seq, Instant at, String agentName, String text, String clientMsgId)
            implements ConversationEvent {

        public AgentMessage(String agentName, String text, String clientMsgId) {
            this(0, null, agentName, text, clientMsgId);
        }

        @Override
        public EventKind kind() {
            return EventKind.MESSAGE;
        }

        @Override
        public Author author() {
            return Author.AGENT;
        }
    }

    /** An agent's internal note: stored in the log, shown to agents, never to the customer. */
    record Note(long seq, Instant at, String agentName, String text, String clientMsgId) implements ConversationEvent {

        public Note(String agentName, String text, String clientMsgId) {
            this(0, null, agentName, text, clientMsgId);
        }

        @Override
        public EventKind kind() {
            return EventKind.NOTE;
        }

        @Override
        public Author author() {
            return Author.AGENT;
        }
    }

    /** A system notice for the customer (e.g. their new place in the queue), without a status change. */
    /**
     * What a self-service action came to, as the customer is told; the attributes say which action
     * and how it ended (its id, outcome and reference), never the values the customer gave.
     */
    record ActionResult(long seq, Instant at, String text, List<QuickReply> quickReplies,
            Map<String, String> attributes) implements ConversationEvent, Attributed {

        public ActionResult {
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        public ActionResult(String text, List<QuickReply> quickReplies, Map<String, String> attributes) {
            this(0, null, text, quickReplies, attributes);
        }

        @Override
        public EventKind kind() {
            return EventKind.ACTION;
        }

        @Override
        public Author author() {
            return Author.BOT;
        }
    }

    record Notice(long seq, Instant at, String text, Integer queuePosition, List<QuickReply> quickReplies,
            Map<String, String> attributes) implements ConversationEvent, Attributed {

        public Notice {
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        public Notice(String text, List<QuickReply> quickReplies, Map<String, String> attributes) {
            this(0, null, text, null, quickReplies, attributes);
        }

        @Override
        public EventKind kind() {
            return EventKind.NOTICE;
        }

        @Override
        public Author author() {
            return Author.SYSTEM;
        }
    }

    /**
     * The conversation moved to {@code status}; logged by {@link Conversations#changeStatus} only, in
     * the same atomic step as the move.
     *
     * @param agentName the display name of the agent who holds the chat now (status {@code agent})
     * @param queuePosition the customer's place in the queue (status {@code queued})
     */
    record StatusChange(long seq, Instant at, ConversationStatus status, String text, String agentName,
            Integer queuePosition, List<QuickReply> quickReplies, Map<String, String> attributes)
            implements ConversationEvent, Attributed {

        public StatusChange {
            quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        public StatusChange(ConversationStatus status, String text, Map<String, String> attributes) {
            this(0, null, status, text, null, null, null, attributes);
        }

        @Override
        public EventKind kind() {
            return EventKind.STATUS;
        }

        @Override
        public Author author() {
            return Author.SYSTEM;
        }

        public StatusChange withAgent(String name) {
            return new StatusChange(seq, at, status, text, name, queuePosition, quickReplies, attributes);
        }

        public StatusChange inQueue(int position, List<QuickReply> replies) {
            return new StatusChange(seq, at, status, text, agentName, position, replies, attributes);
        }
    }
}

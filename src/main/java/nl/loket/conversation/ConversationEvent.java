package nl.loket.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a conversation's log. {@code seq} is 0 for an event that is not stored yet; the log
 * assigns it. {@code attributes} carries module details the wire protocol does not name (the
 * handover reason, the matched score, ...).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConversationEvent(
        long seq,
        EventKind kind,
        Author author,
        String text,
        Instant at,
        List<Source> sources,
        String tier,
        List<QuickReply> quickReplies,
        String agentName,
        ConversationStatus status,
        Integer queuePosition,
        String clientMsgId,
        Boolean helpful,
        Map<String, String> attributes) {

    public ConversationEvent {
        sources = sources == null ? List.of() : List.copyOf(sources);
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static ConversationEvent customerMessage(String text, String clientMsgId) {
        return new ConversationEvent(0, EventKind.MESSAGE, Author.CUSTOMER, text, null, null, null, null, null,
                null, null, clientMsgId, null, null);
    }

    public static ConversationEvent botMessage(String text, String tier, List<Source> sources,
            List<QuickReply> quickReplies, Map<String, String> attributes) {
        return new ConversationEvent(0, EventKind.MESSAGE, Author.BOT, text, null, sources, tier, quickReplies, null,
                null, null, null, null, attributes);
    }

    public static ConversationEvent agentMessage(String agentName, String text) {
        return new ConversationEvent(0, EventKind.MESSAGE, Author.AGENT, text, null, null, null, null, agentName,
                null, null, null, null, null);
    }

    public static ConversationEvent note(String agentName, String text) {
        return new ConversationEvent(0, EventKind.NOTE, Author.AGENT, text, null, null, null, null, agentName,
                null, null, null, null, null);
    }

    public static ConversationEvent notice(String text, List<QuickReply> quickReplies, Map<String, String> attributes) {
        return new ConversationEvent(0, EventKind.NOTICE, Author.SYSTEM, text, null, null, null, quickReplies, null,
                null, null, null, null, attributes);
    }

    /** What a self-service action came to, as the customer is told; the attributes say which action and how it ended. */
    public static ConversationEvent action(String text, List<QuickReply> quickReplies, Map<String, String> attributes) {
        return new ConversationEvent(0, EventKind.ACTION, Author.BOT, text, null, null, null, quickReplies, null,
                null, null, null, null, attributes);
    }

    public static ConversationEvent statusChange(ConversationStatus status, String text, String agentName,
            Integer queuePosition, Map<String, String> attributes) {
        return new ConversationEvent(0, EventKind.STATUS, Author.SYSTEM, text, null, null, null, null, agentName,
                status, queuePosition, null, null, attributes);
    }

    ConversationEvent stored(long newSeq, Instant when) {
        return new ConversationEvent(newSeq, kind, author, text, when, sources, tier, quickReplies, agentName, status,
                queuePosition, clientMsgId, helpful, attributes);
    }

    ConversationEvent withHelpful(Boolean value) {
        return new ConversationEvent(seq, kind, author, text, at, sources, tier, quickReplies, agentName, status,
                queuePosition, clientMsgId, value, attributes);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }
}

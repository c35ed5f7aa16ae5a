package nl.loket.conversation;

import java.util.Optional;

/** What happened to an append: stored, a repeat of an earlier clientMsgId, or refused. */
public sealed interface AppendResult {

    record Stored(ConversationEvent event) implements AppendResult {
    }

    /** The clientMsgId was stored before, as {@code seq}; nothing new was written. */
    record Duplicate(long seq) implements AppendResult {
    }

    record UnknownConversation() implements AppendResult {
    }

    /** The conversation's status does not allow this event (e.g. the bot in QUEUED). */
    record StatusRefused(ConversationStatus current) implements AppendResult {
    }

    default Optional<ConversationEvent> stored() {
        return this instanceof Stored s ? Optional.of(s.event()) : Optional.empty();
    }
}

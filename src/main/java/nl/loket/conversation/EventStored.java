package nl.loket.conversation;

/**
 * Published on the node that appended it, after Redis stored it (status changes too, before their
 * {@link StatusChanged}): what metrics and insights count, so they count what the log recorded.
 */
public record EventStored(String conversationId, ConversationEvent event) {
}

package nl.loket.conversation;

/** Published on the node that appended the event, after Redis stored it. */
public record EventAppended(String conversationId, ConversationEvent event) {
}

package nl.loket.conversation;

/** Published on the node that made the change, after Redis stored it. */
public record StatusChanged(String conversationId, ConversationStatus from, ConversationStatus to,
        ConversationEvent event) {
}

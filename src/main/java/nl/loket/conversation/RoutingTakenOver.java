package nl.loket.conversation;

/**
 * A customer message that was acknowledged but not routed by {@code fromNode}, whose lease on the
 * conversation ran out (the node died, or lost Redis): this node routes it now.
 */
public record RoutingTakenOver(String conversationId, ConversationEvent message, String fromNode) {
}

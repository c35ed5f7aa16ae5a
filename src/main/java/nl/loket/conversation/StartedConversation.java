package nl.loket.conversation;

/** A new conversation; {@code token} is the customer's secret and is not stored in clear anywhere. */
public record StartedConversation(Conversation conversation, String token) {
}

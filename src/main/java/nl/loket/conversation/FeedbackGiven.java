package nl.loket.conversation;

public record FeedbackGiven(String conversationId, long seq, boolean helpful) {
}

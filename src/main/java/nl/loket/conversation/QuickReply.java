package nl.loket.conversation;

/** A button under a message; choosing it sends {@code value} as a normal customer message. */
public record QuickReply(String label, String value) {
}

package nl.loket.conversation;

/** An FAQ entry an answer rests on, as the customer sees it. */
public record Source(String id, String title) {
}

package nl.loket.conversation;

/** Receives one conversation's events in seq order, each once, on whichever node appended them. */
public interface ConversationListener {

    void onEvent(ConversationEvent event);

    /** Someone is typing; not stored. */
    default void onTyping(Author author) {
    }

    /** A piece of an answer that is still being written; not stored, the final event carries the whole text. */
    default void onDelta(long replyTo, String text) {
    }

    /** The text streamed for {@code replyTo} was withdrawn; a view drops it. */
    default void onDeltasDiscarded(long replyTo) {
    }

    /**
     * The view has more waiting than a client that reads can have (its client stopped reading).
     * Return true to have the subscription closed (the listener then tells its client to resume
     * from the log; it must not block); false keeps queueing. Called on the fan-out's dispatch thread.
     */
    default boolean fellBehind() {
        return false;
    }
}

package nl.loket.conversation;

import java.util.Objects;

/** A status change the product allows; an illegal one cannot be constructed. */
public record Transition(ConversationStatus from, ConversationStatus to) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("illegal status change " + from + " -> " + to);
        }
    }

    public static Transition of(ConversationStatus from, ConversationStatus to) {
        return new Transition(from, to);
    }
}

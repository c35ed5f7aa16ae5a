package nl.loket.conversation;

import java.util.Objects;

/**
 * A status change the product allows, with the holder it leads to; an illegal one cannot be
 * constructed. The append script writes status and holder together, in the same atomic step.
 */
public record Transition(ConversationStatus from, Holder holder) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(holder, "holder");
        if (!from.canMoveTo(holder.status())) {
            throw new IllegalArgumentException("illegal status change " + from + " -> " + holder.status());
        }
    }

    public ConversationStatus to() {
        return holder.status();
    }

    public static Transition of(ConversationStatus from, Holder to) {
        return new Transition(from, to);
    }

    /** A move to a status whose holder carries nothing (BOT, CLOSED); QUEUED and AGENT need their holder. */
    public static Transition of(ConversationStatus from, ConversationStatus to) {
        return switch (to) {
            case BOT -> new Transition(from, new Holder.Bot());
            case CLOSED -> new Transition(from, new Holder.Closed());
            case QUEUED, AGENT -> {
                if (!from.canMoveTo(to)) {
                    throw new IllegalArgumentException("illegal status change " + from + " -> " + to);
                }
                throw new IllegalArgumentException(to + " needs its holder: use Transition.of(from, Holder)");
            }
        };
    }
}

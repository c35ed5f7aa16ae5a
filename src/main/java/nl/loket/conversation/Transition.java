package nl.loket.conversation;

import java.util.Objects;

/**
 * A status change the product allows, with the holder it leads to; an illegal one cannot be
 * constructed. The append script writes status and holder together, in the same atomic step.
 *
 * @param heldBy when not null, the move only happens while the chat is this agent's (checked in the
 *     same step): held by them, or, for a waiting chat, meant for them or for anyone of the queue. So
 *     an agent's stale view cannot move a chat another agent took, or took and passed to a third one,
 *     meanwhile
 */
public record Transition(ConversationStatus from, Holder holder, String heldBy) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(holder, "holder");
        if (!from.canMoveTo(holder.status())) {
            throw new IllegalArgumentException("illegal status change " + from + " -> " + holder.status());
        }
        if (heldBy != null && from != ConversationStatus.AGENT
                && !(from == ConversationStatus.QUEUED && holder instanceof Holder.Agent a && a.agent().equals(heldBy))) {
            throw new IllegalArgumentException("only an agent's chat, or one an agent takes, is held by someone, not a "
                    + from + " one");
        }
    }

    public ConversationStatus to() {
        return holder.status();
    }

    public static Transition of(ConversationStatus from, Holder to) {
        return new Transition(from, to, null);
    }

    /** The move of the agent who holds the chat now; refused once someone else holds it. */
    public static Transition byAgent(String agent, Holder to) {
        return new Transition(ConversationStatus.AGENT, to, Objects.requireNonNull(agent, "agent"));
    }

    /** An agent takes a waiting chat; refused once it is meant for another agent (or taken). */
    public static Transition acceptedBy(String agent, String queue) {
        return new Transition(ConversationStatus.QUEUED, new Holder.Agent(agent, queue), agent);
    }

    /** A move to a status whose holder carries nothing (BOT, CLOSED); QUEUED and AGENT need their holder. */
    public static Transition of(ConversationStatus from, ConversationStatus to) {
        return switch (to) {
            case BOT -> of(from, new Holder.Bot());
            case CLOSED -> of(from, new Holder.Closed());
            case QUEUED, AGENT -> {
                if (!from.canMoveTo(to)) {
                    throw new IllegalArgumentException("illegal status change " + from + " -> " + to);
                }
                throw new IllegalArgumentException(to + " needs its holder: use Transition.of(from, Holder)");
            }
        };
    }
}

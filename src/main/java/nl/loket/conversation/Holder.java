package nl.loket.conversation;

import java.util.Objects;

/**
 * Who holds a conversation. It moves with the status in one atomic step (the append script checks
 * the pair again), so a chat is never {@code AGENT} without an agent or {@code QUEUED} without a queue.
 */
public sealed interface Holder {

    ConversationStatus status();

    /** The bot answers; not in any queue. */
    record Bot() implements Holder {
        @Override
        public ConversationStatus status() {
            return ConversationStatus.BOT;
        }
    }

    /**
     * Waiting in {@code queue} for a person.
     *
     * @param forAgent the one agent the chat was transferred to (only they may take it), or null for
     *     anyone of the queue
     */
    record Queue(String queue, String forAgent) implements Holder {
        public Queue {
            requireText(queue, "queue");
            forAgent = forAgent == null || forAgent.isEmpty() ? null : forAgent;
        }

        public Queue(String queue) {
            this(queue, null);
        }

        @Override
        public ConversationStatus status() {
            return ConversationStatus.QUEUED;
        }
    }

    /** Held by one agent; {@code queue} is the queue the chat came from ("" when it came from none). */
    record Agent(String agent, String queue) implements Holder {
        public Agent {
            requireText(agent, "agent");
            queue = queue == null ? "" : queue;
        }

        @Override
        public ConversationStatus status() {
            return ConversationStatus.AGENT;
        }
    }

    record Closed() implements Holder {
        @Override
        public ConversationStatus status() {
            return ConversationStatus.CLOSED;
        }
    }

    /** What the meta hash's agent field holds: the agent holding the chat, or the one a waiting chat is meant for. */
    default String agentField() {
        return switch (this) {
            case Agent a -> a.agent();
            case Queue q -> q.forAgent() == null ? "" : q.forAgent();
            case Bot b -> "";
            case Closed c -> "";
        };
    }

    /** The queue of a waiting chat or the queue an agent's chat came from. */
    default String queueName() {
        return switch (this) {
            case Queue q -> q.queue();
            case Agent a -> a.queue();
            case Bot b -> "";
            case Closed c -> "";
        };
    }

    /**
     * Rebuilds the holder from the meta hash's three fields; a missing queue or agent reads as "". For
     * a waiting chat the agent field is the agent it is meant for.
     */
    static Holder of(ConversationStatus status, String queue, String agent) {
        return switch (status) {
            case BOT -> new Bot();
            case QUEUED -> new Queue(queue, agent);
            case AGENT -> new Agent(agent, queue);
            case CLOSED -> new Closed();
        };
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

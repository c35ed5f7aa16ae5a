package nl.loket.handover;

/**
 * What happened in a handover, published on the node that did it after Redis stored it. The inbox
 * notifier turns each into an inbox change on every node.
 */
public sealed interface HandoverEvent {

    String conversationId();

    /** The queue whose inbox changed. */
    String queue();

    record HandoverRequested(String conversationId, String reason, String queue) implements HandoverEvent {
    }

    /** Waiting in {@code queue}, queued by the bot or transferred there by an agent. */
    record ChatQueued(String conversationId, String queue, String forAgent) implements HandoverEvent {
    }

    record AgentJoined(String conversationId, String agent, String queue) implements HandoverEvent {
    }

    record ChatHandedBack(String conversationId, String agent, String queue) implements HandoverEvent {
    }

    /** Closed while an agent held it or while it waited. */
    record ChatClosed(String conversationId, String queue) implements HandoverEvent {
    }

    /** The customer went back to the assistant while waiting. */
    record ChatLeftQueue(String conversationId, String queue) implements HandoverEvent {
    }

    record CallbackRequested(String conversationId, String queue, String taskId) implements HandoverEvent {
    }

    record CallbackDone(String conversationId, String queue, String taskId, String agent) implements HandoverEvent {
    }
}

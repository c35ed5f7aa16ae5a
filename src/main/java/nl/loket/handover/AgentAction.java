package nl.loket.handover;

/** What became of an agent's action on a chat. */
public enum AgentAction {
    DONE,
    /** Somebody else took it first, or the customer left the queue. */
    NOT_WAITING,
    /** The chat is not held by this agent (or not waiting for them). */
    NOT_YOURS,
    UNKNOWN_QUEUE,
    UNKNOWN_CONVERSATION
}

package nl.loket.console;

import nl.loket.conversation.ConversationStatus;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.WaitingChat;

/**
 * Decides who may read and act on a chat; the only place these rules are written. An agent reads
 * a chat while it waits in one of their queues (unless transferred to a colleague), while it is
 * transferred to them, or while they hold it; a supervisor reads every chat. Only the holder acts.
 */
final class ConsoleAccess {

    /** What access depends on, read once per decision. */
    record ChatFacts(ConversationStatus status, String holder, String queue, String forAgent) {
    }

    private ConsoleAccess() {
    }

    static boolean mayRead(Agent agent, ChatFacts chat) {
        if (chat == null) {
            return false;
        }
        if (agent.supervisor() || holds(agent, chat)) {
            return true;
        }
        return chat.status() == ConversationStatus.QUEUED && waitsFor(agent, chat.queue(), chat.forAgent());
    }

    /**
     * Whether the agent may try to take the chat. The queue decides, not the status: whoever loses a
     * race for a chat of their queue hears {@code not_waiting}, not {@code forbidden}.
     */
    static boolean mayAccept(Agent agent, ChatFacts chat) {
        return chat != null && (agent.supervisor() || waitsFor(agent, chat.queue(), chat.forAgent()));
    }

    static boolean holds(Agent agent, ChatFacts chat) {
        return chat != null && chat.status() == ConversationStatus.AGENT && agent.name().equals(chat.holder());
    }

    /** Whether a waiting chat belongs in this agent's inbox. */
    static boolean sees(Agent agent, WaitingChat chat) {
        return agent.supervisor() || waitsFor(agent, chat.queue(), chat.forAgent());
    }

    static boolean mayComplete(Agent agent, CallbackTask task) {
        return agent.supervisor() || agent.queues().contains(task.queue());
    }

    private static boolean waitsFor(Agent agent, String queue, String forAgent) {
        return forAgent != null ? forAgent.equals(agent.name()) : queue != null && agent.queues().contains(queue);
    }
}

package nl.loket.insight;

import java.util.List;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;

/** Who handled a conversation, read from its log: a person (an agent joined), the queue (nobody came), the bot. */
final class Handled {

    private Handled() {
    }

    /** The status an entry moved to; null for every entry that is no status change. */
    static ConversationStatus statusOf(ConversationEvent e) {
        return e instanceof ConversationEvent.StatusChange change ? change.status() : null;
    }

    static String by(List<ConversationEvent> log) {
        boolean queued = false;
        for (ConversationEvent e : log) {
            if (statusOf(e) == ConversationStatus.AGENT) {
                return "person";
            }
            queued |= statusOf(e) == ConversationStatus.QUEUED;
        }
        return queued ? "queue" : "bot";
    }
}

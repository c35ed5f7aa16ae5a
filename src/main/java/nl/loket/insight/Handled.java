package nl.loket.insight;

import java.util.List;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.EventKind;

/** Who handled a conversation, read from its log: a person (an agent joined), the queue (nobody came), the bot. */
final class Handled {

    private Handled() {
    }

    static String by(List<ConversationEvent> log) {
        boolean queued = false;
        for (ConversationEvent e : log) {
            if (e.kind() == EventKind.STATUS && e.status() == ConversationStatus.AGENT) {
                return "person";
            }
            queued |= e.kind() == EventKind.STATUS && e.status() == ConversationStatus.QUEUED;
        }
        return queued ? "queue" : "bot";
    }
}

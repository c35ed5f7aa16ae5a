package nl.loket.handover;

/**
 * Published on every node when a queue's waiting chats, the callbacks or an agent's chats changed.
 *
 * @param conversationId the one chat that changed, or null when it is not known which (presence,
 *     opening hours, a repair): then every waiting chat is read again
 */
public record InboxChanged(String queue, String conversationId) {

    /** The message on handover's channel: the queue, and the chat after a line break when one is known. */
    String message() {
        return conversationId == null ? queue : queue + "\n" + conversationId;
    }

    static InboxChanged of(String message) {
        int split = message.indexOf('\n');
        return split < 0 ? new InboxChanged(message, null)
                : new InboxChanged(message.substring(0, split), message.substring(split + 1));
    }
}

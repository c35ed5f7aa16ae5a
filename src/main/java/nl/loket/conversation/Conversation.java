package nl.loket.conversation;

import java.time.Instant;

/**
 * What Loket knows about a conversation besides its log.
 *
 * @param customer the customer as the host site described them, as JSON; empty when none was given
 * @param holder who holds it; always of {@code status}, the two are stored together
 */
public record Conversation(String id, ConversationStatus status, String lang, String page, String customer,
        Instant createdAt, long lastSeq, Holder holder) {

    public Conversation {
        if (holder.status() != status) {
            throw new IllegalArgumentException("holder " + holder + " does not fit status " + status);
        }
    }
}

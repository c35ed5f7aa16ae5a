package nl.loket.conversation;

import java.time.Instant;

/**
 * What Loket knows about a conversation besides its log.
 *
 * @param customer the customer as the host site described them, as JSON; empty when none was given
 */
public record Conversation(String id, ConversationStatus status, String lang, String page, String customer,
        Instant createdAt, long lastSeq) {
}

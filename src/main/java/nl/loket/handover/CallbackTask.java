package nl.loket.handover;

import java.time.Instant;

/** A message a customer left when nobody could take the chat: call or mail them back. */
public record CallbackTask(String id, String conversationId, String queue, String contact, String question,
        Instant createdAt, String doneBy) {
}

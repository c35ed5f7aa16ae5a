package nl.loket.handover;

import java.time.Instant;

/**
 * A chat waiting in a queue, as the console's inbox shows it.
 *
 * @param forAgent set when the chat was transferred to one agent: only they may take it
 */
public record WaitingChat(String conversationId, String queue, Instant queuedAt, long position, String forAgent,
        HandoverPacket packet) {
}

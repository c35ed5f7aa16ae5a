package nl.loket.handover;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.Source;

/**
 * What the agent sees before accepting, so the customer never has to repeat themselves. Versioned:
 * consumers check {@link #version()}; fields are only ever added within a version.
 *
 * @param question the customer's question in their own words
 * @param customerMessages everything the customer wrote before the handover, oldest first
 * @param reasonLabel the reason in words, in the customer's language (the code is {@code reason})
 * @param waitingSeconds how long the chat has been waiting (or waited) in the queue
 * @param details the customer's answers to the queue's questions, by the detail's name
 * @param detailLabels per detail name, its label per language as the queue file gives it (may be empty)
 * @param summarySource who wrote {@code summary}: {@code assistant} (the LLM, from the customer's
 *     text); both {@code null} until a model's summary is ready, or when there is none
 */
public record HandoverPacket(
        int version,
        String conversationId,
        Customer customer,
        String question,
        List<String> customerMessages,
        List<BotAttempt> botAttempts,
        String reason,
        String reasonLabel,
        String queue,
        Instant requestedAt,
        Instant queuedAt,
        long waitingSeconds,
        Map<String, String> details,
        Map<String, Map<String, String>> detailLabels,
        String summary,
        String summarySource) {

    public static final int VERSION = 1;

    /** The customer as the host site described them; {@code verified} only when its signature checked out. */
    public record Customer(String id, String name, String email, boolean verified, String lang, String page) {
    }

    /** One answer the bot gave, with how sure it was and what the customer thought of it. */
    public record BotAttempt(long seq, String tier, String text, List<Source> sources, String score, String entryId,
            Boolean helpful, String outcome) {
    }

    public HandoverPacket {
        customerMessages = List.copyOf(customerMessages);
        botAttempts = List.copyOf(botAttempts);
        details = Map.copyOf(details);
        detailLabels = detailLabels == null ? Map.of() : Map.copyOf(detailLabels); // packets stored before labels
    }

    /** With this summary and who wrote it; {@code null} for none. */
    HandoverPacket withSummary(HandoverSummary value) {
        return new HandoverPacket(version, conversationId, customer, question, customerMessages, botAttempts, reason,
                reasonLabel, queue, requestedAt, queuedAt, waitingSeconds, details, detailLabels,
                value == null ? null : value.text(), value == null ? null : value.source());
    }

    HandoverPacket withWaitingSeconds(long value) {
        return new HandoverPacket(version, conversationId, customer, question, customerMessages, botAttempts, reason,
                reasonLabel, queue, requestedAt, queuedAt, value, details, detailLabels, summary, summarySource);
    }
}

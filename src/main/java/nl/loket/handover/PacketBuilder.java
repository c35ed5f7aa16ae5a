package nl.loket.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.Author;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.EventKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the handover packet from the conversation's log and handover's own state. */
@Component
class PacketBuilder {

    private final JsonMapper json;
    private final Triggers triggers;
    private final ObjectProvider<HandoverSummarizer> summarizers;
    private final HandoverSummarizer extractive = new ExtractiveSummarizer();

    PacketBuilder(JsonMapper json, Triggers triggers, ObjectProvider<HandoverSummarizer> summarizers) {
        this.json = json;
        this.triggers = triggers;
        this.summarizers = summarizers;
    }

    HandoverPacket build(Conversation conversation, List<ConversationEvent> log, Map<String, String> state,
            Map<String, String> details, Instant now) {
        long requestedSeq = parseLong(state.get("requestedSeq"), Long.MAX_VALUE);
        List<String> asked = new ArrayList<>();
        List<HandoverPacket.BotAttempt> attempts = new ArrayList<>();
        for (ConversationEvent e : log) {
            if (e.kind() != EventKind.MESSAGE || e.seq() > requestedSeq) {
                continue;
            }
            if (e.author() == Author.CUSTOMER && e.text() != null) {
                asked.add(e.text());
            } else if (e.author() == Author.BOT && e.attribute("handover") == null) {
                attempts.add(new HandoverPacket.BotAttempt(e.seq(), e.tier(), e.text(), e.sources(),
                        e.attribute("score"), e.attribute("entryId"), e.helpful(), e.attribute("outcome")));
            }
        }
        Instant queuedAt = parseInstant(state.get("queuedAt"));
        Instant until = parseInstant(state.get("acceptedAt"));
        long waiting = queuedAt == null ? 0
                : Duration.between(queuedAt, until != null && until.isAfter(queuedAt) ? until : now).toSeconds();
        var packet = new HandoverPacket(HandoverPacket.VERSION, conversation.id(), customer(conversation),
                question(asked), asked, attempts, state.getOrDefault("reason", ""),
                state.get("queue"), parseInstant(state.get("requestedAt")), queuedAt, Math.max(0, waiting), details,
                null, null);
        HandoverSummary summary;
        try {
            summary = summarizers.getIfAvailable(() -> extractive).summarize(packet);
        } catch (RuntimeException e) {
            summary = null;
        }
        if (summary == null || summary.text() == null || summary.text().isBlank()) {
            summary = extractive.summarize(packet);
        }
        return new HandoverPacket(packet.version(), packet.conversationId(), packet.customer(), packet.question(),
                packet.customerMessages(), packet.botAttempts(), packet.reason(), packet.queue(), packet.requestedAt(),
                packet.queuedAt(), packet.waitingSeconds(), packet.details(), summary.text(),
                summary.source());
    }

    /**
     * The question in the customer's own words: their longest message before the handover that is
     * not just a request for a person; the last message when every one is such a request.
     */
    private String question(List<String> asked) {
        if (asked.isEmpty()) {
            return "";
        }
        String best = null;
        for (String text : asked) {
            if (!triggers.asksForPerson(text) && (best == null || text.length() > best.length())) {
                best = text;
            }
        }
        return best == null ? asked.getLast() : best;
    }

    private HandoverPacket.Customer customer(Conversation conversation) {
        String id = null;
        String name = null;
        String email = null;
        boolean verified = false;
        if (conversation.customer() != null && !conversation.customer().isBlank()) {
            try {
                JsonNode node = json.readTree(conversation.customer());
                id = text(node, "id");
                name = text(node, "name");
                email = text(node, "email");
                verified = node.path("verified").asBoolean(false);
            } catch (RuntimeException e) {
                // an unreadable description is shown as no description
            }
        }
        return new HandoverPacket.Customer(id, name, email, verified, conversation.lang(), conversation.page());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static long parseLong(String value, long fallback) {
        return value == null ? fallback : Long.parseLong(value);
    }

    private static Instant parseInstant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}

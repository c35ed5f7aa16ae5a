package nl.loket.handover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handover packet: built once from the log when the handover starts and stored; the details
 * are filled in when the chat is queued, the summary when it is ready. A view only adds how long it waited.
 */
@Component
class PacketBuilder {

    private final JsonMapper json;
    private final Triggers triggers;
    private final Conversations conversations;
    private final HandoverStore store;
    private final HandoverTexts texts;
    private final ObjectProvider<HandoverSummarizer> summarizers;
    /** The waiting chats' packets as last read, with the text they were decoded from. */
    private Map<String, Decoded> decoded = Map.of();

    private record Decoded(String json, HandoverPacket packet) {
    }

    PacketBuilder(JsonMapper json, Triggers triggers, Conversations conversations, HandoverStore store,
            HandoverTexts texts, ObjectProvider<HandoverSummarizer> summarizers) {
        this.json = json;
        this.triggers = triggers;
        this.conversations = conversations;
        this.store = store;
        this.texts = texts;
        this.summarizers = summarizers;
    }

    /** Builds and stores the packet of a handover that starts now. */
    void start(Conversation conversation, String reason, String queue, Instant now) {
        List<String> asked = new ArrayList<>();
        List<String> askedSinceBot = new ArrayList<>();
        List<HandoverPacket.BotAttempt> attempts = new ArrayList<>();
        for (ConversationEvent e : conversations.eventsAfter(conversation.id(), 0)) {
            switch (e) {
                case ConversationEvent.StatusChange s when s.status() == ConversationStatus.BOT ->
                    askedSinceBot.clear(); // back with the bot after an earlier handover: a new question
                case ConversationEvent.CustomerMessage m when m.text() != null -> {
                    asked.add(m.text());
                    askedSinceBot.add(m.text());
                }
                case ConversationEvent.BotMessage m when m.attribute("dialogue") == null ->
                    attempts.add(new HandoverPacket.BotAttempt(m.seq(), m.tier(), m.text(), m.sources(),
                            m.attribute("score"), m.attribute("entryId"), m.helpful(), m.attribute("outcome")));
                case ConversationEvent.ActionResult a -> // what self-service did, as told: "... submitted, ref 2026-12345"
                    attempts.add(new HandoverPacket.BotAttempt(a.seq(), "action", a.text(), List.of(), null,
                            a.attribute("actionId"), null, a.attribute("outcome")));
                default -> {
                    // agents' messages, notes, notices and the bot's dialogue questions are no bot attempts
                }
            }
        }
        store.putPacket(conversation.id(), json.writeValueAsString(new HandoverPacket(HandoverPacket.VERSION,
                conversation.id(), customer(conversation), question(askedSinceBot.isEmpty() ? asked : askedSinceBot),
                asked, attempts, reason, texts.reasonLabel(conversation.lang(), reason), queue, now, null, 0,
                Map.of(), Map.of(), null, null)));
    }

    /**
     * The chat is queued: the packet gets its details, queue and time. Without a model's summary the console
     * puts one together from these fields, in the agent's language.
     */
    void queued(String conversationId, QueueDefinition queue, Map<String, String> details, Instant at) {
        Map<String, Map<String, String>> labels = queue.details().stream().filter(d -> !d.labels().isEmpty())
                .collect(Collectors.toMap(DetailSpec::name, DetailSpec::labels, (first, same) -> first));
        stored(conversationId).ifPresent(p -> {
            var packet = new HandoverPacket(p.version(), p.conversationId(), p.customer(), p.question(),
                    p.customerMessages(), p.botAttempts(), p.reason(), p.reasonLabel(), queue.name(), p.requestedAt(), at,
                    0, details, labels, null, null);
            store.putPacket(conversationId, json.writeValueAsString(packet));
        });
    }

    /**
     * Writes the configured summarizer's summary (the model's) on a virtual thread, so the customer is
     * queued without waiting for it, and fills it in when it is ready; the inbox of {@code queue} then
     * changes. The packet stays without one when there is none or it fails.
     */
    void summarizeLater(String conversationId, String queue) {
        HandoverSummarizer summarizer = summarizers.getIfAvailable();
        if (summarizer == null) {
            return;
        }
        Thread.ofVirtual().name("handover-summary").start(() -> stored(conversationId).ifPresent(p -> {
            HandoverSummary summary;
            try {
                summary = summarizer.summarize(p.withSummary(null));
            } catch (RuntimeException e) {
                return;
            }
            if (summary == null || summary.text() == null || summary.text().isBlank()) {
                return;
            }
            // the packet of this handover only: a handover started meanwhile has its own
            stored(conversationId).filter(current -> Objects.equals(current.requestedAt(), p.requestedAt()))
                    .ifPresent(current -> {
                        store.putPacket(conversationId, json.writeValueAsString(current.withSummary(summary)));
                        store.publish(new InboxChanged(queue, conversationId));
                    });
        }));
    }

    /** The stored packet as the agent sees it now: with how long the chat has waited (or waited). */
    Optional<HandoverPacket> view(String conversationId, Instant now) {
        String accepted = store.state(conversationId).get("acceptedAt");
        return stored(conversationId).map(p -> waited(p,
                accepted == null ? now : Instant.ofEpochMilli(Long.parseLong(accepted)), now));
    }

    /**
     * The packets of chats that wait now (a waiting chat has waited until now: nobody accepted it
     * since it was queued). Those in {@code reread}, and those not read before, are read in one round
     * trip and decoded when their stored text changed; the others are the ones decoded last time.
     */
    synchronized List<Optional<HandoverPacket>> waitingViews(List<String> conversationIds, Set<String> reread,
            Instant now) {
        List<String> toRead = conversationIds.stream().filter(id -> reread.contains(id) || !decoded.containsKey(id))
                .toList();
        var stored = store.packets(toRead).iterator();
        Map<String, Decoded> read = new HashMap<>();
        toRead.forEach(id -> read.put(id, decoded(decoded.get(id), stored.next())));
        Map<String, Decoded> seen = new HashMap<>(conversationIds.size());
        List<Optional<HandoverPacket>> views = new ArrayList<>(conversationIds.size());
        for (String id : conversationIds) {
            Decoded current = read.containsKey(id) ? read.get(id) : decoded.get(id);
            if (current != null) {
                seen.put(id, current);
            }
            views.add(Optional.ofNullable(current).map(d -> waited(d.packet(), now, now)));
        }
        decoded = seen; // chats no longer waiting are forgotten
        return views;
    }

    /** The stored text is the version: a filled-in summary or a new handover is new text, decoded anew. */
    private Decoded decoded(Decoded before, String text) {
        if (text == null) {
            return null;
        }
        return before != null && before.json().equals(text) ? before
                : new Decoded(text, json.readValue(text, HandoverPacket.class));
    }

    private static HandoverPacket waited(HandoverPacket p, Instant until, Instant now) {
        if (p.queuedAt() == null) {
            return p;
        }
        return p.withWaitingSeconds(Math.max(0, Duration.between(p.queuedAt(),
                until.isAfter(p.queuedAt()) ? until : now).toSeconds()));
    }

    private Optional<HandoverPacket> stored(String conversationId) {
        return Optional.ofNullable(store.packet(conversationId)).map(s -> json.readValue(s, HandoverPacket.class));
    }

    /**
     * The question in the customer's own words: their longest message that is not just a request
     * for a person; the last message when every one is such a request.
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
}

package nl.loket.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.loket.action.Actions;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.Source;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The first tier: the FAQ's answer when the matcher is confident, or a question which entry is
 * meant. It only proposes the reply; the router appends it and decides what follows.
 */
@Component
class FaqTier {

    private final Faq faq;
    private final MessageSource texts;
    private final Actions actions;

    FaqTier(Faq faq, MessageSource texts, Actions actions) {
        this.faq = faq;
        this.texts = texts;
        this.actions = actions;
    }

    /** The FAQ's reply and what it means for the route; empty when the FAQ has nothing. */
    record Reply(ConversationEvent.BotMessage event, RouteOutcome outcome, Optional<String> handoverQueue) {
    }

    /**
     * @param joint the message's one match ({@link Actions#match}): the FAQ's decision unless an action ranks
     *     in it; then the FAQ matches the question alone, as it would without actions
     */
    Optional<Reply> reply(String lang, String question, FaqMatch joint) {
        FaqMatch match = actions.ranks(joint) ? faq.match(question, lang) : joint;
        return switch (match.outcome()) {
            case ANSWER -> Optional.of(answer(match));
            case CLARIFY -> Optional.of(clarify(lang, match));
            case NONE -> Optional.empty();
        };
    }

    private Reply answer(FaqMatch match) {
        FaqEntry entry = match.best().entry();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("entryId", entry.id());
        attributes.put("outcome", "faq");
        attributes.put("score", score(match));
        var replies = new ArrayList<>(actions.offeredWith(entry.id(), entry.lang())); // "do it here" first
        replies.addAll(entry.quickReplies());
        var event = new ConversationEvent.BotMessage(entry.answer(), "faq", List.of(new Source(entry.id(), entry.title())),
                replies, attributes);
        return new Reply(event, new RouteOutcome.FaqAnswered(entry.id(), entry.tags()),
                entry.handsOver() ? Optional.of(entry.handover()) : Optional.empty());
    }

    private Reply clarify(String lang, FaqMatch match) {
        var options = match.clarify().stream()
                .map(c -> new QuickReply(c.entry().title(), c.entry().questions().getFirst()))
                .toList();
        List<String> ids = match.clarify().stream().map(c -> c.entry().id()).toList();
        String text = texts.getMessage("faq.clarify", null, Locale.forLanguageTag(lang));
        var event = new ConversationEvent.BotMessage(text, "faq", List.of(), options,
                Map.of("outcome", "faq_clarify", "candidates", String.join(",", ids), "score", score(match)));
        return new Reply(event, new RouteOutcome.Clarified(ids), Optional.empty());
    }

    private static String score(FaqMatch match) {
        return String.format(Locale.ROOT, "%.2f", match.confidence());
    }
}

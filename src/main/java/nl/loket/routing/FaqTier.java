package nl.loket.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.Source;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.handover.Handover;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The first tier: answer from the FAQ when the matcher is confident, or ask which entry is meant. */
@Component
class FaqTier {

    private final Faq faq;
    private final Conversations conversations;
    private final Handover handover;
    private final MessageSource texts;

    FaqTier(Faq faq, Conversations conversations, Handover handover, MessageSource texts) {
        this.faq = faq;
        this.conversations = conversations;
        this.handover = handover;
        this.texts = texts;
    }

    /** Returns true when the FAQ handled the question (answered, asked to clarify, or handed over). */
    boolean handle(Conversation conversation, String question) {
        FaqMatch match = faq.match(question, conversation.lang());
        return switch (match.outcome()) {
            case ANSWER -> answer(conversation, match);
            case CLARIFY -> clarify(conversation, match);
            case NONE -> false;
        };
    }

    private boolean answer(Conversation conversation, FaqMatch match) {
        FaqEntry entry = match.best().entry();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("entryId", entry.id());
        attributes.put("outcome", "faq");
        attributes.put("score", String.format(Locale.ROOT, "%.2f", match.confidence()));
        if (!entry.tags().isEmpty()) {
            // handover routes a later "talk to a person" to the queue that handles these topics
            attributes.put("tags", String.join(",", entry.tags()));
        }
        conversations.appendFromBot(conversation.id(), ConversationEvent.botMessage(entry.answer(), "faq",
                List.of(new Source(entry.id(), entry.title())), entry.quickReplies(), attributes));
        if (entry.handsOver()) {
            handover.request(conversation, "faq_handover:" + entry.handover());
        }
        return true;
    }

    private boolean clarify(Conversation conversation, FaqMatch match) {
        var options = match.clarify().stream()
                .map(c -> new QuickReply(c.entry().title(), c.entry().questions().getFirst()))
                .toList();
        String ids = String.join(",", match.clarify().stream().map(c -> c.entry().id()).toList());
        String text = texts.getMessage("faq.clarify", null, Locale.forLanguageTag(conversation.lang()));
        conversations.appendFromBot(conversation.id(), ConversationEvent.botMessage(text, "faq", List.of(), options,
                Map.of("outcome", "faq_clarify", "candidates", ids,
                        "score", String.format(Locale.ROOT, "%.2f", match.confidence()))));
        return true;
    }
}

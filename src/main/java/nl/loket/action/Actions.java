package nl.loket.action;

import java.util.List;
import java.util.Optional;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.QuickReply;
import nl.loket.dialogue.Reply;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqMatch;
import org.springframework.stereotype.Service;

/**
 * The actions' API for routing: whether a customer message asks for an action (its title, as the quick
 * reply an FAQ answer offers, starts it; its phrases offer it), and which actions an FAQ answer offers.
 * Only actions whose system is configured are offered.
 */
@Service
public class Actions {

    private final ActionCatalog catalog;
    private final ActionDialogue dialogue;
    private final ActionClient client;
    private final Faq faq;

    Actions(ActionCatalog catalog, ActionDialogue dialogue, ActionClient client, Faq faq) {
        this.catalog = catalog;
        this.dialogue = dialogue;
        this.client = client;
        this.faq = faq;
    }

    /**
     * What the bot says when the message asks for an action: the form's first question when it names an
     * action by its title, the offer when it matches an action's phrases better than any FAQ entry.
     */
    public Optional<Reply> reply(Conversation conversation, String text) {
        String lang = conversation.lang();
        String said = text == null ? "" : text.strip();
        Optional<ActionDefinition> named = catalog.all().stream().filter(client::available)
                .filter(a -> a.title().in(lang).equalsIgnoreCase(said)).findFirst();
        if (named.isPresent()) {
            return Optional.of(dialogue.start(conversation, named.get()));
        }
        FaqMatch match = catalog.match(said, lang);
        if (match.outcome() != FaqMatch.Outcome.ANSWER) {
            return Optional.empty();
        }
        Optional<ActionDefinition> matched = catalog.find(match.best().entry().id()).filter(client::available);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        // "hoe geef ik mijn meterstand door" is a question for the FAQ (which then offers the action), "ik wil
        // mijn meterstand doorgeven" is the action: whichever the matcher is surer of
        FaqMatch asked = faq.match(said, lang);
        if (asked.outcome() == FaqMatch.Outcome.ANSWER && asked.confidence() >= match.confidence()) {
            return Optional.empty();
        }
        return Optional.of(dialogue.offer(conversation, matched.get()));
    }

    /** The quick replies that start the actions linked to this FAQ entry, in its language. */
    public List<QuickReply> offeredWith(String faqEntryId, String lang) {
        return catalog.all().stream().filter(a -> a.faq().contains(faqEntryId)).filter(client::available)
                .map(a -> {
                    dialogue.count(a, "offered");
                    return new QuickReply(a.title().in(lang), a.title().in(lang));
                }).toList();
    }
}

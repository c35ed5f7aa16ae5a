package nl.loket.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.QuickReply;
import nl.loket.dialogue.Reply;
import nl.loket.faq.FaqMatch;
import org.springframework.stereotype.Service;

/**
 * The actions' API for routing: whether a customer message asks for an action (its phrases offer it),
 * which action an FAQ answer offers (its title as a quick reply starts it), and which actions the LLM may
 * offer as tools (the same offer as a phrase match when it calls one).
 * Only actions whose system is configured are offered.
 */
@Service
public class Actions {

    private final ActionCatalog catalog;
    private final ActionDialogue dialogue;
    private final ActionClient client;
    private final ActionLedger ledger;

    Actions(ActionCatalog catalog, ActionDialogue dialogue, ActionClient client, ActionLedger ledger) {
        this.catalog = catalog;
        this.dialogue = dialogue;
        this.client = client;
        this.ledger = ledger;
    }

    /**
     * The one match of a customer message, against the actions' phrases and the FAQ's entries together:
     * {@link #reply} decides on it whether the message asks for an action, and the FAQ tier answers from it
     * unless an action {@link #ranks ranks} in it.
     */
    public FaqMatch match(String text, String lang) {
        return catalog.match(said(text), lang);
    }

    /**
     * Whether an action is among the match's candidates: then the FAQ's decision may depend on it (a close
     * action phrase lowers an entry's lead), and the FAQ matches again without the actions, as it decides alone.
     */
    public boolean ranks(FaqMatch match) {
        return match.candidates().stream().anyMatch(ActionCatalog::isAction);
    }

    /**
     * What the bot says when the message asks for an action: the form's first question when it is the title
     * an FAQ answer offered as a quick reply; the offer when it matches an action's phrases better than any
     * FAQ entry ({@code match}, from {@link #match}); "sent already" for a second confirmation.
     */
    public Optional<Reply> reply(Conversation conversation, String text, FaqMatch match) {
        String said = said(text);
        String lang = conversation.lang();
        Optional<ActionDefinition> titled = catalog.all().stream().filter(a -> a.title().in(lang).equalsIgnoreCase(said))
                .filter(client::available).findFirst();
        if (titled.isPresent() && ledger.recall(conversation.id(), ActionLedger.OFFERED)
                .filter(titled.get().id()::equals).isPresent()) {
            return Optional.of(dialogue.start(conversation, titled.get()));
        }
        Optional<Reply> again = dialogue.confirmedAgain(conversation, said);
        if (again.isPresent()) {
            return again;
        }
        return catalog.asked(match).filter(client::available).map(action -> dialogue.offer(conversation, action));
    }

    private static String said(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * The actions the LLM may offer, id to what it does in {@code lang}: only ids and editors' texts, never
     * anything of the customer's.
     */
    public Map<String, String> offerable(String lang) {
        Map<String, String> offerable = new LinkedHashMap<>();
        catalog.all().stream().filter(client::available).forEach(a -> offerable.put(a.id(),
                (a.description().isEmpty() ? a.title() : a.description()).in(lang)));
        return offerable;
    }

    /**
     * Offers an action by its id, as a phrase match does (the customer may decline); empty when there is no
     * such action, or its system is not configured, any more.
     */
    public Optional<Reply> offer(Conversation conversation, String actionId) {
        return catalog.find(actionId).filter(client::available).map(action -> dialogue.offer(conversation, action));
    }

    /** The FAQ answered with this entry: the action it links to was offered with it, so its title starts it. */
    public void answeredWith(Conversation conversation, String faqEntryId) {
        linked(faqEntryId).findFirst().ifPresent(action -> ledger.remember(conversation.id(), ActionLedger.OFFERED,
                action.id()));
    }

    /** The quick replies that start the actions linked to this FAQ entry, in its language. */
    public List<QuickReply> offeredWith(String faqEntryId, String lang) {
        return linked(faqEntryId).limit(1).map(a -> {
                    dialogue.count(a, "offered");
                    return new QuickReply(a.title().in(lang), a.title().in(lang));
                }).toList();
    }

    /** Every action's id with its title in {@code lang}, sorted by id: what the insights page lists, used or not. */
    public Map<String, String> titles(String lang) {
        Map<String, String> titles = new TreeMap<>();
        catalog.all().forEach(a -> titles.put(a.id(), a.title().in(lang)));
        return titles;
    }

    private java.util.stream.Stream<ActionDefinition> linked(String faqEntryId) {
        return catalog.all().stream().filter(a -> a.faq().contains(faqEntryId)).filter(client::available);
    }
}

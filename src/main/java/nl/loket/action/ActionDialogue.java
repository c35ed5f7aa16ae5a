package nl.loket.action;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.QuickReply;
import nl.loket.dialogue.DialogueDefinition;
import nl.loket.dialogue.DialogueOwner;
import nl.loket.dialogue.DialogueStep;
import nl.loket.dialogue.Dialogues;
import nl.loket.dialogue.Field;
import nl.loket.dialogue.Reply;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqMatch;
import nl.loket.handover.Handover;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An action in the chat, on the dialogue engine: the offer (yes or no; anything else is routed as usual),
 * the form (one field at a time, each checked, then the summary and an explicit confirmation), and the
 * send, claimed once per confirmation. The result is an {@code action} event in the log. A customer who
 * asks for a person, or presses the button, mid-form takes the values filled in so far to the handover.
 */
@Component
class ActionDialogue implements DialogueOwner {

    static final String OFFER = "action.offer.";
    static final String FORM = "action.form.";
    /** The hidden answer that identifies one run of a form, and so its confirmation. */
    static final String RUN = "_run";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final ActionCatalog catalog;
    private final ActionClient client;
    private final ActionLedger ledger;
    private final Dialogues dialogues;
    private final Conversations conversations;
    private final Handover handover;
    private final Faq faq;
    private final MessageSource texts;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Clock clock;

    ActionDialogue(ActionCatalog catalog, ActionClient client, ActionLedger ledger, Dialogues dialogues,
            Conversations conversations, Handover handover, Faq faq, MessageSource texts, MeterRegistry meters,
            JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.client = client;
        this.ledger = ledger;
        this.dialogues = dialogues;
        this.conversations = conversations;
        this.handover = handover;
        this.faq = faq;
        this.texts = texts;
        this.meters = meters;
        this.json = json;
        this.clock = clock;
    }

    /** Offers the action: the bot asks whether to do it here. */
    Reply offer(Conversation conversation, ActionDefinition action) {
        count(action, "offered");
        return reply(dialogues.start(conversation.id(), offerDefinition(conversation, action), Map.of()));
    }

    /**
     * A message that is the send confirmation again, after the form ended: a double click or a second tab.
     * Told it was sent; only the text of the "send" choice counts, so nothing else is read from Redis.
     */
    Optional<Reply> confirmedAgain(Conversation conversation, String text) {
        if (!say(conversation, "action.send.value").equalsIgnoreCase(text.strip())
                || ledger.recall(conversation.id(), ActionLedger.SENT).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reply(say(conversation, "action.already-sent"), List.of()));
    }

    /** Starts the form, or explains why it cannot run for this customer. */
    Reply start(Conversation conversation, ActionDefinition action) {
        Map<String, String> customer = verifiedCustomer(conversation);
        if (action.verified() && customer.isEmpty()) {
            return new Reply(say(conversation, "action.sign-in"), List.of(askPerson(conversation)));
        }
        count(action, "started");
        Map<String, String> known = new LinkedHashMap<>();
        known.put(RUN, UUID.randomUUID().toString());
        for (ActionField field : action.fields()) {
            if (field.customer() != null && customer.containsKey(field.customer())) {
                known.put(field.name(), customer.get(field.customer()));
            }
        }
        return reply(dialogues.start(conversation.id(), form(conversation, action), known));
    }

    @Override
    public boolean owns(String dialogue) {
        return dialogue.startsWith("action.");
    }

    @Override
    public DialogueDefinition definition(String dialogue, Conversation conversation) {
        ActionDefinition action = action(dialogue).orElse(null);
        if (action == null) { // the file was removed meanwhile: nothing to ask any more
            return DialogueDefinition.of(dialogue, "", List.of(), null, null);
        }
        if (dialogue.startsWith(OFFER)) {
            return offerDefinition(conversation, action);
        }
        return form(conversation, action);
    }

    @Override
    public Optional<Reply> finished(Conversation conversation, DialogueStep ended) {
        String dialogue = switch (ended) {
            case DialogueStep.Completed c -> c.dialogue();
            case DialogueStep.Cancelled c -> c.dialogue();
            default -> "";
        };
        ActionDefinition action = action(dialogue).orElse(null);
        if (action == null) {
            return Optional.empty();
        }
        if (dialogue.startsWith(OFFER)) {
            return ended instanceof DialogueStep.Completed c && c.answers().get("answer")
                    .equals(say(conversation, "action.yes.value"))
                    ? Optional.of(start(conversation, action))
                    : Optional.of(new Reply(say(conversation, "action.declined"), List.of()));
        }
        if (ended instanceof DialogueStep.Cancelled) {
            count(action, "abandoned");
            return Optional.of(new Reply(say(conversation, "action.cancelled"), List.of()));
        }
        send(conversation, action, ((DialogueStep.Completed) ended).answers());
        return Optional.empty();
    }

    @Override
    public void left(Conversation conversation, DialogueStep.Left left) {
        if (!left.dialogue().startsWith(FORM)) {
            return;
        }
        action(left.dialogue()).ifPresent(action -> {
            count(action, "abandoned");
            handover.noteDetails(conversation.id(), details(conversation, action, left.answers()));
        });
    }

    /** Sends a confirmed form once: only the caller that claims the confirmation sends, and it alone tells the result. */
    private void send(Conversation conversation, ActionDefinition action, Map<String, String> answers) {
        String run = answers.get(RUN);
        if (run == null || !ledger.claim(conversation.id(), run)) {
            return; // another node, tab or click has this confirmation and reports its result
        }
        Map<String, String> values = new LinkedHashMap<>(answers);
        verifiedCustomer(conversation).forEach((key, value) -> values.put("customer." + key, value));
        ActionResult result = client.send(action, values, run);
        ledger.settle(conversation.id(), run, result.outcome());
        count(action, result instanceof ActionResult.Succeeded ? "completed" : "failed");
        String lang = conversation.lang();
        Map<String, String> shown = display(action, answers, lang);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("actionId", action.id());
        attributes.put("outcome", result.outcome());
        String text;
        List<QuickReply> replies = List.of();
        switch (result) {
            case ActionResult.Succeeded s -> {
                if (s.reference() != null) {
                    attributes.put("reference", s.reference());
                }
                shown.put("reference", s.reference() == null ? "" : s.reference());
                shown.put("message", s.message() == null ? "" : s.message());
                text = Texts.fill(action.done().in(lang), shown).strip();
                ledger.remember(conversation.id(), ActionLedger.SENT, action.id());
            }
            case ActionResult.Refused r -> {
                attributes.put("status", Integer.toString(r.status()));
                shown.put("message", r.message() == null ? "" : r.message());
                Texts configured = action.call().errors().getOrDefault(Integer.toString(r.status()),
                        action.call().errors().get("4xx"));
                text = configured == null || (r.message() == null && configured.in(lang).contains("{message}"))
                        ? say(conversation, "action.refused") : Texts.fill(configured.in(lang), shown);
                replies = List.of(askPerson(conversation));
            }
            case ActionResult.Failed f -> {
                attributes.put("failure", f.kind());
                Texts configured = action.call().errors().get(f.kind());
                text = configured == null ? say(conversation, "action.failed." + f.kind())
                        : Texts.fill(configured.in(lang), shown);
                replies = List.of(askPerson(conversation));
            }
        }
        if (!(result instanceof ActionResult.Succeeded)) {
            handover.noteDetails(conversation.id(), details(conversation, action, answers));
        }
        conversations.appendActionResult(conversation.id(), new ConversationEvent.ActionResult(text, replies, attributes));
    }

    private DialogueDefinition offerDefinition(Conversation conversation, ActionDefinition action) {
        String text = action.offer().isEmpty() ? action.title().in(conversation.lang()) + "?"
                : action.offer().in(conversation.lang());
        return DialogueDefinition.of(OFFER + action.id(), "", List.of(Field.choice("answer", text,
                List.of(quick(conversation, "action.yes"), quick(conversation, "action.no")), null)), null, null);
    }

    private DialogueDefinition form(Conversation conversation, ActionDefinition action) {
        String lang = conversation.lang();
        LocalDate today = LocalDate.now(clock);
        List<Field> fields = new ArrayList<>();
        for (ActionField field : action.fields()) {
            String prompt = field.help().isEmpty() ? field.label().in(lang)
                    : field.label().in(lang) + "\n" + field.help().in(lang);
            List<QuickReply> offered = field.choices().stream()
                    .map(c -> new QuickReply(c.label().in(lang), c.value())).toList();
            fields.add(Field.parsed(field.name(), prompt, field.optional(), answer -> field.normalise(answer, today),
                    answer -> retry(conversation, action, field, answer, prompt, today), offered,
                    formControl(field, lang)));
        }
        return new DialogueDefinition(FORM + action.id(), "", fields, quick(conversation, "action.skip"),
                quick(conversation, "action.cancel"),
                answers -> Texts.fill(action.summary().in(lang), display(action, answers, lang)),
                new DialogueDefinition.Confirm(quick(conversation, "action.send"),
                        quick(conversation, "action.dont-send"), say(conversation, "action.confirm-retry")),
                answer -> handover.reasonFor(answer, null, 0).isPresent());
    }

    /** The field as a client shows it as a form control (the widget's accessible form). */
    private static Map<String, String> formControl(ActionField field, String lang) {
        Map<String, String> control = new LinkedHashMap<>();
        control.put("field.name", field.name());
        control.put("field.type", field.type().wireName());
        control.put("field.label", field.label().in(lang));
        if (!field.help().isEmpty()) {
            control.put("field.help", field.help().in(lang));
        }
        return control;
    }

    /**
     * What the bot says to an answer the field does not take: a question the FAQ answers is answered, then
     * the field asked again; anything else gets the field's retry text.
     */
    private String retry(Conversation conversation, ActionDefinition action, ActionField field, String answer,
            String prompt, LocalDate today) {
        String lang = conversation.lang();
        FaqMatch match = faq.match(answer, lang);
        if (match.outcome() == FaqMatch.Outcome.ANSWER) {
            return match.best().entry().answer() + "\n\n" + say(conversation, "action.back-to-form",
                    action.title().in(lang).toLowerCase(Locale.ROOT)) + " " + prompt;
        }
        if (!field.error().isEmpty()) {
            return field.error().in(lang) + "\n" + prompt;
        }
        String key = "action.invalid." + field.type().wireName();
        String retry = switch (field.type()) {
            case NUMBER, AMOUNT -> say(conversation, key, plain(field.min()), plain(field.max()));
            case DATE -> say(conversation, key,
                    field.fromDays() == null ? "…" : DAY.format(today.plusDays(field.fromDays())),
                    field.toDays() == null ? "…" : DAY.format(today.plusDays(field.toDays())));
            default -> say(conversation, key);
        };
        return retry + "\n" + prompt;
    }

    /** The answers as the customer reads them: choices by label, dates as 7-12-2026. */
    private static Map<String, String> display(ActionDefinition action, Map<String, String> answers, String lang) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (ActionField field : action.fields()) {
            String value = answers.get(field.name());
            if (value != null) {
                shown.put(field.name(), field.type() == FieldType.DATE
                        ? DAY.format(LocalDate.parse(value)) : field.display(value, lang));
            } else {
                shown.put(field.name(), "-");
            }
        }
        return shown;
    }

    /** The filled-in values for the agent, labelled in the conversation's language. */
    private static Map<String, String> details(Conversation conversation, ActionDefinition action,
            Map<String, String> answers) {
        String lang = conversation.lang();
        Map<String, String> shown = display(action, answers, lang);
        Map<String, String> details = new LinkedHashMap<>();
        for (ActionField field : action.fields()) {
            if (answers.containsKey(field.name()) && field.customer() == null) {
                details.put(action.title().in(lang) + ": " + field.name(), shown.get(field.name()));
            }
        }
        return details;
    }

    /** The signed customer's id, name and e-mail; empty when the host site did not sign them. */
    private Map<String, String> verifiedCustomer(Conversation conversation) {
        if (conversation.customer() == null || conversation.customer().isBlank()) {
            return Map.of();
        }
        JsonNode customer = json.readTree(conversation.customer());
        if (!customer.path("verified").asBoolean(false)) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : List.of("id", "name", "email")) {
            JsonNode value = customer.get(key);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                values.put(key, value.asString());
            }
        }
        return values.containsKey("id") ? values : Map.of();
    }

    private Optional<ActionDefinition> action(String dialogue) {
        int dot = dialogue.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : catalog.find(dialogue.substring(dot + 1));
    }

    private static Reply reply(DialogueStep step) {
        return step instanceof DialogueStep.Ask ask ? new Reply(ask.text(), ask.quickReplies(), ask.attributes())
                : new Reply("", List.of());
    }

    /** Counts a stage of an action ({@code loket_actions_total{action, stage}}). */
    void count(ActionDefinition action, String stage) {
        Counter.builder("loket.actions").description("Self-service actions by action and stage: offered, started, "
                + "completed, failed (refused or failed), abandoned").tag("action", action.id()).tag("stage", stage)
                .register(meters).increment();
    }

    private QuickReply askPerson(Conversation conversation) {
        return new QuickReply(say(conversation, "router.ask-person.label"), say(conversation, "router.ask-person.value"));
    }

    private QuickReply quick(Conversation conversation, String key) {
        return new QuickReply(say(conversation, key + ".label"), say(conversation, key + ".value"));
    }

    private String say(Conversation conversation, String key, Object... args) {
        return texts.getMessage(key, args.length == 0 ? null : args, Locale.forLanguageTag(conversation.lang()));
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "…" : value.stripTrailingZeros().toPlainString();
    }
}

package nl.loket.handover;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Transition;
import nl.loket.dialogue.DialogueDefinition;
import nl.loket.dialogue.DialogueOwner;
import nl.loket.dialogue.DialogueStep;
import nl.loket.dialogue.Dialogues;
import nl.loket.dialogue.Field;
import nl.loket.dialogue.Reply;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The customer's side of a handover, on the dialogue engine: the queue's details, then the queue;
 * or, when nobody can take the chat, an honest notice with the choice to leave a message (contact,
 * question) or carry on with the bot. The status stays BOT until the chat is queued.
 */
@Component
class HandoverDialogue implements DialogueOwner {

    static final String DETAILS = "handover.details";
    static final String NO_AGENT = "handover.no-agent";
    static final String LEAVE_MESSAGE = "handover.leave-message";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{7,18}[0-9]");

    private final Conversations conversations;
    private final Dialogues dialogues;
    private final HandoverTexts texts;
    private final QueueCatalog queues;
    private final QueueChooser chooser;
    private final HandoverStore store;
    private final PacketBuilder packets;
    private final WaitingLine line;
    private final AgentPresence presence;
    private final Callbacks callbacks;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    HandoverDialogue(Conversations conversations, Dialogues dialogues, HandoverTexts texts, QueueCatalog queues,
            QueueChooser chooser, HandoverStore store, PacketBuilder packets, WaitingLine line, AgentPresence presence,
            Callbacks callbacks, ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.conversations = conversations;
        this.dialogues = dialogues;
        this.texts = texts;
        this.queues = queues;
        this.chooser = chooser;
        this.store = store;
        this.packets = packets;
        this.line = line;
        this.presence = presence;
        this.callbacks = callbacks;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /** Starts a handover for {@code reason}; returns what the bot asks first, if it asks anything. */
    Optional<Reply> request(Conversation conversation, String reason, List<String> topic) {
        if (conversation.status() != ConversationStatus.BOT) {
            return Optional.empty();
        }
        QueueDefinition queue = chooser.choose(conversation, reason, topic);
        Counter.builder("loket.handover.requested")
                .description("Handovers the bot started, by reason and by the queue chosen")
                .tag("reason", Triggers.metricName(reason)).tag("queue", queue.name()).register(meters).increment();
        store.putState(conversation.id(), Map.of("reason", reason, "queue", queue.name(),
                "requestedAt", Long.toString(clock.millis())));
        store.removeState(conversation.id(), "acceptedAt");
        packets.start(conversation, reason, queue.name(), clock.instant());
        events.publishEvent(new HandoverEvent.HandoverRequested(conversation.id(), reason, queue.name()));
        if (offerAlternativesWhenUnavailable(conversation, queue, reason)) {
            return Optional.empty();
        }
        return afterStep(conversation, dialogues.start(conversation.id(), details(conversation, queue),
                store.details(conversation.id())));
    }

    /** A customer message while the chat waits: "carry on with the assistant" leaves the queue. */
    void customerWaiting(Conversation conversation, String text) {
        if (conversation.status() != ConversationStatus.QUEUED || text == null
                || !text.strip().equalsIgnoreCase(texts.say(conversation, "handover.carry-on.value"))) {
            return;
        }
        String queue = conversation.holder().queueName();
        var event = new ConversationEvent.StatusChange(ConversationStatus.BOT,
                texts.say(conversation, "handover.left-queue"),
                Map.of("reason", "customer_left_queue", "queue", queue));
        if (conversations.changeStatus(conversation.id(), Transition.of(ConversationStatus.QUEUED,
                ConversationStatus.BOT), event) instanceof AppendResult.Stored) {
            line.leave(queue, conversation.id());
            events.publishEvent(new HandoverEvent.ChatLeftQueue(conversation.id(), queue));
        }
    }

    @Override
    public boolean owns(String dialogue) {
        return dialogue.startsWith("handover.");
    }

    @Override
    public DialogueDefinition definition(String dialogue, Conversation conversation) {
        return switch (dialogue) {
            case DETAILS -> details(conversation, targetQueue(conversation));
            case NO_AGENT -> noAgent(conversation);
            case LEAVE_MESSAGE -> leaveMessage(conversation);
            default -> throw new IllegalArgumentException("no handover dialogue " + dialogue);
        };
    }

    @Override
    public Optional<Reply> finished(Conversation conversation, DialogueStep ended) {
        if (!(ended instanceof DialogueStep.Completed completed)) {
            return Optional.of(new Reply(texts.say(conversation, "handover.carry-on-ack"), List.of()));
        }
        Map<String, String> answers = completed.answers();
        return switch (completed.dialogue()) {
            case DETAILS -> {
                store.putDetails(conversation.id(), answers);
                QueueDefinition queue = targetQueue(conversation);
                Conversation current = conversations.find(conversation.id()).orElse(conversation);
                String reason = store.state(conversation.id()).getOrDefault("reason", "");
                if (!offerAlternativesWhenUnavailable(current, queue, reason)) {
                    packets.queued(conversation.id(), queue, store.details(conversation.id()), clock.instant());
                    if (line.enqueue(current, queue, reason)) {
                        packets.summarizeLater(conversation.id(), queue.name());
                    }
                }
                yield Optional.empty();
            }
            case NO_AGENT -> answers.get("choice").equals(texts.say(conversation, "handover.leave-message.value"))
                    ? afterStep(conversation, dialogues.start(conversation.id(), leaveMessage(conversation), Map.of()))
                    : Optional.of(new Reply(texts.say(conversation, "handover.carry-on-ack"), List.of()));
            case LEAVE_MESSAGE -> {
                QueueDefinition queue = targetQueue(conversation);
                callbacks.leave(conversation.id(), queue.name(), answers.get("contact"), answers.get("question"));
                yield Optional.of(new Reply(texts.say(conversation, "handover.leave-message.thanks",
                        queue.title(conversation.lang())), List.of()));
            }
            default -> Optional.empty();
        };
    }

    /** An ask becomes the bot's reply; a dialogue that ended at once is finished here. */
    private Optional<Reply> afterStep(Conversation conversation, DialogueStep step) {
        return switch (step) {
            case DialogueStep.Ask ask -> Optional.of(new Reply(ask.text(), ask.quickReplies()));
            case DialogueStep.Left left -> Optional.empty();
            case DialogueStep.Completed c -> finished(conversation, c);
            case DialogueStep.Cancelled c -> finished(conversation, c);
        };
    }

    private QueueDefinition targetQueue(Conversation conversation) {
        return queues.find(store.state(conversation.id()).get("queue")).orElseGet(queues::defaultQueue);
    }

    private DialogueDefinition details(Conversation conversation, QueueDefinition queue) {
        String lang = conversation.lang();
        String invalid = texts.say(conversation, "handover.detail.invalid");
        List<Field> fields = queue.details().stream().map(d -> Field.text(d.name(), d.prompt(lang), true,
                answer -> d.accepts(answer) ? Optional.empty() : Optional.of(invalid + " " + d.prompt(lang))))
                .toList();
        return DialogueDefinition.of(DETAILS, texts.say(conversation, "handover.detail.intro", queue.title(lang)),
                fields, texts.reply(conversation, "handover.skip"), null);
    }

    private DialogueDefinition noAgent(Conversation conversation) {
        return DialogueDefinition.of(NO_AGENT, "", List.of(Field.choice("choice", "",
                texts.replies(conversation, "handover.leave-message", "handover.carry-on"), null)), null, null);
    }

    private DialogueDefinition leaveMessage(Conversation conversation) {
        String badContact = texts.say(conversation, "handover.leave-message.bad-contact");
        return DialogueDefinition.of(LEAVE_MESSAGE, "", List.of(
                Field.text("contact", texts.say(conversation, "handover.leave-message.ask-contact"), true,
                        answer -> EMAIL.matcher(answer).matches() || PHONE.matcher(answer).matches()
                                ? Optional.empty() : Optional.of(badContact)),
                Field.text("question", texts.say(conversation, "handover.leave-message.ask-question"), false, null)),
                texts.reply(conversation, "handover.skip"), null);
    }

    /** When nobody can take the chat: say so, say when the team is back, offer a message or the bot. */
    private boolean offerAlternativesWhenUnavailable(Conversation conversation, QueueDefinition queue, String reason) {
        if (presence.available(queue)) {
            return false;
        }
        ZonedDateTime at = presence.now();
        String text;
        String outcome;
        if (queue.isOpen(at)) {
            text = texts.say(conversation, "handover.nobody-available", queue.title(conversation.lang()));
            outcome = "nobody_online";
        } else {
            String back = queue.nextOpening(at).map(t -> DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm",
                    Locale.forLanguageTag(conversation.lang())).format(t)).orElse("?");
            text = texts.say(conversation, "handover.closed-now", queue.title(conversation.lang()), back);
            outcome = "closed";
        }
        dialogues.startQuietly(conversation.id(), noAgent(conversation));
        conversations.appendNotice(conversation.id(), new ConversationEvent.Notice(text,
                texts.replies(conversation, "handover.leave-message", "handover.carry-on"),
                Map.of("reason", reason, "queue", queue.name(), "outcome", outcome)));
        return true;
    }
}

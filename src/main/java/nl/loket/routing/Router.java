package nl.loket.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.loket.action.Actions;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationState;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.RoutingTakenOver;
import nl.loket.dialogue.DialogueOwner;
import nl.loket.dialogue.DialoguePhase;
import nl.loket.dialogue.DialogueStep;
import nl.loket.dialogue.Dialogues;
import nl.loket.dialogue.Reply;
import nl.loket.faq.FaqMatch;
import nl.loket.handover.Handover;
import nl.loket.llm.LlmOutcome;
import nl.loket.llm.LlmRequest;
import nl.loket.llm.LlmTier;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Decides who answers a customer message, in one order: a running dialogue, a reason to hand over,
 * the FAQ, the LLM, an honest "I cannot answer". Bot silence is enforced here, once: nothing runs
 * unless the conversation is in {@link ConversationStatus#BOT}, and the log refuses bot events in
 * any other status. Everything it needs to decide (status, holder, dialogue phase, what the
 * triggers need) is one Redis read; the log is read only when the LLM needs the history. Every
 * bot message, whichever tier or dialogue wrote it, is appended here and nowhere else.
 */
@Service
public class Router {

    private final Conversations conversations;
    private final Handover handover;
    private final Dialogues dialogues;
    private final List<DialogueOwner> dialogueOwners;
    private final RoutingMemory memory;
    private final ConversationLanes lanes;
    private final MessageSource texts;
    private final FaqTier faq;
    private final LlmTier llm;
    private final Actions actions;
    private final LlmBudget budget;

    Router(Conversations conversations, Handover handover, Dialogues dialogues, List<DialogueOwner> dialogueOwners,
            RoutingMemory memory, ConversationLanes lanes, MessageSource texts, FaqTier faq, LlmTier llm,
            Actions actions, LlmBudget budget) {
        this.conversations = conversations;
        this.handover = handover;
        this.dialogues = dialogues;
        this.dialogueOwners = List.copyOf(dialogueOwners);
        this.memory = memory;
        this.lanes = lanes;
        this.texts = texts;
        this.faq = faq;
        this.llm = llm;
        this.actions = actions;
        this.budget = budget;
    }

    /**
     * Routes a stored customer message; returns at once, the answer arrives as events. Durable: if
     * this node dies before the answer is stored, another node routes the message ({@link #takeOver}).
     */
    public void customerSaid(String conversationId, ConversationEvent message) {
        customerSaid(conversationId, message, null);
    }

    /**
     * The same, for a message that came over a socket from {@code clientAddress}: a model call for it is
     * taken from that address's LLM budget as well as the conversation's.
     */
    public void customerSaid(String conversationId, ConversationEvent message, String clientAddress) {
        lanes.submit(conversationId, () -> conversations.routing(conversationId, message.seq(),
                () -> read(conversationId).ifPresent(state -> {
                    String question = Handover.questionKey(message.text());
                    RouteOutcome outcome = route(state, message, question, clientAddress);
                    // an answer to a dialogue is no question: "Ja, graag" to two offers is not asking twice
                    memory.remember(conversationId, outcome instanceof RouteOutcome.DialogueContinued ? "" : question,
                            outcome);
                })));
    }

    /** A message another node acknowledged but did not live to route. */
    @EventListener
    void takeOver(RoutingTakenOver taken) {
        customerSaid(taken.conversationId(), taken.message());
    }

    /** The customer pressed "talk to a person". */
    public void customerAskedForPerson(String conversationId) {
        // the reason is always ours: a client-chosen one (say "faq_handover:klachten") would pick a queue
        lanes.submit(conversationId, () -> read(conversationId).filter(Router::isBot).ifPresent(state -> {
            // a form left for a person: its owner hands what was filled in to the handover first
            phase(state).ifPresent(p -> owner(p).ifPresent(o -> o.left(state.conversation(),
                    new DialogueStep.Left(p.dialogue(), p.answers()))));
            memory.remember(conversationId, "", startHandover(state.conversation(), "customer_asked",
                    recalled(state).topic()));
        }));
    }

    /**
     * Thumbs up/down on a bot answer: stored at once (false when {@code seq} is not a bot answer),
     * counted in the conversation's lane: enough unhelpful answers hand the chat over (a thumbs-down
     * changed to a thumbs-up no longer counts).
     */
    public boolean customerGaveFeedback(String conversationId, long seq, boolean helpful) {
        if (!conversations.recordFeedback(conversationId, seq, helpful)) {
            return false;
        }
        lanes.submit(conversationId, () -> {
            long unhelpful = memory.feedback(conversationId, seq, helpful);
            if (helpful || !handover.unhelpfulEnough((int) unhelpful)) {
                return;
            }
            read(conversationId).filter(s -> isBot(s) && phase(s).isEmpty()).ifPresent(state -> memory.remember(
                    conversationId, "", startHandover(state.conversation(), "unhelpful_answers",
                            recalled(state).topic())));
        });
        return true;
    }

    private RouteOutcome route(ConversationState state, ConversationEvent message, String question,
            String clientAddress) {
        Conversation conversation = state.conversation();
        switch (conversation.status()) {
            case QUEUED -> {
                handover.customerWaiting(conversation, message.text()); // may leave the queue; never a bot answer
                return new RouteOutcome.Silent(ConversationStatus.QUEUED);
            }
            case AGENT, CLOSED -> {
                return new RouteOutcome.Silent(conversation.status());
            }
            case BOT -> {
                // the bot may answer: on below
            }
        }
        Optional<RouteOutcome> dialogue = phase(state).flatMap(p -> continueDialogue(conversation, p, message.text()));
        if (dialogue.isPresent()) {
            return dialogue.get();
        }
        RoutingMemory.Recalled recalled = recalled(state);
        Optional<String> reason = handover.reasonFor(message.text(), recalled.offered(),
                recalled.askedBefore(question));
        if (reason.isPresent()) {
            return startHandover(conversation, reason.get(), recalled.topic());
        }
        FaqMatch match = actions.match(message.text(), conversation.lang()); // the one match, for both decisions
        Optional<Reply> action = actions.reply(conversation, message.text(), match);
        if (action.isPresent()) {
            say(conversation, action.get(), Map.of("dialogue", "action"));
            return new RouteOutcome.DialogueContinued("action");
        }
        Optional<FaqTier.Reply> fromFaq = faq.reply(conversation.lang(), message.text(), match);
        if (fromFaq.isPresent()) {
            var reply = fromFaq.get();
            if (!append(conversation, reply.event())) {
                return new RouteOutcome.Silent(ConversationStatus.BOT); // left BOT while the FAQ answered
            }
            if (reply.handoverQueue().isPresent() && reply.outcome() instanceof RouteOutcome.FaqAnswered answered) {
                return startHandover(conversation, "faq_handover:" + reply.handoverQueue().get(), answered.topic());
            }
            if (reply.outcome() instanceof RouteOutcome.FaqAnswered answered) {
                actions.answeredWith(conversation, answered.entryId()); // its "do it here" quick reply starts it
            }
            return reply.outcome();
        }
        return answerWithLlm(conversation, message, clientAddress);
    }

    private Optional<RouteOutcome> continueDialogue(Conversation conversation, DialoguePhase phase, String text) {
        DialogueOwner owner = owner(phase).orElse(null);
        if (owner == null) { // its module is gone (renamed in an upgrade): the message is routed as usual
            dialogues.end(conversation.id());
            return Optional.empty();
        }
        DialogueStep step = dialogues.answer(conversation.id(), owner.definition(phase.dialogue(), conversation),
                phase, text);
        switch (step) {
            case DialogueStep.Ask ask -> say(conversation, new Reply(ask.text(), ask.quickReplies(),
                    ask.attributes()), Map.of("dialogue", phase.dialogue()));
            case DialogueStep.Left left -> {
                owner.left(conversation, left);
                return Optional.empty();
            }
            case DialogueStep.Completed c -> owner.finished(conversation, c)
                    .ifPresent(r -> say(conversation, r, Map.of("dialogue", phase.dialogue())));
            case DialogueStep.Cancelled c -> owner.finished(conversation, c)
                    .ifPresent(r -> say(conversation, r, Map.of("dialogue", phase.dialogue())));
        }
        return Optional.of(new RouteOutcome.DialogueContinued(phase.dialogue()));
    }

    private RouteOutcome startHandover(Conversation conversation, String reason, List<String> topic) {
        handover.request(conversation, reason, topic)
                .ifPresent(reply -> say(conversation, reply, Map.of("dialogue", "handover")));
        return new RouteOutcome.HandoverStarted(reason);
    }

    /**
     * The LLM tier (which may also offer an action, as a phrase match does), then the final fallback: an
     * honest reply that says how to reach a person.
     */
    private RouteOutcome answerWithLlm(Conversation conversation, ConversationEvent message, String clientAddress) {
        String notAnswered = "off";
        if (llm.enabled()) {
            var sources = llm.sources(message.text(), conversation.lang());
            var history = withoutForms(conversations.eventsAfter(conversation.id(),
                    Math.max(0, message.seq() - 1 - 3L * llm.historyTurns())));
            var request = new LlmRequest(conversation.id(), message.seq(), message.text(), conversation.lang(),
                    history, sources, Map.of(), actions.offerable(conversation.lang()));
            switch (llm.answer(request, () -> budget.tryCall(conversation.id(), clientAddress))) {
                case LlmOutcome.Answered a -> {
                    if (append(conversation, a.answer())) {
                        return new RouteOutcome.LlmAnswered();
                    }
                    // the chat left BOT after the tier's last look: the streamed text goes, nothing is said
                    conversations.discardDeltas(conversation.id(), message.seq());
                    return new RouteOutcome.Silent(ConversationStatus.BOT);
                }
                case LlmOutcome.OfferAction offer -> {
                    Optional<Reply> offered = actions.offer(conversation, offer.actionId());
                    if (offered.isPresent()) {
                        say(conversation, offered.get(), Map.of("dialogue", "action", "offeredBy", "llm"));
                        return new RouteOutcome.DialogueContinued("action");
                    }
                    notAnswered = "tool:gone"; // its file was removed, or its system unset, during the call
                }
                case LlmOutcome.Cancelled c -> {
                    return new RouteOutcome.Silent(ConversationStatus.BOT);
                }
                case LlmOutcome.NotAnswered n -> notAnswered = n.reason();
            }
        }
        Locale locale = Locale.forLanguageTag(conversation.lang());
        var offer = new QuickReply(texts.getMessage("router.ask-person.label", null, locale),
                texts.getMessage("router.ask-person.value", null, locale));
        append(conversation, new ConversationEvent.BotMessage(texts.getMessage("router.cannot-answer", null, locale),
                null, List.of(), List.of(offer), Map.of("outcome", "no_answer", "llm", notAnswered)));
        return new RouteOutcome.NotAnswered(notAnswered, offer.value());
    }

    /**
     * The history without the actions' turns: a form's questions, its summary (which repeats the values) and
     * the customer's answers to them (an answer is the customer message an action's message replied to). The
     * model never sees what a customer typed into a form, during the form or after it.
     */
    private static List<ConversationEvent> withoutForms(List<ConversationEvent> history) {
        List<ConversationEvent> kept = new ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            ConversationEvent event = history.get(i);
            boolean formAnswer = event instanceof ConversationEvent.CustomerMessage && i + 1 < history.size()
                    && isActionTurn(history.get(i + 1));
            if (!formAnswer && !isActionTurn(event)) {
                kept.add(event);
            }
        }
        return kept;
    }

    private static boolean isActionTurn(ConversationEvent event) {
        return event instanceof ConversationEvent.BotMessage bot
                && bot.attributes().getOrDefault("dialogue", "").startsWith("action");
    }

    private Optional<DialogueOwner> owner(DialoguePhase phase) {
        return dialogueOwners.stream().filter(o -> o.owns(phase.dialogue())).findFirst();
    }

    private void say(Conversation conversation, Reply reply, Map<String, String> attributes) {
        Map<String, String> all = new HashMap<>(reply.attributes());
        all.putAll(attributes);
        append(conversation, new ConversationEvent.BotMessage(reply.text(), null, List.of(), reply.quickReplies(), all));
    }

    /**
     * The one place a bot message is appended, whichever tier wrote it; false when the log refused it
     * because the chat left BOT meanwhile (bot silence, checked atomically in Redis).
     */
    private boolean append(Conversation conversation, ConversationEvent.BotMessage answer) {
        return conversations.appendFromBot(conversation.id(), answer).stored().isPresent();
    }

    private Optional<ConversationState> read(String conversationId) {
        return conversations.findWith(conversationId,
                List.of(Dialogues.key(conversationId), RoutingMemory.key(conversationId)));
    }

    private Optional<DialoguePhase> phase(ConversationState state) {
        return dialogues.phaseIn(state.moduleHashes().get(0));
    }

    private static RoutingMemory.Recalled recalled(ConversationState state) {
        return new RoutingMemory.Recalled(state.moduleHashes().get(1));
    }

    private static boolean isBot(ConversationState state) {
        return state.conversation().status() == ConversationStatus.BOT;
    }
}

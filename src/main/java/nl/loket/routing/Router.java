package nl.loket.routing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.Conversation;
import nl.loket.handover.Handover;
import nl.loket.llm.LlmOutcome;
import nl.loket.llm.LlmRequest;
import nl.loket.llm.LlmTier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Decides who answers a customer message. Bot silence is enforced here, once: no tier runs unless
 * the conversation is in {@link ConversationStatus#BOT}, and the log refuses bot events in any
 * other status, so an answer that was being written when an agent took over is never stored.
 */
@Service
public class Router {

    private final Conversations conversations;
    private final Handover handover;
    private final ConversationLanes lanes;
    private final MessageSource texts;
    private final FaqTier faq;
    private final LlmTier llm;

    Router(Conversations conversations, Handover handover, ConversationLanes lanes, MessageSource texts,
            FaqTier faq, LlmTier llm) {
        this.conversations = conversations;
        this.handover = handover;
        this.lanes = lanes;
        this.texts = texts;
        this.faq = faq;
        this.llm = llm;
    }

    /** Routes a stored customer message; returns at once, the answer arrives as events. */
    public void customerSaid(String conversationId, ConversationEvent message) {
        lanes.submit(conversationId, () -> route(conversationId, message));
    }

    /** The customer pressed "talk to a person". */
    public void customerAskedForPerson(String conversationId) {
        // the reason is always ours: a client-chosen one (say "faq_handover:klachten") would pick a queue
        lanes.submit(conversationId, () -> conversations.find(conversationId)
                .filter(c -> c.status() == ConversationStatus.BOT)
                .ifPresent(c -> handover.request(c, "customer_asked")));
    }

    private void route(String conversationId, ConversationEvent message) {
        var conversation = conversations.find(conversationId).orElse(null);
        if (conversation != null && conversation.status() == ConversationStatus.QUEUED) {
            handover.customerWaiting(conversation, message); // may leave the queue; never a bot answer
            return;
        }
        if (conversation == null || conversation.status() != ConversationStatus.BOT) {
            return;
        }
        if (handover.consume(conversation, message)) { // handover dialogue, or a reason to hand over
            return;
        }
        if (faq.handle(conversation, message.text())) {
            return;
        }
        String llmOutcome = answerWithLlm(conversation, message);
        if (llmOutcome != null) {
            cannotAnswer(conversationId, conversation.lang(), llmOutcome);
        }
    }

    /** The LLM tier: null when it answered (or the conversation left BOT), else why it did not. */
    private String answerWithLlm(Conversation conversation, ConversationEvent message) {
        if (!llm.enabled()) {
            return "off";
        }
        var sources = llm.sources(message.text(), conversation.lang());
        var history = conversations.eventsAfter(conversation.id(),
                Math.max(0, message.seq() - 1 - 3L * llm.historyTurns()));
        return switch (llm.answer(new LlmRequest(conversation.id(), message.seq(), message.text(), conversation.lang(),
                history, sources))) {
            case LlmOutcome.Answered a -> null;
            case LlmOutcome.Cancelled c -> null;
            case LlmOutcome.NotAnswered n -> n.reason();
        };
    }

    /** The final fallback: an honest reply that says how to reach a person. */
    private void cannotAnswer(String conversationId, String lang, String llmOutcome) {
        Locale locale = Locale.forLanguageTag(lang);
        var reply = ConversationEvent.botMessage(texts.getMessage("router.cannot-answer", null, locale), null,
                List.of(), List.of(new QuickReply(texts.getMessage("router.ask-person.label", null, locale),
                        texts.getMessage("router.ask-person.value", null, locale))),
                Map.of("outcome", "no_answer", "llm", llmOutcome));
        conversations.appendFromBot(conversationId, reply);
    }
}

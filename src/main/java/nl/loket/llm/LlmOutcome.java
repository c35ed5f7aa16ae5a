package nl.loket.llm;

import nl.loket.conversation.ConversationEvent;

/** What the LLM tier did with a question. */
public sealed interface LlmOutcome {

    /**
     * A checked, cited answer, not stored yet: the router appends it as it appends every tier's answer.
     * The text streamed for it stays on screen until the stored event replaces it; when the log refuses
     * the answer (the chat left BOT meanwhile) the router withdraws that text.
     */
    record Answered(ConversationEvent.BotMessage answer) implements LlmOutcome {
    }

    /**
     * The model called the tool of one of the request's actions instead of answering: the router offers
     * that action as a phrase match does. Streamed text, if any, was already withdrawn.
     */
    record OfferAction(String actionId) implements LlmOutcome {
    }

    /**
     * No answer was stored (tier off, breaker open, abstained, blocked, failed); the caller posts the
     * honest fallback with a handover offer. Streamed text, if any, was already withdrawn.
     *
     * @param reason e.g. {@code off}, {@code abstained}, {@code blocked:uncited}, {@code failed:stalled},
     *     {@code tool:unknown}, {@code tool:malformed}
     */
    record NotAnswered(String reason) implements LlmOutcome {
    }

    /** The conversation left BOT while the answer was written: the bot says nothing more. */
    record Cancelled() implements LlmOutcome {
    }
}

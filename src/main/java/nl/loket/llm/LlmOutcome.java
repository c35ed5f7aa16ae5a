package nl.loket.llm;

import nl.loket.conversation.ConversationEvent;

/** What the LLM tier did with a question. */
public sealed interface LlmOutcome {

    /** A checked, cited answer was stored. */
    record Answered(ConversationEvent event) implements LlmOutcome {
    }

    /**
     * No answer was stored (tier off, breaker open, abstained, blocked, failed); the caller posts the
     * honest fallback with a handover offer. Streamed text, if any, was already withdrawn.
     *
     * @param reason e.g. {@code off}, {@code abstained}, {@code blocked:uncited}, {@code failed:stalled}
     */
    record NotAnswered(String reason) implements LlmOutcome {
    }

    /** The conversation left BOT while the answer was written: the bot says nothing more. */
    record Cancelled() implements LlmOutcome {
    }
}

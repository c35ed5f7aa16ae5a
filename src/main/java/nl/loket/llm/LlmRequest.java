package nl.loket.llm;

import java.util.List;
import nl.loket.conversation.ConversationEvent;

/**
 * A question for the LLM tier.
 *
 * @param replyTo the seq of the customer message being answered (deltas carry it)
 * @param lang the conversation's language, nl or en
 * @param history earlier events of the conversation, oldest first; only messages are used, the last
 *     {@code loket.llm.history-turns} of them
 * @param sources the FAQ entries to answer from, best first; numbered [1], [2], ... in the prompt
 */
public record LlmRequest(String conversationId, long replyTo, String question, String lang,
        List<ConversationEvent> history, List<GroundingSource> sources) {

    public LlmRequest {
        history = List.copyOf(history);
        sources = List.copyOf(sources);
    }
}

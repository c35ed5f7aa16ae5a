package nl.loket.llm;

import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;

/**
 * A question for the LLM tier.
 *
 * @param replyTo the seq of the customer message being answered (deltas carry it)
 * @param lang the conversation's language, nl or en
 * @param history earlier events of the conversation, oldest first; only messages are used, the last
 *     {@code loket.llm.history-turns} of them
 * @param sources the FAQ entries to answer from, best first; numbered [1], [2], ... in the prompt
 * @param details the details collected for a handover, if the caller has them: their personal values
 *     (name, address, numbers) are redacted wherever they appear, like the customer the site described
 */
public record LlmRequest(String conversationId, long replyTo, String question, String lang,
        List<ConversationEvent> history, List<GroundingSource> sources, Map<String, String> details) {

    public LlmRequest {
        history = List.copyOf(history);
        sources = List.copyOf(sources);
        details = Map.copyOf(details);
    }

    /** A question without collected details (the router's: the bot answers before any are asked). */
    public LlmRequest(String conversationId, long replyTo, String question, String lang,
            List<ConversationEvent> history, List<GroundingSource> sources) {
        this(conversationId, replyTo, question, lang, history, sources, Map.of());
    }
}

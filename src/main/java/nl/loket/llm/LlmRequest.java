package nl.loket.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param actions the actions the model may offer instead of answering, id to what it does (editors' text):
 *     each is a tool without parameters, so the model can name an action but never hand it a value
 */
public record LlmRequest(String conversationId, long replyTo, String question, String lang,
        List<ConversationEvent> history, List<GroundingSource> sources, Map<String, String> details,
        Map<String, String> actions) {

    public LlmRequest {
        history = List.copyOf(history);
        sources = List.copyOf(sources);
        details = Map.copyOf(details);
        actions = Collections.unmodifiableMap(new LinkedHashMap<>(actions)); // the tools in the editors' order
    }

    /** A question without actions to offer (a suggested reply for an agent, say). */
    public LlmRequest(String conversationId, long replyTo, String question, String lang,
            List<ConversationEvent> history, List<GroundingSource> sources, Map<String, String> details) {
        this(conversationId, replyTo, question, lang, history, sources, details, Map.of());
    }

    /** A question without collected details or actions. */
    public LlmRequest(String conversationId, long replyTo, String question, String lang,
            List<ConversationEvent> history, List<GroundingSource> sources) {
        this(conversationId, replyTo, question, lang, history, sources, Map.of());
    }
}

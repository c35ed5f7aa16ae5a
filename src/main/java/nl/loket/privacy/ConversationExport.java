package nl.loket.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;

/**
 * Everything Loket holds about one conversation, for an access request.
 *
 * @param conversation what the log knows besides its events (status, language, page, customer, start);
 *     never the token's hash
 * @param events the whole log, internal notes included (they are personal data too)
 * @param stored every other key of the conversation by its name (handover packet and details, CSAT,
 *     routing memory, dialogue phase, action results, callback tasks, ...), as stored
 */
public record ConversationExport(String conversationId, Instant exportedAt, Map<String, Object> conversation,
        List<ConversationEvent> events, Map<String, Object> stored) {
}

package nl.loket.console;

import java.util.List;
import java.util.Optional;
import nl.loket.conversation.ConversationEvent;
import nl.loket.handover.HandoverPacket;

/**
 * AI assist: proposes a reply the agent edits before sending; a suggestion is never sent by
 * itself. The LLM (or FAQ) module can provide a bean of this type; without one the console offers none.
 */
public interface ReplySuggester {

    record Suggestion(String text, String source) {
    }

    Optional<Suggestion> suggest(HandoverPacket packet, List<ConversationEvent> history);
}

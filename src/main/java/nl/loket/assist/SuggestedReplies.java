package nl.loket.assist;

import java.util.List;
import java.util.Optional;
import nl.loket.console.ReplySuggester;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.EventKind;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqMatch;
import nl.loket.handover.HandoverPacket;
import nl.loket.llm.GroundingSource;
import nl.loket.llm.LlmRequest;
import nl.loket.llm.LlmTier;
import org.springframework.stereotype.Component;

/**
 * Proposes a reply to the customer's last message: the FAQ answer when the matcher is confident
 * (source {@code faq:<entry id>}), otherwise an LLM draft from the same sources the LLM tier would
 * use (source {@code llm:<cited ids>}), otherwise nothing.
 */
@Component
class SuggestedReplies implements ReplySuggester {

    private final Faq faq;
    private final LlmTier llm;

    SuggestedReplies(Faq faq, LlmTier llm) {
        this.faq = faq;
        this.llm = llm;
    }

    @Override
    public Optional<Suggestion> suggest(HandoverPacket packet, List<ConversationEvent> history) {
        Optional<ConversationEvent> last = history.reversed().stream()
                .filter(e -> e.kind() == EventKind.MESSAGE && e.author() == Author.CUSTOMER && e.text() != null
                        && !e.text().isBlank())
                .findFirst();
        if (last.isEmpty()) {
            return Optional.empty();
        }
        String question = last.get().text();
        String lang = packet.customer() == null || packet.customer().lang() == null ? "nl" : packet.customer().lang();
        FaqMatch match = faq.match(question, lang);
        if (match.outcome() == FaqMatch.Outcome.ANSWER) {
            return Optional.of(new Suggestion(match.best().entry().answer(), "faq:" + match.best().entry().id()));
        }
        if (!llm.enabled()) {
            return Optional.empty();
        }
        List<GroundingSource> sources = llm.sources(question, lang);
        return llm.draft(new LlmRequest(packet.conversationId(), last.get().seq(), question, lang, history, sources,
                packet.details()))
                .map(d -> new Suggestion(d.text(), "llm:" + String.join(",",
                        d.cited().stream().map(GroundingSource::id).toList())));
    }
}

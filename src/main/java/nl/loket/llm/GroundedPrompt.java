package nl.loket.llm;

import java.util.List;
import java.util.Map;
import nl.loket.conversation.Author;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import org.springframework.stereotype.Component;

/**
 * Lays out one request for the model: the system prompt of the conversation's language, and a user
 * message with the numbered sources, the recent turns and the customer's message. Everything a
 * customer wrote is redacted (also of what the site told Loket about this customer), tag-escaped and
 * kept inside its delimiters, so it stays data.
 */
@Component
class GroundedPrompt {

    /** What the model writes instead of an answer when the sources do not cover the question. */
    static final String ABSTAIN = "NO_ANSWER";

    record Rendered(String system, String user) {
    }

    private final Redactor redactor;
    private final LlmProperties properties;
    private final Conversations conversations;

    GroundedPrompt(Redactor redactor, LlmProperties properties, Conversations conversations) {
        this.redactor = redactor;
        this.properties = properties;
        this.conversations = conversations;
    }

    Rendered render(PromptSet prompts, LlmRequest request) {
        KnownCustomer known = KnownCustomer.described(conversations.find(request.conversationId())
                .map(Conversation::customer).orElse(null), request.details());
        String system = PromptTemplate.fill(prompts.systemFor(request.lang()), Map.of("abstain", ABSTAIN));
        String user = PromptTemplate.fill(prompts.answer(), Map.of(
                "sources", sources(request.sources()),
                "history", history(request, known),
                "question", customerText(request.question(), known),
                "lang", request.lang()));
        return new Rendered(system, user);
    }

    /** Editors' content, trusted; numbered so the model can cite it. */
    private static String sources(List<GroundingSource> sources) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            GroundingSource s = sources.get(i);
            out.append("<source number=\"").append(i + 1).append("\" title=\"").append(escape(s.title()))
                    .append("\">\n").append(s.markdown().strip()).append("\n</source>\n");
        }
        return out.toString().strip();
    }

    private String history(LlmRequest request, KnownCustomer known) {
        List<ConversationEvent> messages = request.history().stream()
                .filter(e -> e.kind() == EventKind.MESSAGE && e.seq() != request.replyTo() && e.text() != null)
                .toList();
        List<ConversationEvent> recent = messages.subList(Math.max(0, messages.size() - properties.historyTurns()),
                messages.size());
        if (recent.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (ConversationEvent e : recent) {
            String who = e.author() == Author.CUSTOMER ? "customer" : e.author() == Author.AGENT ? "agent" : "assistant";
            out.append("<turn author=\"").append(who).append("\">").append(customerText(e.text(), known))
                    .append("</turn>\n");
        }
        return out.toString().strip();
    }

    /** Redacted first, then escaped: a customer cannot close a delimiter or open a new one. */
    String customerText(String text, KnownCustomer known) {
        return escape(redactor.redact(text == null ? "" : text, known));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package nl.loket.dialogue;

import java.util.List;
import java.util.Map;
import nl.loket.conversation.QuickReply;

/** What the bot says for a dialogue; the router appends it, with {@code attributes} for the event. */
public record Reply(String text, List<QuickReply> quickReplies, Map<String, String> attributes) {

    public Reply {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Reply(String text, List<QuickReply> quickReplies) {
        this(text, quickReplies, Map.of());
    }
}

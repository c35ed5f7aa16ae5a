package nl.loket.dialogue;

import java.util.List;
import nl.loket.conversation.QuickReply;

/** What the bot says when a dialogue ended; the router appends it. */
public record Reply(String text, List<QuickReply> quickReplies) {

    public Reply {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }
}

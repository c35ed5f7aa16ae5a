package nl.loket.dialogue;

import java.util.Optional;
import nl.loket.conversation.Conversation;

/**
 * A module that runs dialogues: it rebuilds a definition from its stored id (on any node) and says
 * what a finished dialogue means. The router finds the owner of a running dialogue by its id.
 */
public interface DialogueOwner {

    boolean owns(String dialogue);

    DialogueDefinition definition(String dialogue, Conversation conversation);

    /** A dialogue ended ({@link DialogueStep.Completed} or {@link DialogueStep.Cancelled}); what the bot says next. */
    Optional<Reply> finished(Conversation conversation, DialogueStep ended);

    /**
     * The customer left the dialogue before it ended (an answer it does not take, or the "talk to a person"
     * button); the message is routed as usual after this. Nothing to do by default.
     */
    default void left(Conversation conversation, DialogueStep.Left left) {
    }
}

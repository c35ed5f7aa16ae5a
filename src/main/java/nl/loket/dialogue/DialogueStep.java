package nl.loket.dialogue;

import java.util.List;
import java.util.Map;
import nl.loket.conversation.QuickReply;

/** What one turn of a dialogue did: it asks (again), or it ended with a result. */
public sealed interface DialogueStep {

    /** Say {@code text} with these quick replies; the dialogue goes on in {@code phase}. */
    record Ask(DialoguePhase phase, String text, List<QuickReply> quickReplies) implements DialogueStep {
        public Ask {
            quickReplies = List.copyOf(quickReplies);
        }
    }

    /** Every field answered (and confirmed, when the dialogue asks for it). */
    record Completed(String dialogue, Map<String, String> answers) implements DialogueStep {
        public Completed {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * The answer is not for this dialogue (a choice that accepts nothing else was not chosen): the
     * dialogue is over and the message is handled as any other.
     */
    record Left(String dialogue) implements DialogueStep {
    }

    /** The customer cancelled (or said no to the summary); {@code answers} holds what was given so far. */
    record Cancelled(String dialogue, Map<String, String> answers) implements DialogueStep {
        public Cancelled {
            answers = Map.copyOf(answers);
        }
    }
}

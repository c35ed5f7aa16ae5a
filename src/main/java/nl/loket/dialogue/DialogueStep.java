package nl.loket.dialogue;

import java.util.List;
import java.util.Map;
import nl.loket.conversation.QuickReply;

/** What one turn of a dialogue did: it asks (again), or it ended with a result. */
public sealed interface DialogueStep {

    /**
     * Say {@code text} with these quick replies; the dialogue goes on in {@code phase}. {@code attributes}
     * describe the field being asked, for clients that show it as a form control.
     */
    record Ask(DialoguePhase phase, String text, List<QuickReply> quickReplies, Map<String, String> attributes)
            implements DialogueStep {
        public Ask {
            quickReplies = List.copyOf(quickReplies);
            attributes = Map.copyOf(attributes);
        }

        public Ask(DialoguePhase phase, String text, List<QuickReply> quickReplies) {
            this(phase, text, quickReplies, Map.of());
        }
    }

    /** Every field answered (and confirmed, when the dialogue asks for it). */
    record Completed(String dialogue, Map<String, String> answers) implements DialogueStep {
        public Completed {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * The answer is not for this dialogue (a choice that accepts nothing else was not chosen, or the
     * definition's {@code leaves} says so, as for a customer who asks for a person): the dialogue is over
     * and the message is handled as any other. {@code answers} holds what was given so far.
     */
    record Left(String dialogue, Map<String, String> answers) implements DialogueStep {
        public Left {
            answers = Map.copyOf(answers);
        }

        public Left(String dialogue) {
            this(dialogue, Map.of());
        }
    }

    /** The customer cancelled (or said no to the summary); {@code answers} holds what was given so far. */
    record Cancelled(String dialogue, Map<String, String> answers) implements DialogueStep {
        public Cancelled {
            answers = Map.copyOf(answers);
        }
    }
}

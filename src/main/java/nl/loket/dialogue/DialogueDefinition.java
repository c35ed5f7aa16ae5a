package nl.loket.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.loket.conversation.QuickReply;

/**
 * A guided conversation, built for one conversation's language by the module that owns it.
 *
 * @param id the owner's name for it, stored with the phase so any node can rebuild the definition
 * @param intro said before the first question; may be empty
 * @param skip the quick reply that skips an optional field
 * @param cancel the quick reply that ends the dialogue without a result; null when it cannot be cancelled
 * @param confirmation when not null, the summary of the answers to confirm before the dialogue completes
 * @param confirm the quick replies for the confirmation: {@code yes} completes, {@code no} cancels
 * @param leaves when it accepts an answer, the dialogue ends there ({@link DialogueStep.Left}) and the answer is
 *     handled as any other message (a customer asking for a person mid-form); null: never
 */
public record DialogueDefinition(String id, String intro, List<Field> fields, QuickReply skip, QuickReply cancel,
        Function<Map<String, String>, String> confirmation, Confirm confirm, Predicate<String> leaves) {

    public DialogueDefinition {
        Objects.requireNonNull(id, "id");
        intro = intro == null ? "" : intro;
        fields = List.copyOf(fields);
        if (confirmation != null) {
            Objects.requireNonNull(confirm, "a confirmation needs its yes/no replies");
        }
    }

    public DialogueDefinition(String id, String intro, List<Field> fields, QuickReply skip, QuickReply cancel,
            Function<Map<String, String>, String> confirmation, Confirm confirm) {
        this(id, intro, fields, skip, cancel, confirmation, confirm, null);
    }

    /** A dialogue that completes when the last field is answered, without a confirmation. */
    public static DialogueDefinition of(String id, String intro, List<Field> fields, QuickReply skip,
            QuickReply cancel) {
        return new DialogueDefinition(id, intro, fields, skip, cancel, null, null);
    }

    /** The confirmation's answers and the message when the customer answers neither. */
    public record Confirm(QuickReply yes, QuickReply no, String retry) {
    }
}

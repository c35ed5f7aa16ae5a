package nl.loket.dialogue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import nl.loket.conversation.QuickReply;

/**
 * One thing a dialogue asks for, in the conversation's language.
 *
 * @param check what is wrong with an answer (a retry message to show), empty when it is accepted
 * @param choices when not empty the answer must be one of their values (case-insensitive); they are
 *     offered as quick replies
 */
public record Field(String name, String prompt, boolean optional, Function<String, Optional<String>> check,
        List<QuickReply> choices) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prompt, "prompt");
        check = check == null ? answer -> Optional.empty() : check;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A free-text field; {@code check} may be null to accept anything. */
    public static Field text(String name, String prompt, boolean optional,
            Function<String, Optional<String>> check) {
        return new Field(name, prompt, optional, check, List.of());
    }

    /**
     * A choice among quick replies; any other answer gets {@code retry}, or, when {@code retry} is
     * null, ends the dialogue so that the answer is handled as a normal message ({@link DialogueStep.Left}).
     */
    public static Field choice(String name, String prompt, List<QuickReply> choices, String retry) {
        return new Field(name, prompt, false, answer -> Optional.ofNullable(retry), choices);
    }

    boolean isChoice() {
        return !choices.isEmpty();
    }

    boolean offers(String answer) {
        return choices.stream().anyMatch(c -> c.value().equalsIgnoreCase(answer));
    }

    /** The chosen value as the choice spells it, or the answer as typed. */
    String normalise(String answer) {
        return choices.stream().map(QuickReply::value).filter(answer::equalsIgnoreCase).findFirst().orElse(answer);
    }
}

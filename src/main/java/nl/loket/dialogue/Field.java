package nl.loket.dialogue;

import java.util.List;
import java.util.Map;
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
 * @param parse when not null it decides: the answer's value to keep (in one plain form, say {@code 1234AB} for
 *     "1234 ab"), or empty when the answer is not one, and {@code check} then gives the retry message; the
 *     choices are then only offered, any answer {@code parse} accepts is taken
 * @param attributes what a client needs to show the field as a form control (name, type, label); they go
 *     with the question's event, and {@code field.invalid} is added when it is asked again
 */
public record Field(String name, String prompt, boolean optional, Function<String, Optional<String>> check,
        List<QuickReply> choices, Function<String, Optional<String>> parse, Map<String, String> attributes) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prompt, "prompt");
        check = check == null ? answer -> Optional.empty() : check;
        choices = choices == null ? List.of() : List.copyOf(choices);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Field(String name, String prompt, boolean optional, Function<String, Optional<String>> check,
            List<QuickReply> choices) {
        this(name, prompt, optional, check, choices, null, null);
    }

    /**
     * A field whose answer {@code parse} turns into the value kept; when it cannot, {@code retry} (given the
     * answer) is what the bot says. {@code offered} are quick replies, not a limit.
     */
    public static Field parsed(String name, String prompt, boolean optional, Function<String, Optional<String>> parse,
            Function<String, String> retry, List<QuickReply> offered, Map<String, String> attributes) {
        return new Field(name, prompt, optional, answer -> Optional.of(retry.apply(answer)), offered, parse,
                attributes);
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
        return parse == null && !choices.isEmpty();
    }

    boolean offers(String answer) {
        return choices.stream().anyMatch(c -> c.value().equalsIgnoreCase(answer));
    }

    /** The chosen value as the choice spells it, or the answer as typed. */
    String normalise(String answer) {
        return choices.stream().map(QuickReply::value).filter(answer::equalsIgnoreCase).findFirst().orElse(answer);
    }
}

package nl.loket.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.QuickReply;

/**
 * The dialogue's rules, without storage: from a phase and an answer to the next step. Kept pure so
 * every path (retry, skip, cancel, confirm) is tested without Redis.
 */
final class DialogueEngine {

    private DialogueEngine() {
    }

    /** Starts {@code definition}; fields already in {@code known} are not asked again. */
    static DialogueStep start(DialogueDefinition definition, Map<String, String> known) {
        return askFrom(definition, 0, Map.copyOf(known), definition.intro());
    }

    static DialogueStep answer(DialogueDefinition definition, DialoguePhase phase, String text) {
        String answer = text == null ? "" : text.strip();
        if (definition.cancel() != null && definition.cancel().value().equalsIgnoreCase(answer)) {
            return new DialogueStep.Cancelled(definition.id(), phase.answers());
        }
        if (definition.leaves() != null && definition.leaves().test(answer)) {
            return new DialogueStep.Left(definition.id(), phase.answers());
        }
        return switch (phase) {
            case DialoguePhase.Asking asking -> answerField(definition, asking, answer);
            case DialoguePhase.Confirming confirming -> confirm(definition, confirming, answer);
        };
    }

    private static DialogueStep answerField(DialogueDefinition definition, DialoguePhase.Asking asking, String answer) {
        if (asking.field() >= definition.fields().size()) { // the definition shrank since (content reload)
            return askFrom(definition, asking.field(), asking.answers(), "");
        }
        Field field = definition.fields().get(asking.field());
        if (field.optional() && definition.skip() != null && definition.skip().value().equalsIgnoreCase(answer)) {
            return askFrom(definition, asking.field() + 1, asking.answers(), "");
        }
        if (field.parse() != null) {
            Optional<String> value = field.parse().apply(answer);
            return value.isPresent()
                    ? askFrom(definition, asking.field() + 1, DialoguePhase.with(asking.answers(), field.name(),
                            value.get()), "")
                    : new DialogueStep.Ask(asking, field.check().apply(answer).orElse(field.prompt()),
                            repliesFor(definition, field), invalid(field));
        }
        if (field.isChoice() && !field.offers(answer)) {
            return field.check().apply(answer)
                    .<DialogueStep>map(retry -> new DialogueStep.Ask(asking, retry, repliesFor(definition, field)))
                    .orElseGet(() -> new DialogueStep.Left(definition.id(), asking.answers()));
        }
        Optional<String> problem = field.isChoice() ? Optional.empty() : field.check().apply(answer);
        if (problem.isPresent()) {
            return new DialogueStep.Ask(asking, problem.get(), repliesFor(definition, field));
        }
        return askFrom(definition, asking.field() + 1,
                DialoguePhase.with(asking.answers(), field.name(), field.normalise(answer)), "");
    }

    private static DialogueStep confirm(DialogueDefinition definition, DialoguePhase.Confirming confirming,
            String answer) {
        var confirm = definition.confirm();
        if (confirm.yes().value().equalsIgnoreCase(answer)) {
            return new DialogueStep.Completed(definition.id(), confirming.answers());
        }
        if (confirm.no().value().equalsIgnoreCase(answer)) {
            return new DialogueStep.Cancelled(definition.id(), confirming.answers());
        }
        return new DialogueStep.Ask(confirming, confirm.retry() + "\n\n" + definition.confirmation()
                .apply(confirming.answers()), List.of(confirm.yes(), confirm.no()));
    }

    /** Asks the first field from {@code index} on that has no answer yet, or ends (confirming first if asked to). */
    private static DialogueStep askFrom(DialogueDefinition definition, int index, Map<String, String> answers,
            String intro) {
        int next = index;
        while (next < definition.fields().size() && answers.containsKey(definition.fields().get(next).name())) {
            next++;
        }
        if (next < definition.fields().size()) {
            Field field = definition.fields().get(next);
            String text = intro.isEmpty() ? field.prompt() : intro + " " + field.prompt();
            return new DialogueStep.Ask(new DialoguePhase.Asking(definition.id(), next, answers), text,
                    repliesFor(definition, field), field.attributes());
        }
        if (definition.confirmation() != null) {
            var confirm = definition.confirm();
            return new DialogueStep.Ask(new DialoguePhase.Confirming(definition.id(), answers),
                    definition.confirmation().apply(answers), List.of(confirm.yes(), confirm.no()));
        }
        return new DialogueStep.Completed(definition.id(), answers);
    }

    private static Map<String, String> invalid(Field field) {
        return field.attributes().isEmpty() ? Map.of() : DialoguePhase.with(field.attributes(), "field.invalid", "true");
    }

    private static List<QuickReply> repliesFor(DialogueDefinition definition, Field field) {
        List<QuickReply> replies = new ArrayList<>(field.choices());
        if (field.optional() && definition.skip() != null) {
            replies.add(definition.skip());
        }
        if (definition.cancel() != null) {
            replies.add(definition.cancel());
        }
        return replies;
    }
}

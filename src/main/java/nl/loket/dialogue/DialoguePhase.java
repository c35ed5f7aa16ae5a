package nl.loket.dialogue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a running dialogue is; stored as one JSON value. A finished dialogue has no phase. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "phase")
@JsonSubTypes({@JsonSubTypes.Type(value = DialoguePhase.Asking.class, name = "asking"),
    @JsonSubTypes.Type(value = DialoguePhase.Confirming.class, name = "confirming")})
public sealed interface DialoguePhase {

    String dialogue();

    Map<String, String> answers();

    /** Waiting for the answer to field number {@code field}. */
    record Asking(String dialogue, int field, Map<String, String> answers) implements DialoguePhase {
        public Asking {
            answers = Map.copyOf(answers);
        }
    }

    /** Every field answered; waiting for yes or no on the summary. */
    record Confirming(String dialogue, Map<String, String> answers) implements DialoguePhase {
        public Confirming {
            answers = Map.copyOf(answers);
        }
    }

    static Map<String, String> with(Map<String, String> answers, String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(name, value);
        return next;
    }
}

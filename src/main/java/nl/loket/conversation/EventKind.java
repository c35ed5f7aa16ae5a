package nl.loket.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum EventKind {
    MESSAGE,
    STATUS,
    NOTICE,
    /** An agent's internal note: stored in the log, never shown to the customer. */
    NOTE,
    /** The result of a self-service action (its id, outcome and reference in the attributes). */
    ACTION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean visibleToCustomer() {
        return this != NOTE;
    }
}

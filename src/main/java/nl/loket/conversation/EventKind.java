package nl.loket.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum EventKind {
    MESSAGE,
    STATUS,
    NOTICE,
    /** An agent's internal note: stored in the log, never shown to the customer. */
    NOTE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean visibleToCustomer() {
        return this != NOTE;
    }
}

package nl.loket.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Author {
    CUSTOMER, BOT, AGENT, SYSTEM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

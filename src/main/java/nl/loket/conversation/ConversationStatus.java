package nl.loket.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Who owns a conversation right now. The bot only ever speaks in {@link #BOT}. */
public enum ConversationStatus {
    BOT, QUEUED, AGENT, CLOSED;

    /** The moves the product allows; {@link Transition} refuses every other one. */
    public Set<ConversationStatus> next() {
        return switch (this) {
            case BOT -> EnumSet.of(QUEUED, CLOSED);
            case QUEUED -> EnumSet.of(AGENT, BOT, CLOSED);
            case AGENT -> EnumSet.of(BOT, QUEUED, CLOSED);
            case CLOSED -> EnumSet.noneOf(ConversationStatus.class);
        };
    }

    public boolean canMoveTo(ConversationStatus target) {
        return next().contains(target);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

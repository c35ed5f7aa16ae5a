package nl.loket.gateway;

import java.util.Locale;

/** The stable error codes of the customer protocol; clients switch on these, so never rename one. */
enum ErrorCode {
    BAD_FRAME,
    TOO_LARGE,
    RATE_LIMITED,
    UNKNOWN_CONVERSATION,
    FORBIDDEN,
    CONVERSATION_CLOSED,
    /** Redis cannot be reached: nothing was stored; send it again in a moment. */
    UNAVAILABLE,
    INTERNAL;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

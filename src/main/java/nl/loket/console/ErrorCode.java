package nl.loket.console;

import java.util.Locale;

/** The stable error codes of the agent protocol; the console switches on these, so never rename one. */
enum ErrorCode {
    BAD_FRAME,
    /** Not readable for this agent; also for unknown ids, so ids cannot be probed. */
    FORBIDDEN,
    NOT_YOURS,
    NOT_WAITING,
    UNKNOWN_QUEUE,
    UNKNOWN_AGENT,
    UNKNOWN_CONVERSATION,
    /** Redis is away: nothing was stored or changed; send it again. */
    UNAVAILABLE,
    INTERNAL;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package nl.loket.console;

/** A bad frame or a refused action; becomes an {@code error} frame with a stable code, never a stack trace. */
final class Refused extends RuntimeException {

    private final ErrorCode code;
    private final String conversationId;

    Refused(ErrorCode code, String message, String conversationId) {
        super(message, null, false, false);
        this.code = code;
        this.conversationId = conversationId;
    }

    Refused(ErrorCode code, String message) {
        this(code, message, null);
    }

    ErrorCode code() {
        return code;
    }

    /** The chat the refused frame was about, when it named one. */
    String conversationId() {
        return conversationId;
    }

    Refused about(String id) {
        return conversationId != null || id == null ? this : new Refused(code, getMessage(), id);
    }
}

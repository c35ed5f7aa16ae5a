package nl.loket.gateway;

/** A frame the protocol does not allow; becomes an {@code error} frame, never a stack trace. */
class BadFrame extends RuntimeException {

    private final ErrorCode code;

    BadFrame(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    BadFrame(String message) {
        this(ErrorCode.BAD_FRAME, message);
    }

    ErrorCode code() {
        return code;
    }
}

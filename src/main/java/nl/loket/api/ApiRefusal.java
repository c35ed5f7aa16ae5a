package nl.loket.api;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the stable {@code code} and the sentence the caller gets. */
public final class ApiRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiRefusal(HttpStatus status, String code, String message) {
        super(message, null, false, false); // an answer to the caller, not a failure: no stack trace
        this.status = status;
        this.code = code;
    }

    public static ApiRefusal badRequest(String code, String message) {
        return new ApiRefusal(HttpStatus.BAD_REQUEST, code, message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}

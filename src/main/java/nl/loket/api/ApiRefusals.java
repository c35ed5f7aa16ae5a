package nl.loket.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every {@link ApiRefusal} as {@code {code, message}} with its status. */
@RestControllerAdvice
class ApiRefusals {

    /** The body of a refusal. */
    record ApiError(String code, String message) {
    }

    @ExceptionHandler(ApiRefusal.class)
    ResponseEntity<ApiError> refused(ApiRefusal e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.getMessage()));
    }
}

package nl.loket.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Skips the LLM tier for a while after repeated failures, so customers get the fallback at once
 * instead of waiting out timeouts. Abstentions and blocked answers are not failures: the model
 * answered.
 */
@Component
class LlmBreaker {

    /** What the breaker records; the kind is the failure kind of the call. */
    static final class Failure extends RuntimeException {
        Failure(String kind) {
            super(kind, null, false, false);
        }
    }

    private final CircuitBreaker breaker;
    private final boolean on;

    LlmBreaker(LlmProperties properties, ModelClient client) {
        this.breaker = properties.breaker().breaker("llm");
        this.on = client.offReason() == null;
    }

    boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    void succeeded(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(long nanos, String kind) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, new Failure(kind));
    }

    void release() {
        breaker.releasePermission();
    }

    /** Null when the tier is off. */
    CircuitBreaker.State state() {
        return on ? breaker.getState() : null;
    }
}

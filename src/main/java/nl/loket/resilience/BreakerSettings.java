package nl.loket.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A circuit breaker as configuration: it opens for {@code openFor} once {@code failureRatePercent} of
 * the last {@code slidingWindow} calls failed (counted from {@code minimumCalls} on), then lets one
 * trial call through.
 */
public record BreakerSettings(
        @Min(1) @Max(100) @DefaultValue("50") int failureRatePercent,
        @Min(1) @DefaultValue("10") int slidingWindow,
        @Min(1) @DefaultValue("5") int minimumCalls,
        @NotNull @DefaultValue("30s") Duration openFor) {

    public CircuitBreaker breaker(String name) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindow)
                .minimumNumberOfCalls(Math.min(minimumCalls, slidingWindow))
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }
}

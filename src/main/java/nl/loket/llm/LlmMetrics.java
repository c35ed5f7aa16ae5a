package nl.loket.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The LLM tier's meters, all under {@code loket.llm.*}. */
@Component
class LlmMetrics {

    private final MeterRegistry meters;
    private final Timer firstToken;
    private final Timer total;
    private final Counter tokensIn;
    private final Counter tokensOut;
    private final Counter abstentions;

    LlmMetrics(MeterRegistry meters, LlmBreaker breaker) {
        this.meters = meters;
        this.firstToken = Timer.builder("loket.llm.first-token").description("Time from request to first token")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.total = Timer.builder("loket.llm.latency").description("Time from request to the checked answer")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.tokensIn = Counter.builder("loket.llm.tokens").tag("direction", "in")
                .description("Tokens reported by the model").register(meters);
        this.tokensOut = Counter.builder("loket.llm.tokens").tag("direction", "out")
                .description("Tokens reported by the model").register(meters);
        this.abstentions = Counter.builder("loket.llm.abstentions").description("Answers the model declined")
                .register(meters);
        Gauge.builder("loket.llm.breaker.state", breaker, b -> stateValue(b.state()))
                .description("0 closed, 1 open, 2 half-open, -1 tier off").register(meters);
    }

    void firstToken(long nanos) {
        firstToken.record(Duration.ofNanos(nanos));
    }

    void answered(long nanos) {
        total.record(Duration.ofNanos(nanos));
    }

    /** The tokens the stream reported it used, if it did. */
    void usage(ChatResponse response) {
        if (response.tokenUsage() != null) {
            Integer in = response.tokenUsage().inputTokenCount();
            Integer out = response.tokenUsage().outputTokenCount();
            tokensIn.increment(in == null ? 0 : in);
            tokensOut.increment(out == null ? 0 : out);
        }
    }

    /** The model called an action's tool: {@code offered}, or ignored as {@code unknown} or {@code malformed}. */
    void toolCall(String outcome) {
        Counter.builder("loket.llm.tool-calls").tag("outcome", outcome)
                .description("Tool calls of the model: actions offered, calls ignored").register(meters).increment();
    }

    /** A model call skipped before it was made (its {@code budget} spent). */
    void skipped(String reason) {
        Counter.builder("loket.llm.skipped").tag("reason", reason)
                .description("Model calls skipped; the customer got the fallback with a handover offer")
                .register(meters).increment();
    }

    void abstained() {
        abstentions.increment();
    }

    void blocked(String reason) {
        meters.counter("loket.llm.blocked", "reason", reason).increment();
    }

    /** A handover summary the model wrote that an agent does not get to see (the extractive one instead). */
    void summaryBlocked(String reason) {
        meters.counter("loket.llm.summary.blocked", "reason", reason).increment();
    }

    void failed(String kind) {
        meters.counter("loket.llm.failures", "kind", kind).increment();
    }

    private static double stateValue(CircuitBreaker.State state) {
        if (state == null) {
            return -1;
        }
        return switch (state) {
            case CLOSED -> 0;
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> -1;
        };
    }
}

package nl.loket.llm;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One non-streaming call for an agent (the handover summary, a suggested reply), bounded by
 * {@code loket.llm.timeouts.assist}. It shares the tier's circuit breaker, so a failing model is
 * skipped here too. Every failure is an empty result: the caller has a fallback.
 */
@Component
class AssistCall implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssistCall.class);

    private final ModelClient client;
    private final LlmBreaker breaker;
    private final MeterRegistry meters;
    private final LlmProperties properties;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    AssistCall(ModelClient client, LlmBreaker breaker, MeterRegistry meters, LlmProperties properties) {
        this.client = client;
        this.breaker = breaker;
        this.meters = meters;
        this.properties = properties;
    }

    boolean on() {
        return client.offReason() == null;
    }

    /**
     * @param use what the call is for (a metric tag): summary or draft
     * @param system the system message, or null for none
     */
    Optional<String> run(String use, String system, String user) {
        if (!on()) {
            return Optional.empty();
        }
        if (!breaker.tryAcquire()) {
            failed(use, "breaker_open", null);
            return Optional.empty();
        }
        long start = System.nanoTime();
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> client.complete(system, user), executor);
        try {
            // the HTTP client's timeout only bounds the wait for the headers; this bounds the whole call
            String text = call.get(properties.timeouts().assist().toMillis(), TimeUnit.MILLISECONDS);
            breaker.succeeded(System.nanoTime() - start);
            meters.timer("loket.llm.assist.latency", "use", use).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
        } catch (TimeoutException e) {
            call.cancel(true);
            breaker.failed(System.nanoTime() - start, "total_timeout");
            failed(use, "total_timeout", null);
        } catch (ExecutionException e) {
            String kind = ModelCall.kindOf(e.getCause());
            breaker.failed(System.nanoTime() - start, kind);
            failed(use, kind, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.release();
        }
        return Optional.empty();
    }

    private void failed(String use, String kind, Throwable cause) {
        Counter.builder("loket.llm.assist.failures")
                .description("Model calls for agents (summary, suggested reply) that failed, by use and kind")
                .tag("use", use).tag("kind", kind).register(meters).increment();
        log.warn("LLM {} failed ({}); using the fallback{}", use, kind, cause == null ? "" : ": " + cause);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package nl.loket.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The FAQ matcher's remote semantic source: the configured OpenAI-compatible {@code /embeddings}
 * ({@code loket.llm.base-url}, {@code loket.llm.embeddings-model}), with the tier's timeouts
 * (a question gets {@code timeouts.embeddings} and no retry; the examples are embedded in the
 * background with {@code timeouts.total} and the tier's retries) and a breaker of its own with the
 * tier's breaker settings. Questions are redacted first, as for the LLM. Every failure becomes
 * {@link SentenceEmbeddings.Unavailable}: the matcher then uses its lexical signals.
 */
@Component
class RemoteSentenceEmbeddings implements SentenceEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(RemoteSentenceEmbeddings.class);

    private final LlmProperties properties;
    private final Redactor redactor;
    private final MeterRegistry meters;
    private final EmbeddingModel questions;
    private final EmbeddingModel examples;
    private final CircuitBreaker breaker;

    RemoteSentenceEmbeddings(LlmProperties properties, Redactor redactor, MeterRegistry meters) {
        this.properties = properties;
        this.redactor = redactor;
        this.meters = meters;
        boolean on = properties.embeddingsOn();
        this.questions = on ? SemanticIndex.model(properties, properties.timeouts().embeddings(), 0) : null;
        this.examples = on ? SemanticIndex.model(properties, properties.timeouts().total(),
                properties.retry().maxAttempts() - 1) : null;
        this.breaker = properties.breaker().breaker("faq-embeddings");
    }

    @Override
    public SemanticMode mode() {
        return SemanticMode.REMOTE;
    }

    @Override
    public String offReason() {
        String off = properties.offReason();
        return off != null ? off : properties.embeddingsOn() ? null : "no loket.llm.embeddings-model configured";
    }

    @Override
    public String model() {
        return "remote-" + properties.embeddingsModel() + "@" + properties.baseUrl();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return call("examples", () -> examples.embedAll(texts.stream().map(redactor::redact).map(TextSegment::from)
                .toList()).content().stream().map(Embedding::vector).toList());
    }

    @Override
    public float[] embedQuestion(String question) {
        return call("question", () -> List.of(questions.embed(redactor.redact(question)).content().vector()))
                .getFirst();
    }

    private List<float[]> call(String what, Supplier<List<float[]>> call) {
        if (offReason() != null) {
            throw new Unavailable(offReason());
        }
        if (!breaker.tryAcquirePermission()) {
            throw new Unavailable("the embeddings breaker is open after repeated failures");
        }
        long start = System.nanoTime();
        try {
            List<float[]> vectors = call.get();
            breaker.onSuccess(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            return vectors;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
            String kind = ModelCall.kindOf(e);
            meters.counter("loket.faq.embeddings.failures", "kind", kind).increment();
            log.warn("FAQ embeddings of the {} failed ({}); matching by words and n-grams: {}", what, kind,
                    e.toString());
            throw new Unavailable(kind, e);
        }
    }
}

package nl.loket.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Embeddings retrieval: the FAQ entries' vectors from the OpenAI-compatible {@code /embeddings}
 * endpoint, and the entries nearest (cosine) to a redacted question. The entries are embedded in
 * the background, at start-up and whenever the content changes (vectors are kept per embedded
 * text, so a reload only embeds what changed). A failing endpoint never costs an answer: the
 * question is then retrieved lexically only, and the failure is counted.
 */
@Component
class SemanticIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SemanticIndex.class);
    /** How often the content is checked for entries without a vector. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    /** After a failed batch, wait this long before trying the entries again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final int BATCH = 32;

    private final EmbeddingModel queries;
    private final EmbeddingModel entries;
    private final ObjectProvider<GroundingSources> sources;
    private final Redactor redactor;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private volatile long retryAt;
    private volatile Thread worker;

    SemanticIndex(LlmProperties properties, ObjectProvider<GroundingSources> sources, Redactor redactor,
            MeterRegistry meters, Clock clock) {
        this.sources = sources;
        this.clock = clock;
        this.redactor = redactor;
        this.meters = meters;
        if (!properties.embeddingsOn()) {
            this.queries = null;
            this.entries = null;
            return;
        }
        this.queries = model(properties, properties.timeouts().embeddings(), 0);
        // the entries go in batches in the background: no customer waits for them
        this.entries = model(properties, properties.timeouts().total(), 0);
        Gauge.builder("loket.llm.embeddings.vectors", vectors, Map::size)
                .description("FAQ entries with an embedding").register(meters);
        log.info("embeddings retrieval is on: model {}", properties.embeddingsModel());
    }

    /** The endpoint's embeddings model; the FAQ matcher's remote source uses it too. */
    static EmbeddingModel model(LlmProperties properties, Duration timeout, int retries) {
        return OpenAiEmbeddingModel.builder()
                .baseUrl(properties.baseUrl().trim())
                .apiKey(properties.apiKeyOrPlaceholder())
                .modelName(properties.embeddingsModel().trim())
                .timeout(timeout)
                .maxRetries(retries)
                .build();
    }

    boolean on() {
        return queries != null;
    }

    /** The {@code k} entries of a language nearest to the question, best first; empty when off or failing. */
    List<GroundingSource> nearest(String question, String lang, int k) {
        if (!on()) {
            return List.of();
        }
        List<GroundingSources.CorpusEntry> candidates = corpus().stream()
                .filter(e -> e.lang().equals(lang) && vectors.containsKey(e.text())).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        float[] query;
        try {
            query = normalized(queries.embed(redactor.redact(question)).content().vector());
        } catch (RuntimeException e) {
            failed("question", e);
            return List.of();
        }
        record Scored(GroundingSource source, double similarity) {
        }
        List<Scored> scored = new ArrayList<>();
        for (GroundingSources.CorpusEntry entry : candidates) {
            float[] vector = vectors.get(entry.text());
            if (vector != null && vector.length == query.length) {
                scored.add(new Scored(entry.source(), dot(query, vector)));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::similarity).reversed()).limit(k)
                .map(Scored::source).toList();
    }

    /** Embeds the entries that have no vector yet and forgets the vectors of texts that are gone. */
    void refresh() {
        if (!on()) {
            return;
        }
        List<GroundingSources.CorpusEntry> corpus = corpus();
        Set<String> texts = new HashSet<>();
        corpus.forEach(e -> texts.add(e.text()));
        vectors.keySet().retainAll(texts);
        List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).sorted().toList();
        if (missing.isEmpty() || clock.millis() < retryAt) {
            return;
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            try {
                List<Embedding> embedded = entries.embedAll(batch.stream().map(TextSegment::from).toList()).content();
                for (int i = 0; i < batch.size() && i < embedded.size(); i++) {
                    vectors.put(batch.get(i), normalized(embedded.get(i).vector()));
                }
            } catch (RuntimeException e) {
                failed("entries", e);
                retryAt = clock.millis() + RETRY_AFTER.toMillis();
                return;
            }
        }
        log.info("embedded {} FAQ entries ({} in total)", missing.size(), vectors.size());
    }

    /** How many entries have a vector (for tests and the gauge). */
    int size() {
        return vectors.size();
    }

    private List<GroundingSources.CorpusEntry> corpus() {
        GroundingSources found = sources.getIfAvailable();
        return found == null ? List.of() : found.corpus();
    }

    private void failed(String what, RuntimeException e) {
        String kind = ModelCall.kindOf(e);
        meters.counter("loket.llm.embeddings.failures", "kind", kind).increment();
        log.warn("embeddings of the {} failed ({}); retrieving lexically only: {}", what, kind, e.toString());
    }

    static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Reciprocal rank fusion of the lexical and the semantic ranking: an entry found by both rises,
     * the rest alternate (lexical first on a tie), duplicates are dropped, at most {@code k} stay.
     */
    static List<GroundingSource> merge(List<GroundingSource> lexical, List<GroundingSource> semantic, int k) {
        Map<String, Double> score = new java.util.LinkedHashMap<>();
        Map<String, GroundingSource> byId = new java.util.HashMap<>();
        Map<String, Integer> firstSeen = new java.util.HashMap<>();
        int order = 0;
        int longest = Math.max(lexical.size(), semantic.size());
        for (int rank = 0; rank < longest; rank++) {
            for (List<GroundingSource> ranking : List.of(lexical, semantic)) {
                if (rank < ranking.size()) {
                    GroundingSource s = ranking.get(rank);
                    score.merge(s.id(), 1.0 / (60 + rank + 1), Double::sum);
                    byId.putIfAbsent(s.id(), s);
                    firstSeen.putIfAbsent(s.id(), order++);
                }
            }
        }
        return score.keySet().stream()
                .sorted(Comparator.comparingDouble((String id) -> -score.get(id)).thenComparing(firstSeen::get))
                .limit(k).map(byId::get).toList();
    }

    @Override
    public void start() {
        if (!on()) {
            return;
        }
        worker = Thread.ofVirtual().name("embeddings").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    refresh();
                    Thread.sleep(CHECK_EVERY);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.error("embeddings refresh failed", e);
                }
            }
        });
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}

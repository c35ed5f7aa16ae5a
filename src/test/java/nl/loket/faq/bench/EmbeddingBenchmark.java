package nl.loket.faq.bench;

import java.io.IOException;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The yardstick next to {@link FaqMatchBenchmark}'s {@code semantic=local}: embedding one of its questions by the
 * in-process model and nothing else, so a run on a shared machine shows which part of a match is the model's.
 */
@State(Scope.Benchmark)
public class EmbeddingBenchmark extends LatencySettings {

    private SentenceEmbeddings model;
    private String[] questions;
    private int next;

    @Setup
    public void build() throws IOException {
        model = SentenceEmbeddings.onClassPath().stream().filter(e -> e.mode() == SemanticMode.LOCAL).findFirst()
                .orElseThrow();
        questions = FaqMatchBenchmark.generate(2000).questions().toArray(String[]::new);
    }

    @Benchmark
    public Object embedQuestion() {
        return model.embedQuestion(questions[next++ & 1023]);
    }
}

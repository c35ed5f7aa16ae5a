package nl.loket.faq.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The yardstick next to {@link FaqMatchBenchmark}'s {@code semantic=local}: embedding one of its questions by the
 * in-process model and nothing else, so a run on a shared machine shows which part of a match is the model's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbeddingBenchmark {

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

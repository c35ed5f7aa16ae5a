package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.loket.faq.FaqProperties;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import nl.loket.faq.eval.EvaluationResult;
import nl.loket.faq.eval.FaqEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Opt-in: the FAQ matcher's remote semantic signal against a real OpenAI-compatible {@code /embeddings}, on
 * the train side of the public sets (the Dutch ones by default: that is where the in-process English model
 * does not help). Run with LOKET_LLM_EVAL_BASE_URL (and LOKET_LLM_EVAL_API_KEY,
 * LOKET_LLM_EVAL_EMBEDDINGS_MODEL, LOKET_LLM_EVAL_SETS), e.g. a local Ollama:
 * {@code LOKET_LLM_EVAL_BASE_URL=http://localhost:11434/v1 LOKET_LLM_EVAL_EMBEDDINGS_MODEL=bge-m3
 * ./mvnw verify -Dit.test=RemoteSemanticEvaluationIntegrationTests -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints each set's figures with the signal off and remote, and fails when the remote signal never took
 * part or makes top-1 worse than words and n-grams alone.
 */
@EnabledIfEnvironmentVariable(named = "LOKET_LLM_EVAL_BASE_URL", matches = ".+")
@SpringBootTest(properties = {"loket.faq.semantic.nl=off", "loket.faq.semantic.en=off"})
class RemoteSemanticEvaluationIntegrationTests {

    private static final Path DATASETS = Path.of(System.getProperty("loket.datasets", "../shared/datasets"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LlmTestContext.realEndpoint(registry);
    }

    @Autowired
    RemoteSentenceEmbeddings remote;

    @Test
    void theRemoteSignalHelpsOrAtLeastDoesNotHurtTop1() throws IOException {
        assumeTrue(Files.isDirectory(DATASETS), "no data sets at " + DATASETS.toAbsolutePath());
        var answered = new AtomicLong();
        List<SentenceEmbeddings> sources = List.of(new SentenceEmbeddings() {
            @Override
            public SemanticMode mode() {
                return remote.mode();
            }

            @Override
            public String model() {
                return remote.model();
            }

            @Override
            public List<float[]> embed(List<String> texts) {
                List<float[]> vectors = remote.embed(texts);
                answered.addAndGet(vectors.size());
                return vectors;
            }

            @Override
            public float[] embedQuestion(String question) {
                float[] vector = remote.embedQuestion(question);
                answered.incrementAndGet();
                return vector;
            }
        });
        for (String set : System.getenv().getOrDefault("LOKET_LLM_EVAL_SETS", "xsid-nl,xsid-nl-oos").split(",")) {
            EvaluationResult off = FaqEvaluation.evaluate(DATASETS.resolve(set), settings(SemanticMode.OFF), sources);
            EvaluationResult on = FaqEvaluation.evaluate(DATASETS.resolve(set), settings(SemanticMode.REMOTE), sources);
            System.out.println("FAQ remote semantic evaluation (" + remote.model() + "): off " + off + "; remote " + on);
            assertThat(on.top1()).as(set + ": top-1 with the remote signal").isGreaterThanOrEqualTo(off.top1() - 0.01);
        }
        assertThat(answered.get()).as("vectors the endpoint answered").isPositive();
    }

    private static FaqProperties settings(SemanticMode mode) {
        return FaqProperties.defaults(Path.of(".")).withSemantic(
                new FaqProperties.Semantic(mode, mode, FaqProperties.Semantic.SHIPPED.cache()));
    }
}

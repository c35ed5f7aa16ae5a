package nl.loket.llm;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import org.springframework.stereotype.Component;

/**
 * The FAQ matcher's in-process semantic source: all-MiniLM-L6-v2 (quantised, 384 dimensions,
 * English) run by ONNX Runtime inside this JVM; no network. The model is loaded on first use and
 * once per process, so a setting without {@code local} costs no memory and no start-up time. Also
 * listed in {@code META-INF/services} for the command-line tools, which run without Spring.
 *
 * <p>ONNX Runtime runs each question on the calling thread alone ({@link Model#options}): its default
 * is a pool of spinning threads per session, which on a busy node makes concurrent matches fight for
 * the same cores and multiplied the tail of a match (docs/benchmarks.md, "FAQ matcher latency"). The
 * examples of a content version still embed in parallel, one text per core.
 */
@Component
public class LocalSentenceEmbeddings implements SentenceEmbeddings {

    /** Loaded by the class loader on first access, so exactly once and only when used. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        static final Model INSTANCE = new Model();
        private static final String FILE = "all-minilm-l6-v2-q";

        private final OnnxBertBiEncoder encoder;

        private Model() {
            super(null);
            ClassLoader loader = Model.class.getClassLoader();
            try (InputStream model = loader.getResourceAsStream(FILE + ".onnx");
                    InputStream tokenizer = loader.getResourceAsStream(FILE + "-tokenizer.json");
                    var options = options()) {
                var environment = OrtEnvironment.getEnvironment();
                this.encoder = new OnnxBertBiEncoder(environment,
                        environment.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not load " + FILE, e);
            }
        }

        static OrtSession.SessionOptions options() throws OrtException {
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return options;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    @Override
    public SemanticMode mode() {
        return SemanticMode.LOCAL;
    }

    @Override
    public String model() {
        return "all-minilm-l6-v2-q";
    }

    /** Loads the model (seconds on a busy node) at content load, not on the first English question. */
    @Override
    public void warmUp() {
        embed(List.of("warm up"));
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        EmbeddingModel model = Model.INSTANCE;
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}

package nl.loket.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import org.springframework.stereotype.Component;

/**
 * The FAQ matcher's in-process semantic source: all-MiniLM-L6-v2 (quantised, 384 dimensions,
 * English) run by ONNX Runtime inside this JVM; no network. The model is loaded on first use and
 * once per process, so a setting without {@code local} costs no memory and no start-up time. Also
 * listed in {@code META-INF/services} for the command-line tools, which run without Spring.
 */
@Component
public class LocalSentenceEmbeddings implements SentenceEmbeddings {

    /** Loaded by the class loader on first access, so exactly once and only when used. */
    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public SemanticMode mode() {
        return SemanticMode.LOCAL;
    }

    @Override
    public String model() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return Model.INSTANCE.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}

package nl.loket.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import nl.loket.faq.FaqProperties;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;
import nl.loket.faq.eval.EvaluationResult;
import nl.loket.faq.eval.FaqEvaluation;

/**
 * Compares LangChain4j's in-process English sentence models as the FAQ matcher's semantic signal, on the
 * train side of the public sets (docs/benchmarks.md): {@code bin/faq-models [datasets-folder] [set ...]}.
 * Only all-MiniLM-L6-v2 ships; the others are test dependencies. The confidence is calibrated on MiniLM's
 * cosines, so compare the other models by top-1 and AUROC, not by what they answer.
 */
final class InProcessModels {

    /** One model as a semantic source; e5 was trained with "query: " before each text of a symmetric task. */
    record Model(String model, Supplier<EmbeddingModel> loader, String prefix) implements SentenceEmbeddings {

        @Override
        public SemanticMode mode() {
            return SemanticMode.LOCAL;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            return loader.get().embedAll(texts.stream().map(t -> TextSegment.from(prefix + t)).toList()).content()
                    .stream().map(Embedding::vector).toList();
        }
    }

    private InProcessModels() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        List<String> sets = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("banking77", "clinc150", "hwu64", "banking77-oos", "xsid-en-oos", "xsid-nl-oos");
        var local = new FaqProperties.Semantic(SemanticMode.LOCAL, SemanticMode.LOCAL,
                FaqProperties.Semantic.SHIPPED.cache());
        FaqProperties properties = FaqProperties.defaults(Path.of(".")).withSemantic(local);
        List<SentenceEmbeddings> models = List.of(new LocalSentenceEmbeddings(),
                new Model("bge-small-en-v15-q", once(BgeSmallEnV15QuantizedEmbeddingModel::new), ""),
                new Model("e5-small-v2-q", once(E5SmallV2QuantizedEmbeddingModel::new), "query: "));
        System.out.println("| model " + EvaluationResult.header().replace("\n|", "\n|---|"));
        for (SentenceEmbeddings model : models) {
            long start = System.nanoTime();
            model.embed(List.of("warm up"));
            System.out.printf("%s: loaded in %d ms%n", model.model(), (System.nanoTime() - start) / 1_000_000);
            for (String set : sets) {
                System.out.println("| " + model.model() + " " + FaqEvaluation.evaluate(folder.resolve(set), properties,
                        List.of(model)).row());
            }
        }
    }

    private static Supplier<EmbeddingModel> once(Supplier<EmbeddingModel> create) {
        return new Supplier<>() {
            private EmbeddingModel model;

            @Override
            public synchronized EmbeddingModel get() {
                if (model == null) {
                    model = create.get();
                }
                return model;
            }
        };
    }
}

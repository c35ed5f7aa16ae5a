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

    /**
     * Two models as one: each text's unit vectors side by side, so that the cosine of two texts is the mean of
     * the two models' cosines (the "averaged" candidate of docs/benchmarks.md).
     */
    record Averaged(SentenceEmbeddings first, SentenceEmbeddings second) implements SentenceEmbeddings {

        @Override
        public SemanticMode mode() {
            return SemanticMode.LOCAL;
        }

        @Override
        public String model() {
            return first.model() + "+" + second.model();
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> a = first.embed(texts);
            List<float[]> b = second.embed(texts);
            return java.util.stream.IntStream.range(0, texts.size()).mapToObj(i -> concatenated(a.get(i), b.get(i)))
                    .toList();
        }

        private static float[] concatenated(float[] a, float[] b) {
            float[] out = new float[a.length + b.length];
            double na = Math.sqrt(dot(a, a));
            double nb = Math.sqrt(dot(b, b));
            for (int i = 0; i < a.length; i++) {
                out[i] = (float) (a[i] / na);
            }
            for (int i = 0; i < b.length; i++) {
                out[a.length + i] = (float) (b[i] / nb);
            }
            return out;
        }

        private static double dot(float[] x, float[] y) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += (double) x[i] * y[i];
            }
            return sum;
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
        var minilm = new LocalSentenceEmbeddings();
        var bge = new Model("bge-small-en-v15-q", once(BgeSmallEnV15QuantizedEmbeddingModel::new), "");
        // -Dfaq.models=a,b picks models by name (all-minilm-l6-v2-q, bge-small-en-v15-q, e5-small-v2-q, and the two first
        // averaged: all-minilm-l6-v2-q+bge-small-en-v15-q)
        List<String> picked = List.of(System.getProperty("faq.models", "").split(",")).stream()
                .filter(n -> !n.isBlank()).toList();
        List<SentenceEmbeddings> models = List.<SentenceEmbeddings>of(minilm, bge,
                new Model("e5-small-v2-q", once(E5SmallV2QuantizedEmbeddingModel::new), "query: "),
                new Averaged(minilm, bge)).stream().filter(m -> picked.isEmpty() || picked.contains(m.model())).toList();
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

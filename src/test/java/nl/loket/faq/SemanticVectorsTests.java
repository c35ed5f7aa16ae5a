package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SemanticVectorsTests {

    private static final int DIMENSION = 32;

    @Test
    void kthLargestAgreesWithSorting() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            double[] values = new double[1 + random.nextInt(300)];
            for (int i = 0; i < values.length; i++) {
                // few distinct values too, so that ties around the pivot are exercised
                values[i] = round % 2 == 0 ? random.nextGaussian() : random.nextInt(5);
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = 1 + random.nextInt(values.length);
            assertThat(SemanticVectors.kthLargest(values.clone(), k)).isEqualTo(sorted[sorted.length - k]);
        }
    }

    @Test
    void aSmallFaqIsScoredExactlyOverEveryText() {
        Random random = new Random(1);
        var entries = entries(random, SemanticVectors.CANDIDATES);
        var vectors = new SemanticVectors(entries);
        for (int q = 0; q < 50; q++) {
            float[] question = unit(random);
            var scored = vectors.similarities(question);
            for (int e = 0; e < entries.size(); e++) {
                assertThat(scored.similarity()[e]).isEqualTo(exact(entries.get(e), question), within());
            }
        }
    }

    @Test
    void aLargeFaqKeepsTheExactScoresOfTheEntriesClosestInMeaning() {
        Random random = new Random(2);
        var entries = entries(random, 2000);
        var vectors = new SemanticVectors(entries);
        for (int q = 0; q < 50; q++) {
            // a question near one entry's text, as a paraphrase is
            float[][] near = entries.get(random.nextInt(entries.size()));
            float[] question = mix(near[random.nextInt(near.length)], unit(random), 0.6);
            var scored = vectors.similarities(question);
            double[] exact = new double[entries.size()];
            for (int e = 0; e < entries.size(); e++) {
                exact[e] = exact(entries.get(e), question);
            }
            Integer[] order = new Integer[entries.size()];
            Arrays.setAll(order, e -> e);
            Arrays.sort(order, (a, b) -> Double.compare(exact[b], exact[a]));
            for (int rank = 0; rank < 10; rank++) {
                int e = order[rank];
                assertThat(scored.similarity()[e]).isEqualTo(exact[e], within());
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    /** The unpruned definition: 0.25 the closest text, 0.75 the centroid. */
    private static double exact(float[][] texts, float[] question) {
        double best = 0;
        float[] sum = new float[DIMENSION];
        for (float[] text : texts) {
            best = Math.max(best, dot(text, question));
            for (int d = 0; d < DIMENSION; d++) {
                sum[d] += text[d];
            }
        }
        double centroid = Math.max(0, dot(SemanticSource.normalized(sum), question));
        return Math.min(1, SemanticVectors.EXAMPLE_WEIGHT * best + (1 - SemanticVectors.EXAMPLE_WEIGHT) * centroid);
    }

    private static List<float[][]> entries(Random random, int count) {
        List<float[][]> entries = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            float[] topic = unit(random);
            float[][] texts = new float[5 + random.nextInt(5)][];
            for (int t = 0; t < texts.length; t++) {
                texts[t] = mix(topic, unit(random), 0.5);
            }
            entries.add(texts);
        }
        return entries;
    }

    private static float[] mix(float[] a, float[] b, double weightOfA) {
        float[] out = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            out[d] = (float) (weightOfA * a[d] + (1 - weightOfA) * b[d]);
        }
        return SemanticSource.normalized(out);
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return SemanticSource.normalized(v);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < DIMENSION; d++) {
            sum += (double) a[d] * b[d];
        }
        return sum;
    }
}

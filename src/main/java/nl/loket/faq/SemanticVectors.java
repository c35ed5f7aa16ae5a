package nl.loket.faq;

import java.util.List;

/**
 * The example vectors of one language's entries, laid out flat for a fast scan. An entry's
 * semantic similarity to a question mixes the cosine of its closest text with the cosine of the
 * centroid of all its texts, as the lexical signals mix their best document with the whole entry.
 */
final class SemanticVectors {

    /** Weight of the closest text against the centroid; tuned on the train side (docs/benchmarks.md). */
    static final double EXAMPLE_WEIGHT = 0.25;

    private final int dimension;
    private final int entries;
    private final float[] texts;
    private final int[] textEntry;
    private final float[] centroids;

    /** @param vectors per entry, the unit vectors of its texts */
    SemanticVectors(List<float[][]> vectors) {
        this.entries = vectors.size();
        int count = vectors.stream().mapToInt(v -> v.length).sum();
        this.dimension = vectors.stream().filter(v -> v.length > 0).findFirst().map(v -> v[0].length).orElse(0);
        this.texts = new float[count * dimension];
        this.textEntry = new int[count];
        this.centroids = new float[entries * dimension];
        int t = 0;
        for (int e = 0; e < entries; e++) {
            float[] centroid = new float[dimension];
            for (float[] vector : vectors.get(e)) {
                System.arraycopy(vector, 0, texts, t * dimension, dimension);
                textEntry[t++] = e;
                for (int d = 0; d < dimension; d++) {
                    centroid[d] += vector[d];
                }
            }
            if (vectors.get(e).length > 0) {
                System.arraycopy(SemanticSource.normalized(centroid), 0, centroids, e * dimension, dimension);
            }
        }
    }

    int dimension() {
        return dimension;
    }

    /** Per entry, its semantic similarity to a unit question vector, clamped to [0, 1]. */
    double[] similarities(float[] question) {
        double[] best = new double[entries];
        for (int t = 0; t < textEntry.length; t++) {
            double cosine = dot(question, texts, t * dimension);
            if (cosine > best[textEntry[t]]) {
                best[textEntry[t]] = cosine;
            }
        }
        for (int e = 0; e < entries; e++) {
            double centroid = Math.max(0, dot(question, centroids, e * dimension));
            best[e] = Math.min(1, EXAMPLE_WEIGHT * best[e] + (1 - EXAMPLE_WEIGHT) * centroid);
        }
        return best;
    }

    /** Four running sums, so that each addition need not wait for the one before. */
    private double dot(float[] q, float[] flat, int offset) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < dimension; d += 4) {
            s0 += q[d] * flat[offset + d];
            s1 += q[d + 1] * flat[offset + d + 1];
            s2 += q[d + 2] * flat[offset + d + 2];
            s3 += q[d + 3] * flat[offset + d + 3];
        }
        for (; d < dimension; d++) {
            s0 += q[d] * flat[offset + d];
        }
        return (double) s0 + s1 + s2 + s3;
    }
}

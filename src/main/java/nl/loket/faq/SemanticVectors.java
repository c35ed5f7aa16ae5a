package nl.loket.faq;

import java.util.List;

/**
 * The example vectors of one language's entries, laid out flat for a fast scan. An entry's
 * semantic similarity to a question mixes the cosine of its closest text with the cosine of the
 * centroid of all its texts, as the lexical signals mix their best document with the whole entry.
 * Each entry also knows its cohesion: how close each of its texts is to the nearest other one, on
 * average. A question no closer to the entry than its own examples are to each other is typical of
 * it; one much further away is likely about something else, even when no other entry is closer.
 */
final class SemanticVectors {

    /** Weight of the closest text against the centroid; tuned on the train side (docs/benchmarks.md). */
    static final double EXAMPLE_WEIGHT = 0.25;

    private final int dimension;
    private final int entries;
    private final float[] texts;
    private final int[] textEntry;
    private final float[] centroids;
    private final double[] cohesion;

    /**
     * Per entry, for one question: the semantic similarity in [0, 1], and the cosine of its closest text
     * minus the entry's cohesion.
     */
    record Similarities(double[] similarity, double[] overCohesion) {
    }

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
        this.cohesion = cohesion(vectors);
    }

    /**
     * Per entry, the mean over its texts of the cosine to its nearest other text. An entry with a single
     * text has no such pair and gets the mean of the others (0 when none has two).
     */
    private double[] cohesion(List<float[][]> vectors) {
        double[] out = new double[entries];
        double sum = 0;
        int known = 0;
        for (int e = 0; e < entries; e++) {
            float[][] own = vectors.get(e);
            if (own.length < 2) {
                out[e] = Double.NaN;
                continue;
            }
            double total = 0;
            for (int i = 0; i < own.length; i++) {
                double nearest = -1;
                for (int j = 0; j < own.length; j++) {
                    if (j != i) {
                        nearest = Math.max(nearest, dot(own[i], own[j], 0));
                    }
                }
                total += nearest;
            }
            out[e] = total / own.length;
            sum += out[e];
            known++;
        }
        double fallback = known == 0 ? 0 : sum / known;
        for (int e = 0; e < entries; e++) {
            out[e] = Double.isNaN(out[e]) ? fallback : out[e];
        }
        return out;
    }

    int dimension() {
        return dimension;
    }

    /** Per entry, its similarities to a unit question vector. */
    Similarities similarities(float[] question) {
        double[] best = new double[entries];
        for (int t = 0; t < textEntry.length; t++) {
            double cosine = dot(question, texts, t * dimension);
            if (cosine > best[textEntry[t]]) {
                best[textEntry[t]] = cosine;
            }
        }
        double[] similarity = new double[entries];
        double[] overCohesion = new double[entries];
        for (int e = 0; e < entries; e++) {
            double centroid = Math.max(0, dot(question, centroids, e * dimension));
            similarity[e] = Math.min(1, EXAMPLE_WEIGHT * best[e] + (1 - EXAMPLE_WEIGHT) * centroid);
            overCohesion[e] = best[e] - cohesion[e];
        }
        return new Similarities(similarity, overCohesion);
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

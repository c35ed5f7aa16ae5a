package nl.loket.faq;

import java.util.List;

/**
 * The example vectors of one language's entries, laid out flat for a fast scan. An entry's
 * semantic similarity to a question mixes the cosine of its closest text with the cosine of the
 * centroid of all its texts, as the lexical signals mix their best document with the whole entry.
 * Each entry also knows its cohesion: how close each of its texts is to the nearest other one, on
 * average. A question no closer to the entry than its own examples are to each other is typical of
 * it; one much further away is likely about something else, even when no other entry is closer.
 *
 * <p>A question is compared with every entry's centroid first, and with the texts only of the
 * {@link #CANDIDATES} entries whose centroid is closest: at 2,000 entries with 9 texts each that is
 * about 2,600 dot products instead of 20,000 (docs/benchmarks.md, "FAQ matcher latency"). An entry
 * further down has its centroid's cosine standing in for its closest text's; it is too far from the
 * question in meaning to be the answer, and an FAQ of up to {@link #CANDIDATES} entries is scored exactly.
 */
final class SemanticVectors {

    /** Weight of the closest text against the centroid; tuned on the train side (docs/benchmarks.md). */
    static final double EXAMPLE_WEIGHT = 0.25;
    /** Entries whose texts are compared with the question, by closeness of their centroid. */
    static final int CANDIDATES = 64;

    private final int dimension;
    private final int entries;
    private final float[] texts;
    /** The texts of entry {@code e} are {@code firstText[e]} to {@code firstText[e + 1]} (exclusive). */
    private final int[] firstText;
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
        this.firstText = new int[entries + 1];
        this.centroids = new float[entries * dimension];
        int t = 0;
        for (int e = 0; e < entries; e++) {
            float[] centroid = new float[dimension];
            firstText[e] = t;
            for (float[] vector : vectors.get(e)) {
                System.arraycopy(vector, 0, texts, t++ * dimension, dimension);
                for (int d = 0; d < dimension; d++) {
                    centroid[d] += vector[d];
                }
            }
            if (vectors.get(e).length > 0) {
                System.arraycopy(SemanticSource.normalized(centroid), 0, centroids, e * dimension, dimension);
            }
        }
        firstText[entries] = t;
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
        double[] centroid = new double[entries];
        for (int e = 0; e < entries; e++) {
            centroid[e] = dot(question, centroids, e * dimension);
        }
        double floor = entries <= CANDIDATES ? Double.NEGATIVE_INFINITY : kthLargest(centroid.clone(), CANDIDATES);
        double[] similarity = new double[entries];
        double[] overCohesion = new double[entries];
        for (int e = 0; e < entries; e++) {
            double best = centroid[e];
            if (centroid[e] >= floor) {
                best = 0;
                for (int t = firstText[e]; t < firstText[e + 1]; t++) {
                    best = Math.max(best, dot(question, texts, t * dimension));
                }
            }
            similarity[e] = Math.min(1, EXAMPLE_WEIGHT * best + (1 - EXAMPLE_WEIGHT) * Math.max(0, centroid[e]));
            overCohesion[e] = best - cohesion[e];
        }
        return new Similarities(similarity, overCohesion);
    }

    /** The {@code k}-th largest value (1-based) by quickselect; reorders {@code values}. */
    static double kthLargest(double[] values, int k) {
        int lo = 0;
        int hi = values.length - 1;
        int target = k - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] > pivot) {
                    i++;
                }
                while (values[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i++] = values[j];
                    values[j--] = swap;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return values[target];
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

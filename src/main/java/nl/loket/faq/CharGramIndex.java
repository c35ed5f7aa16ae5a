package nl.loket.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second, cheap lexical signal: TF-IDF cosine over character n-grams (3 to 5 characters,
 * within word boundaries: {@code " meter"}, {@code "stand "}) between a question and each example
 * question, and each entry's texts as a whole. Shared n-grams survive what defeats whole words:
 * typos ({@code metrstand}), inflection ({@code herinnering}/{@code herinneringen}) and Dutch
 * compounds ({@code gasmeter}/{@code meter}). It is computed with plain arrays and no
 * randomness, so it is deterministic; built once per content version, then read-only.
 */
final class CharGramIndex {

    static final int MIN_N = 3;
    static final int MAX_N = 5;

    /**
     * Per entry its character similarity: its best example's (and which example that is) and its
     * texts' as a whole. Arrays rather than an object per entry: a match allocates less.
     */
    record Similarities(double[] best, int[] example, double[] whole) {
    }

    private final Map<String, Integer> ids;
    private final double[] idf;
    private final double unknownIdf;
    private final int[][] exampleDocs;
    private final float[][] exampleWeights;
    private final int[][] entryDocs;
    private final float[][] entryWeights;
    private final int[] exampleEntry;
    private final int[] exampleIndex;
    private final int entries;

    private CharGramIndex(Map<String, Integer> ids, double[] idf, double unknownIdf, int[][] exampleDocs,
            float[][] exampleWeights, int[][] entryDocs, float[][] entryWeights, int[] exampleEntry,
            int[] exampleIndex, int entries) {
        this.ids = ids;
        this.idf = idf;
        this.unknownIdf = unknownIdf;
        this.exampleDocs = exampleDocs;
        this.exampleWeights = exampleWeights;
        this.entryDocs = entryDocs;
        this.entryWeights = entryWeights;
        this.exampleEntry = exampleEntry;
        this.exampleIndex = exampleIndex;
        this.entries = entries;
    }

    /**
     * @param texts per entry, the texts it is found by (example questions first, then title and
     *     keywords); each counts as one example
     */
    static CharGramIndex build(List<List<String>> texts) {
        Map<String, Integer> ids = new HashMap<>();
        List<Map<Integer, Integer>> exampleCounts = new ArrayList<>();
        List<Map<Integer, Integer>> entryCounts = new ArrayList<>();
        List<Integer> exampleEntry = new ArrayList<>();
        List<Integer> exampleIndex = new ArrayList<>();
        for (int e = 0; e < texts.size(); e++) {
            Map<Integer, Integer> whole = new HashMap<>();
            for (int x = 0; x < texts.get(e).size(); x++) {
                Map<Integer, Integer> counts = new HashMap<>();
                for (String gram : grams(texts.get(e).get(x))) {
                    int id = ids.computeIfAbsent(gram, g -> ids.size());
                    counts.merge(id, 1, Integer::sum);
                    whole.merge(id, 1, Integer::sum);
                }
                exampleCounts.add(counts);
                exampleEntry.add(e);
                exampleIndex.add(x);
            }
            entryCounts.add(whole);
        }
        int[] df = new int[ids.size()];
        exampleCounts.forEach(counts -> counts.keySet().forEach(id -> df[id]++));
        int n = exampleCounts.size();
        double[] idf = new double[ids.size()];
        for (int id = 0; id < idf.length; id++) {
            idf[id] = idf(df[id], n);
        }
        var examples = postings(exampleCounts, idf);
        var wholes = postings(entryCounts, idf);
        return new CharGramIndex(ids, idf, idf(0, n), examples.docs, examples.weights, wholes.docs,
                wholes.weights, exampleEntry.stream().mapToInt(Integer::intValue).toArray(),
                exampleIndex.stream().mapToInt(Integer::intValue).toArray(), texts.size());
    }

    private static double idf(int df, int docs) {
        return Math.log((docs + 1.0) / (df + 1.0)) + 1;
    }

    private record Postings(int[][] docs, float[][] weights) {
    }

    /** Inverted lists of L2-normalised (1 + ln tf) * idf weights. */
    private static Postings postings(List<Map<Integer, Integer>> docs, double[] idf) {
        int[] length = new int[idf.length];
        docs.forEach(counts -> counts.keySet().forEach(id -> length[id]++));
        int[][] ids = new int[idf.length][];
        float[][] weights = new float[idf.length][];
        for (int g = 0; g < idf.length; g++) {
            ids[g] = new int[length[g]];
            weights[g] = new float[length[g]];
        }
        int[] fill = new int[idf.length];
        for (int d = 0; d < docs.size(); d++) {
            var counts = docs.get(d);
            double norm = 0;
            for (var count : counts.entrySet()) {
                double w = weight(count.getValue(), idf[count.getKey()]);
                norm += w * w;
            }
            norm = Math.sqrt(norm);
            for (var count : counts.entrySet()) {
                int g = count.getKey();
                ids[g][fill[g]] = d;
                weights[g][fill[g]++] = (float) (weight(count.getValue(), idf[g]) / norm);
            }
        }
        return new Postings(ids, weights);
    }

    private static double weight(int tf, double idf) {
        return (1 + Math.log(tf)) * idf;
    }

    /** The n-grams of a text's words, each word padded with a space on both sides. */
    static List<String> grams(String text) {
        List<String> grams = new ArrayList<>();
        for (String word : LanguageIndex.normalise(text).split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = " " + word + " ";
            for (int n = MIN_N; n <= MAX_N; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    grams.add(padded.substring(i, i + n));
                }
            }
        }
        return grams;
    }

    /**
     * The cosine similarity of a question with every entry. N-grams no entry has still count in
     * the question's length: a question that is mostly about something else scores low.
     */
    Similarities similarities(String question) {
        Map<String, Integer> counts = new HashMap<>();
        for (String gram : grams(question)) {
            counts.merge(gram, 1, Integer::sum);
        }
        double norm = 0;
        int[] known = new int[counts.size()];
        double[] weights = new double[counts.size()];
        int k = 0;
        for (var count : counts.entrySet()) {
            Integer id = ids.get(count.getKey());
            double w = weight(count.getValue(), id == null ? unknownIdf : idf[id]);
            norm += w * w;
            if (id != null) {
                known[k] = id;
                weights[k++] = w;
            }
        }
        double[] example = new double[exampleEntry.length];
        double[] whole = new double[entries];
        if (norm > 0) {
            norm = Math.sqrt(norm);
            for (int i = 0; i < k; i++) {
                double w = weights[i] / norm;
                int[] docs = exampleDocs[known[i]];
                float[] ws = exampleWeights[known[i]];
                for (int p = 0; p < docs.length; p++) {
                    example[docs[p]] += w * ws[p];
                }
                docs = entryDocs[known[i]];
                ws = entryWeights[known[i]];
                for (int p = 0; p < docs.length; p++) {
                    whole[docs[p]] += w * ws[p];
                }
            }
        }
        double[] best = new double[entries];
        int[] bestExample = new int[entries];
        for (int d = 0; d < example.length; d++) {
            int e = exampleEntry[d];
            if (example[d] > best[e]) {
                best[e] = example[d];
                bestExample[e] = exampleIndex[d];
            }
        }
        for (int e = 0; e < entries; e++) {
            best[e] = Math.min(1, best[e]);
            whole[e] = Math.min(1, whole[e]);
        }
        return new Similarities(best, bestExample, whole);
    }
}

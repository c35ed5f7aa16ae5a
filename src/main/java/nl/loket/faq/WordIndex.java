package nl.loket.faq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 over analysed texts with an array-based inverted index: per term the documents that hold
 * it and, per posting, the term-frequency part of BM25 computed at build time. A query adds into
 * one array of sums, which is what replaced Lucene's IndexSearcher: its per-query weights,
 * scorers and postings decoding were most of the match time. Scores are Lucene's
 * {@code BM25Similarity} bit for bit (the same float operations, the document length encoded
 * lossily as Lucene's norms are, a term's scores summed in double), so rankings did not change.
 * Built once per content version, then read-only and safe for concurrent use.
 */
final class WordIndex {

    static final float K1 = 1.2f;
    static final float B = 0.75f;
    /** A norm byte's document length, as BM25Similarity decodes it. */
    private static final float[] LENGTHS = new float[256];

    static {
        for (int i = 0; i < LENGTHS.length; i++) {
            LENGTHS[i] = SmallFloat.byte4ToInt((byte) i);
        }
    }

    /** One of the best documents of a search. */
    interface Hit {
        void accept(int doc, float score);
    }

    private final Map<String, Integer> ids;
    private final int[][] docs;
    /** Per posting {@code 1 + freq / norm}: BM25's score is then {@code weight - weight / this}. */
    private final float[][] denominators;
    private final int size;
    private final int docCount;

    private WordIndex(Map<String, Integer> ids, int[][] docs, float[][] denominators, int size, int docCount) {
        this.ids = ids;
        this.docs = docs;
        this.denominators = denominators;
        this.size = size;
        this.docCount = docCount;
    }

    /** One document per analysed text, numbered in order. */
    static WordIndex build(List<FaqAnalyzer.Analysis> texts) {
        Map<String, Integer> ids = new HashMap<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        byte[] norms = new byte[texts.size()];
        long tokens = 0;
        int docCount = 0;
        for (int d = 0; d < texts.size(); d++) {
            var analysis = texts.get(d);
            Map<Integer, Integer> freqs = new HashMap<>();
            for (String token : analysis.tokens()) {
                freqs.merge(ids.computeIfAbsent(token, t -> ids.size()), 1, Integer::sum);
            }
            counts.add(freqs);
            // Lucene counts every token in the average length but leaves overlapping ones out of a document's.
            norms[d] = SmallFloat.intToByte4(analysis.tokens().size() - analysis.overlaps());
            tokens += analysis.tokens().size();
            docCount += analysis.tokens().isEmpty() ? 0 : 1;
        }
        float averageLength = (float) (tokens / (double) docCount);
        float[] normInverses = new float[256];
        for (int i = 0; i < normInverses.length; i++) {
            normInverses[i] = 1f / (K1 * ((1 - B) + B * LENGTHS[i] / averageLength));
        }
        int[] df = new int[ids.size()];
        counts.forEach(freqs -> freqs.keySet().forEach(id -> df[id]++));
        int[][] docs = new int[ids.size()][];
        float[][] denominators = new float[ids.size()][];
        for (int id = 0; id < df.length; id++) {
            docs[id] = new int[df[id]];
            denominators[id] = new float[df[id]];
        }
        int[] fill = new int[ids.size()];
        for (int d = 0; d < counts.size(); d++) {
            for (var freq : counts.get(d).entrySet()) {
                int id = freq.getKey();
                docs[id][fill[id]] = d;
                denominators[id][fill[id]++] = 1f + (float) freq.getValue() * normInverses[norms[d] & 0xFF];
            }
        }
        return new WordIndex(Map.copyOf(ids), docs, denominators, texts.size(), docCount);
    }

    /** Whether no document has any word. */
    boolean isEmpty() {
        return docCount == 0;
    }

    /** The documents with at least one word: BM25's N. */
    int docCount() {
        return docCount;
    }

    int docFreq(String term) {
        Integer id = ids.get(term);
        return id == null ? 0 : docs[id].length;
    }

    /** Every term with the number of documents it is in. */
    Map<String, Integer> docFreqs() {
        Map<String, Integer> docFreqs = new HashMap<>();
        ids.forEach((term, id) -> docFreqs.put(term, docs[id].length));
        return docFreqs;
    }

    /**
     * Calls {@code hit} for each of the {@code hits} best documents (on equal scores the lower
     * document) for the terms with their boosts, in no particular order. Only these score: like
     * Lucene's top hits, every other document counts as not found.
     */
    void search(Map<String, Double> boosts, int hits, Hit hit) {
        double[] sums = new double[size];
        boosts.forEach((term, boost) -> {
            Integer id = ids.get(term);
            if (id != null) {
                float weight = boost.floatValue() * (float) idf(docs[id].length, docCount);
                int[] ds = docs[id];
                float[] denominator = denominators[id];
                for (int p = 0; p < ds.length; p++) {
                    sums[ds[p]] += weight - weight / denominator[p];
                }
            }
        });
        // Key: the score's bits above the document's rank, so the heap orders by score, then lower document.
        var top = new LongHeap(hits);
        for (int d = 0; d < size; d++) {
            if (sums[d] > 0) {
                top.insertWithOverflow((long) Float.floatToIntBits((float) sums[d]) << 32 | Integer.MAX_VALUE - d);
            }
        }
        for (int i = 1; i <= top.size(); i++) {
            long key = top.get(i);
            hit.accept(Integer.MAX_VALUE - (int) key, Float.intBitsToFloat((int) (key >>> 32)));
        }
    }

    /** BM25's idf, as Lucene computes it: the most one term can add to a document's score. */
    static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}

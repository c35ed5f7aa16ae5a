package nl.loket.faq;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Corrects a term that is not in the FAQ's vocabulary to the closest one that is, within one typo
 * (two for words of seven letters or more; a swap of two neighbours counts as one), keeping the
 * first letter. A symmetric-delete index (every term's variants with one or two letters left
 * out) makes a lookup a few hash probes instead of running a Levenshtein automaton over the term
 * dictionary, which is what Lucene's FuzzyQuery did per query and what dominated the match time.
 * Ties go to the term in more documents, then alphabetically, so corrections are deterministic.
 */
final class TypoCorrector {

    static final int MIN_LENGTH = 4;
    static final int LONG_WORD = 7;

    private final Map<String, Integer> documentFrequency;
    private final Map<String, List<String>> byDeletion = new HashMap<>();

    TypoCorrector(Map<String, Integer> documentFrequency) {
        this.documentFrequency = Map.copyOf(documentFrequency);
        Map<String, Set<String>> index = new HashMap<>();
        for (String term : documentFrequency.keySet()) {
            for (String variant : deletions(term, 2)) {
                index.computeIfAbsent(variant, v -> new HashSet<>()).add(term);
            }
        }
        index.forEach((variant, terms) -> byDeletion.put(variant, List.copyOf(terms)));
    }

    static int allowedEdits(String token) {
        return token.length() >= LONG_WORD ? 2 : 1;
    }

    /** The known term closest to {@code token}, or null when none is within reach. */
    String correct(String token) {
        if (token.length() < MIN_LENGTH || documentFrequency.containsKey(token)) {
            return null;
        }
        int edits = allowedEdits(token);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestDf = 0;
        for (String variant : deletions(token, edits)) {
            for (String term : byDeletion.getOrDefault(variant, List.of())) {
                if (term.charAt(0) != token.charAt(0) || Math.abs(term.length() - token.length()) > edits) {
                    continue;
                }
                int distance = distance(token, term, edits);
                int df = documentFrequency.get(term);
                if (distance <= edits && (distance < bestDistance || distance == bestDistance
                        && (df > bestDf || df == bestDf && term.compareTo(best) < 0))) {
                    best = term;
                    bestDistance = distance;
                    bestDf = df;
                }
            }
        }
        return best;
    }

    /** The word itself and every variant with up to {@code max} letters left out. */
    static Set<String> deletions(String word, int max) {
        Set<String> result = new HashSet<>();
        result.add(word);
        Set<String> frontier = Set.of(word);
        for (int round = 0; round < max; round++) {
            Set<String> next = new HashSet<>();
            for (String w : frontier) {
                for (int i = 0; i < w.length(); i++) {
                    String shorter = w.substring(0, i) + w.substring(i + 1);
                    if (result.add(shorter)) {
                        next.add(shorter);
                    }
                }
            }
            frontier = next;
        }
        return result;
    }

    /** Optimal string alignment distance (Levenshtein plus swaps of neighbours), capped above {@code max}. */
    static int distance(String a, String b, int max) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}

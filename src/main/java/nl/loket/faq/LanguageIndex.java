package nl.loket.faq;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of one language, ranked by two lexical signals. Words: a {@link WordIndex} with one
 * document per example question, title and keyword, ranked with BM25; the score is divided by
 * the most the query could score (the sum of its terms' idf), so it reads as "how much of the
 * question this entry explains" and is comparable across questions. Character n-grams: a
 * {@link CharGramIndex} cosine, robust to typos, inflection and compounds. The similarity is
 * their mean. Built once per content version, then read-only and safe for concurrent use.
 */
final class LanguageIndex {

    private static final Logger log = LoggerFactory.getLogger(LanguageIndex.class);

    /**
     * An entry's similarity mixes its best single document (weight 0.3) with one document holding
     * all its texts (0.7): evidence spread over several examples counts. Tuned on the train side
     * of the evaluation sets (docs/benchmarks.md): 0.3 beat 0 and 1 by 1-10 points of top-1.
     */
    static final double EXAMPLE_WEIGHT = 0.3;
    /** Documents a search keeps, as Lucene's top hits did; an entry with none of them gets no word score. */
    private static final int HITS = 64;
    private static final float TYPO_WEIGHT = 0.8f;

    /**
     * An entry with its normalised similarity in [0, 1].
     *
     * @param words the word (BM25) similarity
     * @param chars the character n-gram similarity
     * @param semantic the semantic (sentence embedding) similarity; 0 when the signal is off or unavailable
     * @param overCohesion the cosine of the entry's closest text minus the entry's cohesion (see
     *     {@link SemanticVectors}); 0 without the signal
     * @param example the index (in the entry's texts) of the example closest by character n-grams
     */
    record Scored(int entry, double similarity, double words, double chars, double semantic, double overCohesion,
            int example) {
    }

    /**
     * With the semantic signal on, the similarity is this much semantic, the rest lexical (words and
     * n-grams as above). Tuned on the train side (docs/benchmarks.md).
     */
    static final double SEMANTIC_WEIGHT = 0.7;

    /**
     * The similarity is half words (BM25), half character n-grams ({@link CharGramIndex}); the
     * n-gram half is half best example, half the entry's texts as a whole. Tuned on the train side
     * (docs/benchmarks.md): 0.3 to 0.5 n-grams gave the best top-1 on every English set (+3 to 4
     * points), 1.0 lost to 0.5 everywhere.
     */
    static final double CHAR_WEIGHT = 0.5;
    /** How many entries a ranking keeps, best first. */
    static final int RANKED = 32;
    static final double CHAR_EXAMPLE_WEIGHT = 0.5;

    /**
     * What ranking one question produced.
     *
     * @param exact the entry whose example equals the question after normalisation, or -1
     * @param semantic whether the semantic signal took part
     */
    record Ranking(List<Scored> ranked, List<String> analyzed, Map<String, String> corrections, int exact,
            boolean semantic) {
    }

    private final List<FaqEntry> entries;
    private final FaqAnalyzer analyzer;
    /** One document per text of every entry, in order; {@code textEntry} maps them to their entry. */
    private final WordIndex texts;
    /** One document per entry holding all its texts. */
    private final WordIndex wholes;
    private final int[] textEntry;
    private final List<Set<String>> entryTerms;
    private final Map<String, Integer> exact;
    private final CharGramIndex charGrams;
    private final TypoCorrector corrector;
    /** Null when the semantic signal is off for this language. */
    private final SemanticSource source;
    /** Null when off, or when the source could not embed the examples (then {@link #semanticMissing()}). */
    private final SemanticVectors vectors;

    private LanguageIndex(List<FaqEntry> entries, FaqAnalyzer analyzer, WordIndex texts, WordIndex wholes,
            int[] textEntry, List<Set<String>> entryTerms, Map<String, Integer> exact, SemanticSource source,
            SemanticVectors vectors) {
        this.entries = entries;
        this.analyzer = analyzer;
        this.texts = texts;
        this.wholes = wholes;
        this.textEntry = textEntry;
        this.entryTerms = entryTerms;
        this.exact = exact;
        this.charGrams = CharGramIndex.build(entries.stream().map(LanguageIndex::texts).toList());
        Map<String, Integer> vocabulary = texts.docFreqs();
        vocabulary.keySet().removeIf(term -> term.startsWith(FaqAnalyzer.SYNONYM_TOKEN));
        this.corrector = new TypoCorrector(vocabulary);
        this.source = source;
        this.vectors = vectors;
    }

    static LanguageIndex build(String lang, List<FaqEntry> entries, List<List<String>> synonyms) {
        return build(lang, entries, synonyms, null);
    }

    /** @param source the semantic signal's source for this language, or null when it is off */
    static LanguageIndex build(String lang, List<FaqEntry> entries, List<List<String>> synonyms,
            SemanticSource source) {
        FaqAnalyzer analyzer = analyzer(lang, entries, synonyms);
        List<FaqAnalyzer.Analysis> analysed = new ArrayList<>();
        List<Integer> textEntry = new ArrayList<>();
        List<FaqAnalyzer.Analysis> wholes = new ArrayList<>();
        List<Set<String>> entryTerms = new ArrayList<>();
        Map<String, Integer> exact = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            Set<String> termsOfEntry = new HashSet<>();
            for (String text : texts(entries.get(e))) {
                var analysis = analyzer.analyse(text);
                analysed.add(analysis);
                textEntry.add(e);
                termsOfEntry.addAll(analysis.tokens());
            }
            entryTerms.add(Set.copyOf(termsOfEntry));
            // Analysed as one text, not as the union of the above: a synonym phrase may span two texts.
            wholes.add(analyzer.analyse(String.join(" \n ", texts(entries.get(e)))));
            for (String question : entries.get(e).questions()) {
                int entry = e;
                exact.merge(normalise(question), e, (a, b) -> a == entry ? a : -1);
            }
        }
        return new LanguageIndex(List.copyOf(entries), analyzer, WordIndex.build(analysed), WordIndex.build(wholes),
                textEntry.stream().mapToInt(Integer::intValue).toArray(), entryTerms, exact, source,
                vectors(lang, entries, source));
    }

    private static SemanticVectors vectors(String lang, List<FaqEntry> entries, SemanticSource source) {
        if (source == null || entries.isEmpty()) {
            return null;
        }
        try {
            // all texts in one call, so that a remote source gets full batches rather than one call per entry
            List<String> all = new ArrayList<>();
            entries.forEach(entry -> all.addAll(texts(entry)));
            float[][] embedded = source.examples(all);
            source.warmUp();
            List<float[][]> vectors = new ArrayList<>();
            int from = 0;
            for (FaqEntry entry : entries) {
                int count = texts(entry).size();
                vectors.add(java.util.Arrays.copyOfRange(embedded, from, from + count));
                from += count;
            }
            return new SemanticVectors(vectors);
        } catch (SentenceEmbeddings.Unavailable e) {
            log.warn("{}: the examples could not be embedded ({}); matching by words and n-grams until they can: {}",
                    lang, source.model(), e.getMessage());
            return null;
        }
    }

    SemanticMode semanticMode() {
        return source == null ? SemanticMode.OFF : source.mode();
    }

    /** Whether the semantic signal is on for this language but its examples are not embedded yet. */
    boolean semanticMissing() {
        return source != null && vectors == null && !entries.isEmpty();
    }

    /**
     * The question's vector, or null when the signal is off or its source cannot answer now: the
     * question is then matched by the lexical signals alone, with their own calibration.
     */
    float[] embed(String question) {
        if (vectors == null) {
            return null;
        }
        try {
            float[] vector = source.question(question);
            return vector.length == vectors.dimension() ? vector : null;
        } catch (SentenceEmbeddings.Unavailable e) {
            // the source reports its failures; one line per customer question would flood the log
            log.debug("{}: question not embedded, matching it by words and n-grams: {}", source.model(),
                    e.getMessage());
            return null;
        }
    }

    /** The analysis chain of a language, with the FAQ's own words as the compound dictionary. */
    static FaqAnalyzer analyzer(String lang, List<FaqEntry> entries, List<List<String>> synonyms) {
        Set<String> vocabulary = new HashSet<>();
        try (var surface = new FaqAnalyzer.SurfaceAnalyzer(lang)) {
            for (FaqEntry entry : entries) {
                texts(entry).forEach(text -> vocabulary.addAll(surface.words(text)));
                vocabulary.addAll(surface.words(entry.answer()));
            }
        }
        return new FaqAnalyzer(lang, synonyms, vocabulary);
    }

    /** The texts an entry is found by: its example questions, its title and each keyword. */
    static List<String> texts(FaqEntry entry) {
        List<String> texts = new ArrayList<>(entry.questions());
        texts.add(entry.title());
        texts.addAll(entry.keywords());
        return texts;
    }

    /** Lower case, no accents, no punctuation, single spaces: how "exact" example matches compare. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    List<FaqEntry> entries() {
        return entries;
    }

    List<String> analyze(String text) {
        return analyzer.tokens(text);
    }

    Set<String> termsOf(int entry) {
        return entryTerms.get(entry);
    }

    /** Share of a text's words this language's FAQ knows; helps to tell Dutch from English. */
    double knownShare(String text) {
        if (texts.isEmpty()) {
            return 0;
        }
        List<String> tokens = analyzer.tokens(text);
        if (tokens.isEmpty()) {
            return 0;
        }
        int known = 0;
        for (String token : tokens) {
            known += texts.docFreq(token) > 0 ? 1 : 0;
        }
        return (double) known / tokens.size();
    }

    Ranking rank(String question) {
        return rank(question, null);
    }

    /** @param vector the question's unit vector from {@link #embed}, or null for the lexical signals only */
    Ranking rank(String question, float[] vector) {
        Integer exactEntry = exact.get(normalise(question));
        var analysis = analyzer.analyse(question);
        List<String> analyzed = List.copyOf(new LinkedHashSet<>(analysis.tokens()));
        if (analyzed.isEmpty() || texts.isEmpty()) {
            return new Ranking(List.of(), analyzed, Map.of(), exactEntry == null ? -1 : exactEntry, false);
        }
        // Term -> boost; a term asked twice (a word and a typo corrected to it) adds its boosts, as Lucene's query did.
        Map<String, Double> query = new LinkedHashMap<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        double maximum = 0;
        double maximumWhole = 0;
        for (String token : analyzed) {
            int df = texts.docFreq(token);
            if (!analysis.covered().contains(token)) {
                maximum += WordIndex.idf(df, texts.docCount());
                maximumWhole += WordIndex.idf(wholes.docFreq(token), entries.size());
            }
            if (df > 0) {
                query.merge(token, 1.0, Double::sum);
                continue;
            }
            String corrected = token.startsWith(FaqAnalyzer.SYNONYM_TOKEN) ? null : corrector.correct(token);
            if (corrected != null) {
                corrections.put(token, corrected);
                query.merge(corrected, (double) TYPO_WEIGHT, Double::sum);
            }
        }
        double[] best = new double[entries.size()];
        double[] whole = new double[entries.size()];
        texts.search(query, HITS, (doc, score) -> best[textEntry[doc]] = Math.max(best[textEntry[doc]], score));
        wholes.search(query, HITS, (doc, score) -> whole[doc] = score);
        SemanticVectors.Similarities semantic = vector == null ? null : vectors.similarities(vector);
        List<Scored> ranked = ranked(best, whole, maximum, maximumWhole, charGrams.similarities(question), semantic);
        return new Ranking(ranked, analyzed, corrections, exactEntry == null ? -1 : exactEntry, semantic != null);
    }

    /**
     * The best {@link #RANKED} entries by the mean of both signals, best first.
     *
     * @param best per entry, the BM25 score of its best document
     * @param whole per entry, the BM25 score of the document holding all its texts
     * @param maximum the most {@code best} could be; {@code maximumWhole} the same for {@code whole}
     * @param semantic per entry, the semantic similarities; null when the signal does not take part
     */
    static List<Scored> ranked(double[] best, double[] whole, double maximum, double maximumWhole,
            CharGramIndex.Similarities grams, SemanticVectors.Similarities semantic) {
        // The best RANKED entries, kept in a min-heap: sorting all of a large FAQ cost more than scoring it.
        var order = Comparator.comparingDouble(Scored::similarity)
                .thenComparing(Comparator.comparingInt(Scored::entry).reversed());
        var top = new PriorityQueue<Scored>(RANKED + 1, order);
        for (int entry = 0; entry < best.length; entry++) {
            double words = Math.min(1, EXAMPLE_WEIGHT * best[entry] / maximum
                    + (1 - EXAMPLE_WEIGHT) * whole[entry] / maximumWhole);
            double chars = CHAR_EXAMPLE_WEIGHT * grams.best()[entry] + (1 - CHAR_EXAMPLE_WEIGHT) * grams.whole()[entry];
            double meaning = semantic == null ? 0 : semantic.similarity()[entry];
            if (words > 0 || chars > 0 || meaning > 0) {
                double lexical = (1 - CHAR_WEIGHT) * words + CHAR_WEIGHT * chars;
                double similarity = semantic == null ? lexical
                        : (1 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * meaning;
                if (top.size() < RANKED || similarity > top.peek().similarity()) {
                    top.add(new Scored(entry, similarity, words, chars, meaning,
                            semantic == null ? 0 : semantic.overCohesion()[entry], grams.example()[entry]));
                    if (top.size() > RANKED) {
                        top.poll();
                    }
                }
            }
        }
        List<Scored> ranked = new ArrayList<>(top);
        ranked.sort(order.reversed());
        return ranked;
    }
}

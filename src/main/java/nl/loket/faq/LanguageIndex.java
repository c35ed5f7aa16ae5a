package nl.loket.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The entries of one language, ranked by two lexical signals. Words: a Lucene index with one
 * document per example question, title and keyword, ranked with BM25; the score is divided by
 * the most the query could score (the sum of its terms' idf), so it reads as "how much of the
 * question this entry explains" and is comparable across questions. Character n-grams: a
 * {@link CharGramIndex} cosine, robust to typos, inflection and compounds. The similarity is
 * their mean. Built once per content version, then read-only and safe for concurrent use.
 */
final class LanguageIndex {

    static final String FIELD = "text";
    static final String ENTRY_FIELD = "entry";
    /**
     * An entry's similarity mixes its best single document (weight 0.3) with one document holding
     * all its texts (0.7): evidence spread over several examples counts. Tuned on the train side
     * of the evaluation sets (docs/benchmarks.md): 0.3 beat 0 and 1 by 1-10 points of top-1.
     */
    static final double EXAMPLE_WEIGHT = 0.3;
    static final float K1 = 1.2f;
    static final float B = 0.75f;
    private static final int HITS = 64;
    private static final float TYPO_WEIGHT = 0.8f;

    /** An entry with its normalised similarity in [0, 1]. */
    /**
     * @param words the word (BM25) similarity
     * @param chars the character n-gram similarity
     * @param example the index (in the entry's texts) of the example closest by character n-grams
     */
    record Scored(int entry, double similarity, double words, double chars, int example) {
    }

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
     */
    record Ranking(List<Scored> ranked, List<String> analyzed, Map<String, String> corrections, int exact) {
    }

    private final List<FaqEntry> entries;
    private final FaqAnalyzer analyzer;
    private final IndexSearcher searcher;
    private final Terms terms;
    private final int[] docEntry;
    private final List<Set<String>> entryTerms;
    private final Map<String, Integer> exact;
    private final int docCount;
    private final CharGramIndex charGrams;
    private final TypoCorrector corrector;

    private LanguageIndex(List<FaqEntry> entries, FaqAnalyzer analyzer, IndexSearcher searcher, int[] docEntry,
            List<Set<String>> entryTerms, Map<String, Integer> exact) throws IOException {
        this.entries = entries;
        this.analyzer = analyzer;
        this.searcher = searcher;
        this.docEntry = docEntry;
        this.entryTerms = entryTerms;
        this.exact = exact;
        var leaves = searcher.getIndexReader().leaves();
        this.terms = leaves.isEmpty() ? null : leaves.get(0).reader().terms(FIELD);
        this.docCount = searcher.getIndexReader().getDocCount(FIELD);
        this.charGrams = CharGramIndex.build(entries.stream().map(LanguageIndex::texts).toList());
        this.corrector = new TypoCorrector(vocabulary(terms));
    }

    static LanguageIndex build(String lang, List<FaqEntry> entries, List<List<String>> synonyms) {
        FaqAnalyzer analyzer = analyzer(lang, entries, synonyms);
        List<Integer> docEntry = new ArrayList<>();
        List<Set<String>> entryTerms = new ArrayList<>();
        Map<String, Integer> exact = new HashMap<>();
        var directory = new ByteBuffersDirectory();
        // One segment and no merges: document ids stay in the order added, so docEntry maps them.
        var config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(K1, B))
                .setMergePolicy(NoMergePolicy.INSTANCE).setRAMBufferSizeMB(256);
        try (var writer = new IndexWriter(directory, config)) {
            for (int e = 0; e < entries.size(); e++) {
                Set<String> termsOfEntry = new HashSet<>();
                for (String text : texts(entries.get(e))) {
                    var doc = new Document();
                    doc.add(new TextField(FIELD, text, Field.Store.NO));
                    writer.addDocument(doc);
                    docEntry.add(e);
                    termsOfEntry.addAll(analyzer.tokens(text));
                }
                entryTerms.add(Set.copyOf(termsOfEntry));
                var all = new Document();
                all.add(new TextField(ENTRY_FIELD, String.join(" \n ", texts(entries.get(e))), Field.Store.NO));
                writer.addDocument(all);
                docEntry.add(e);
                for (String question : entries.get(e).questions()) {
                    int entry = e;
                    exact.merge(normalise(question), e, (a, b) -> a == entry ? a : -1);
                }
            }
            writer.commit();
            var reader = DirectoryReader.open(directory);
            if (reader.leaves().size() > 1) {
                throw new IllegalStateException("FAQ index has " + reader.leaves().size() + " segments");
            }
            var searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity(K1, B));
            return new LanguageIndex(List.copyOf(entries), analyzer, searcher,
                    docEntry.stream().mapToInt(Integer::intValue).toArray(), entryTerms, exact);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        List<String> tokens = analyzer.tokens(text);
        if (tokens.isEmpty() || terms == null) {
            return 0;
        }
        int known = 0;
        for (String token : tokens) {
            known += docFreq(token) > 0 ? 1 : 0;
        }
        return (double) known / tokens.size();
    }

    Ranking rank(String question) {
        Integer exactEntry = exact.get(normalise(question));
        List<String> analyzed = List.copyOf(new LinkedHashSet<>(analyzer.tokens(question)));
        if (analyzed.isEmpty() || terms == null) {
            return new Ranking(List.of(), analyzed, Map.of(), exactEntry == null ? -1 : exactEntry);
        }
        var query = new BooleanQuery.Builder();
        var entryQuery = new BooleanQuery.Builder();
        Map<String, String> corrections = new LinkedHashMap<>();
        double maximum = 0;
        double maximumWhole = 0;
        Set<String> covered = analyzer.coveredBySynonyms(question);
        for (String token : analyzed) {
            int df = docFreq(token);
            if (!covered.contains(token)) {
                maximum += idf(df);
                maximumWhole += idf(docFreq(ENTRY_FIELD, token), entries.size());
            }
            if (df > 0) {
                query.add(new TermQuery(new Term(FIELD, token)), BooleanClause.Occur.SHOULD);
                entryQuery.add(new TermQuery(new Term(ENTRY_FIELD, token)), BooleanClause.Occur.SHOULD);
                continue;
            }
            String corrected = token.startsWith(FaqAnalyzer.SYNONYM_TOKEN) ? null : corrector.correct(token);
            if (corrected != null) {
                corrections.put(token, corrected);
                query.add(new BoostQuery(new TermQuery(new Term(FIELD, corrected)), TYPO_WEIGHT),
                        BooleanClause.Occur.SHOULD);
                entryQuery.add(new BoostQuery(new TermQuery(new Term(ENTRY_FIELD, corrected)), TYPO_WEIGHT),
                        BooleanClause.Occur.SHOULD);
            }
        }
        double[] best = new double[entries.size()];
        double[] whole = new double[entries.size()];
        try {
            for (ScoreDoc hit : searcher.search(query.build(), HITS).scoreDocs) {
                int entry = docEntry[hit.doc];
                best[entry] = Math.max(best[entry], hit.score);
            }
            for (ScoreDoc hit : searcher.search(entryQuery.build(), HITS).scoreDocs) {
                whole[docEntry[hit.doc]] = hit.score;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Scored> ranked = ranked(best, whole, maximum, maximumWhole, charGrams.similarities(question));
        return new Ranking(ranked, analyzed, corrections, exactEntry == null ? -1 : exactEntry);
    }

    /**
     * The best {@link #RANKED} entries by the mean of both signals, best first.
     *
     * @param best per entry, the BM25 score of its best document
     * @param whole per entry, the BM25 score of the document holding all its texts
     * @param maximum the most {@code best} could be; {@code maximumWhole} the same for {@code whole}
     */
    static List<Scored> ranked(double[] best, double[] whole, double maximum, double maximumWhole,
            CharGramIndex.Similarity[] grams) {
        // The best RANKED entries, kept in a min-heap: sorting all of a large FAQ cost more than scoring it.
        var order = Comparator.comparingDouble(Scored::similarity)
                .thenComparing(Comparator.comparingInt(Scored::entry).reversed());
        var top = new PriorityQueue<Scored>(RANKED + 1, order);
        for (int entry = 0; entry < grams.length; entry++) {
            var gram = grams[entry];
            double words = Math.min(1, EXAMPLE_WEIGHT * best[entry] / maximum
                    + (1 - EXAMPLE_WEIGHT) * whole[entry] / maximumWhole);
            double chars = CHAR_EXAMPLE_WEIGHT * gram.best() + (1 - CHAR_EXAMPLE_WEIGHT) * gram.whole();
            if (words > 0 || chars > 0) {
                double similarity = (1 - CHAR_WEIGHT) * words + CHAR_WEIGHT * chars;
                if (top.size() < RANKED || similarity > top.peek().similarity()) {
                    top.add(new Scored(entry, similarity, words, chars, gram.example()));
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

    /** The indexed terms (not the synonym groups' tokens) with their document frequencies. */
    private static Map<String, Integer> vocabulary(Terms terms) throws IOException {
        Map<String, Integer> vocabulary = new HashMap<>();
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                String text = term.utf8ToString();
                if (!text.startsWith(FaqAnalyzer.SYNONYM_TOKEN)) {
                    vocabulary.put(text, each.docFreq());
                }
            }
        }
        return vocabulary;
    }

    private int docFreq(String token) {
        return docFreq(FIELD, token);
    }

    private int docFreq(String field, String token) {
        try {
            return terms == null ? 0 : searcher.getIndexReader().docFreq(new Term(field, token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25's idf, as Lucene computes it: the most one term can add to a document's score. */
    private double idf(int docFreq) {
        return idf(docFreq, docCount);
    }

    private static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}

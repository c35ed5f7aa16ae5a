package nl.loket.faq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * How {@link LanguageIndex} ranked while Lucene searched its words (IndexWriter, BM25Similarity,
 * two BooleanQuerys, the top 64 hits of each): kept in test code to prove the array-based
 * {@link WordIndex} ranks exactly alike.
 */
final class LuceneReference {

    private static final String FIELD = "text";
    private static final String ENTRY_FIELD = "entry";
    private static final int HITS = 64;
    private static final float TYPO_WEIGHT = 0.8f;

    private final List<FaqEntry> entries;
    private final FaqAnalyzer analyzer;
    private final IndexSearcher searcher;
    private final List<Integer> docEntry = new ArrayList<>();
    private final Map<String, Integer> exact = new HashMap<>();
    private final CharGramIndex charGrams;
    private final TypoCorrector corrector;

    LuceneReference(String lang, List<FaqEntry> entries, List<List<String>> synonyms) throws IOException {
        this.entries = entries;
        this.analyzer = LanguageIndex.analyzer(lang, entries, synonyms);
        var directory = new ByteBuffersDirectory();
        var config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(1.2f, 0.75f))
                .setMergePolicy(NoMergePolicy.INSTANCE).setRAMBufferSizeMB(256);
        try (var writer = new IndexWriter(directory, config)) {
            for (int e = 0; e < entries.size(); e++) {
                List<String> texts = LanguageIndex.texts(entries.get(e));
                for (String text : texts) {
                    writer.addDocument(document(FIELD, text));
                    docEntry.add(e);
                }
                writer.addDocument(document(ENTRY_FIELD, String.join(" \n ", texts)));
                docEntry.add(e);
                for (String question : entries.get(e).questions()) {
                    int entry = e;
                    exact.merge(LanguageIndex.normalise(question), e, (a, b) -> a == entry ? a : -1);
                }
            }
        }
        IndexReader reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
        this.charGrams = CharGramIndex.build(entries.stream().map(LanguageIndex::texts).toList());
        this.corrector = new TypoCorrector(vocabulary(reader.leaves().isEmpty() ? null
                : reader.leaves().getFirst().reader().terms(FIELD)));
    }

    private static Document document(String field, String text) {
        var doc = new Document();
        doc.add(new TextField(field, text, Field.Store.NO));
        return doc;
    }

    private static Map<String, Integer> vocabulary(Terms terms) throws IOException {
        Map<String, Integer> vocabulary = new HashMap<>();
        if (terms != null) {
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                if (!term.utf8ToString().startsWith(FaqAnalyzer.SYNONYM_TOKEN)) {
                    vocabulary.put(term.utf8ToString(), each.docFreq());
                }
            }
        }
        return vocabulary;
    }

    LanguageIndex.Ranking rank(String question) throws IOException {
        Integer exactEntry = exact.get(LanguageIndex.normalise(question));
        int exactOrNone = exactEntry == null ? -1 : exactEntry;
        List<String> analyzed = List.copyOf(new LinkedHashSet<>(analyzer.tokens(question)));
        int docCount = searcher.getIndexReader().getDocCount(FIELD);
        if (analyzed.isEmpty() || docCount == 0) {
            return new LanguageIndex.Ranking(List.of(), analyzed, Map.of(), exactOrNone, false);
        }
        var query = new BooleanQuery.Builder();
        var entryQuery = new BooleanQuery.Builder();
        Map<String, String> corrections = new LinkedHashMap<>();
        double maximum = 0;
        double maximumWhole = 0;
        Set<String> covered = analyzer.analyse(question).covered();
        for (String token : analyzed) {
            int df = searcher.getIndexReader().docFreq(new Term(FIELD, token));
            if (!covered.contains(token)) {
                maximum += idf(df, docCount);
                maximumWhole += idf(searcher.getIndexReader().docFreq(new Term(ENTRY_FIELD, token)), entries.size());
            }
            String term = df > 0 || token.startsWith(FaqAnalyzer.SYNONYM_TOKEN) ? token : corrector.correct(token);
            if (term != null && df == 0) {
                corrections.put(token, term);
            }
            if (term != null) {
                float boost = df > 0 ? 1 : TYPO_WEIGHT;
                query.add(new BoostQuery(new TermQuery(new Term(FIELD, term)), boost), BooleanClause.Occur.SHOULD);
                entryQuery.add(new BoostQuery(new TermQuery(new Term(ENTRY_FIELD, term)), boost),
                        BooleanClause.Occur.SHOULD);
            }
        }
        double[] best = new double[entries.size()];
        double[] whole = new double[entries.size()];
        for (ScoreDoc hit : search(query.build())) {
            int entry = docEntry.get(hit.doc);
            best[entry] = Math.max(best[entry], hit.score);
        }
        for (ScoreDoc hit : search(entryQuery.build())) {
            whole[docEntry.get(hit.doc)] = hit.score;
        }
        List<LanguageIndex.Scored> ranked = LanguageIndex.ranked(best, whole, maximum, maximumWhole,
                charGrams.similarities(question), null);
        return new LanguageIndex.Ranking(ranked, analyzed, corrections, exactOrNone, false);
    }

    private ScoreDoc[] search(Query query) throws IOException {
        return searcher.search(query, HITS).scoreDocs;
    }

    private static double idf(int docFreq, int docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }
}

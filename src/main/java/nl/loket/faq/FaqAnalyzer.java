package nl.loket.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * The analysis chain for one language: words, lower case, accents folded, synonym groups (each
 * group adds one shared token next to the original words), Dutch compounds split against the
 * FAQ's own vocabulary, then stemming. Stop words stay in: BM25's idf already makes them weigh
 * little, and removing them removed signal ({@code hoe is het weer} shares only {@code hoe},
 * {@code is}, {@code het} with {@code hoe heet is het}): keeping them moved xsid-nl's top-1 from
 * 76.3 to 78.6 %. The stop list is still used to keep function words out of the compound
 * dictionary.
 */
final class FaqAnalyzer extends Analyzer {

    /** Prefix of the token a synonym group adds; no real word starts with it. */
    static final String SYNONYM_TOKEN = "_syn";

    /** Words whose next words {@link NegationScope} marks as negated. */
    private static final Set<String> NEGATION_SCOPE = Set.of("niet", "geen", "zonder", "nooit", "not", "no", "without",
            "never", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wont", "don't", "can't", "doesn't", "won't");

    /** "niet werkt" and "werkt" are different questions: negations are never stop words. */
    private static final List<String> NEGATIONS = List.of("niet", "geen", "niets", "nooit", "not", "no", "never",
            "nothing", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wont");

    /**
     * Also kept: separable-verb particles ("zet de wekker aan" vs "uit", "turn on") and "weer",
     * which Lucene's Dutch list drops as "again" but customers mean as "weather".
     */
    private static final List<String> MEANINGFUL = List.of("aan", "uit", "af", "op", "over", "door", "mee", "toe",
            "om", "tegen", "zonder", "weer", "on", "off");

    private final String lang;
    private final SynonymMap synonyms;
    private final CharArraySet compounds;
    private final CharArraySet stopWords;

    FaqAnalyzer(String lang, List<List<String>> synonymGroups, Collection<String> vocabulary) {
        this.lang = lang;
        this.stopWords = stopWords(lang);
        this.synonyms = synonymMap(synonymGroups);
        this.compounds = "nl".equals(lang) ? compoundDictionary(vocabulary, stopWords) : null;
    }

    static CharArraySet stopWords(String lang) {
        CharArraySet defaults = "nl".equals(lang) ? DutchAnalyzer.getDefaultStopSet()
                : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        CharArraySet set = new CharArraySet(defaults.size(), true);
        for (Object word : defaults) {
            String w = new String((char[]) word);
            if (!NEGATIONS.contains(w) && !MEANINGFUL.contains(w)) {
                set.add(w);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }

    /**
     * Words of the FAQ itself (and their stems: "standen" gives "stand"), so "meterstand" splits
     * into "meter" + "stand" only when both occur; a general word list would split far too much.
     */
    private static CharArraySet compoundDictionary(Collection<String> vocabulary, CharArraySet stopWords) {
        CharArraySet dictionary = new CharArraySet(vocabulary.size() * 2, true);
        DutchStemmer stemmer = new DutchStemmer();
        for (String word : vocabulary) {
            if (word.length() >= 4 && !stopWords.contains(word)
                    && word.chars().allMatch(Character::isLetter)) {
                dictionary.add(word);
                stemmer.setCurrent(word);
                stemmer.stem();
                if (stemmer.getCurrent().length() >= 4) {
                    dictionary.add(stemmer.getCurrent());
                }
            }
        }
        return dictionary;
    }

    private SynonymMap synonymMap(List<List<String>> groups) {
        if (groups == null || groups.isEmpty()) {
            return null;
        }
        try (SurfaceAnalyzer words = new SurfaceAnalyzer(lang)) {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (int g = 0; g < groups.size(); g++) {
                CharsRef shared = new CharsRef(SYNONYM_TOKEN + g);
                for (String phrase : groups.get(g)) {
                    CharsRef input = SynonymMap.Builder.join(words.words(phrase).toArray(String[]::new),
                            new CharsRefBuilder());
                    if (input.length > 0) {
                        builder.add(input, shared, true);
                    }
                }
            }
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot build the synonyms of '" + lang + "': " + e.getMessage(), e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = SurfaceAnalyzer.surface(lang, source);
        if (synonyms != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        if (compounds != null) {
            stream = new CompoundSplitter(stream, compounds);
        }
        stream = new NegationScope(stream, NEGATION_SCOPE);
        stream = new SynonymTokenMarker(stream);
        stream = "nl".equals(lang) ? new SnowballFilter(stream, new DutchStemmer()) : new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /** The analysed tokens of a text, in order, duplicates kept. */
    List<String> tokens(String text) {
        return collect(this, text);
    }

    /**
     * One pass of the chain over a text: what ranking a question and indexing a text both need.
     *
     * @param tokens the tokens in order, duplicates kept
     * @param overlaps how many tokens share the position of the one before (synonym tokens,
     *     compound parts); BM25 leaves them out of a document's length, as Lucene does
     * @param covered the distinct words under a synonym group's token ({@code nieuwe woning} under
     *     the group of {@code verhuizen}). The similarity does not count them as extra words to
     *     explain next to the group's token; otherwise a question that says "nieuwe woning" would
     *     need an entry to say both "verhuizen" and "nieuwe woning".
     */
    record Analysis(List<String> tokens, int overlaps, Set<String> covered) {
    }

    Analysis analyse(String text) {
        List<String> tokens = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int overlaps = 0;
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                overlaps += increment.getPositionIncrement() == 0 ? 1 : 0;
                position += increment.getPositionIncrement();
                String token = term.toString();
                tokens.add(token);
                positions.add(position);
                if (token.startsWith(SYNONYM_TOKEN)) {
                    spans.add(new int[] {position, position + length.getPositionLength()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            int position = positions.get(i);
            if (!tokens.get(i).startsWith(SYNONYM_TOKEN)
                    && spans.stream().anyMatch(span -> position >= span[0] && position < span[1])) {
                covered.add(tokens.get(i));
            }
        }
        return new Analysis(List.copyOf(tokens), overlaps, covered);
    }

    static List<String> collect(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Tokenise, lower-case and fold accents: the form synonyms and compounds are written in. */
    static final class SurfaceAnalyzer extends Analyzer {
        private final String lang;

        SurfaceAnalyzer(String lang) {
            this.lang = lang;
        }

        static TokenStream surface(String lang, Tokenizer source) {
            TokenStream stream = new LowerCaseFilter(source);
            if ("en".equals(lang)) {
                stream = new EnglishPossessiveFilter(stream);
            }
            return new ASCIIFoldingFilter(stream);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, surface(lang, source));
        }

        List<String> words(String text) {
            return collect(this, text);
        }
    }

    /** Keeps the stemmers away from the tokens synonym groups add. */
    private static final class SynonymTokenMarker extends KeywordMarkerFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        SynonymTokenMarker(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean isKeyword() {
            return term.toString().startsWith(SYNONYM_TOKEN);
        }
    }
}

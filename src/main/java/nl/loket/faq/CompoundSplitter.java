package nl.loket.faq;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Splits a Dutch compound into two known words when, and only when, the whole word is made of
 * them ({@code meterstand} = {@code meter} + {@code stand}, {@code morgenochtend} = {@code morgen}
 * + {@code ochtend}, with a linking {@code s}, {@code e} or {@code en} allowed:
 * {@code verhuizingsdatum}). Lucene's dictionary filter emits every known substring, which turned
 * {@code voorspelling} into {@code spel} and {@code luisteren} into {@code luis}; requiring a full
 * decomposition keeps those words whole. The word itself is kept; the parts follow it at the
 * same position.
 */
final class CompoundSplitter extends TokenFilter {

    static final int MIN_WORD = 7;
    static final int MIN_PART = 3;
    private static final String[] LINKS = {"", "s", "e", "en"};

    private final CharArraySet dictionary;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> parts = new ArrayDeque<>();
    private AttributeSource.State state;

    CompoundSplitter(TokenStream input, CharArraySet dictionary) {
        super(input);
        this.dictionary = dictionary;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!parts.isEmpty()) {
            restoreState(state);
            term.setEmpty().append(parts.removeFirst());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String word = term.toString();
        if (word.length() >= MIN_WORD && word.chars().allMatch(Character::isLetter)) {
            split(word);
            if (!parts.isEmpty()) {
                state = captureState();
            }
        }
        return true;
    }

    /** The split with the longest known head whose rest is a known word. */
    private void split(String word) {
        for (int end = word.length() - MIN_PART; end >= MIN_PART; end--) {
            String head = word.substring(0, end);
            if (!dictionary.contains(head)) {
                continue;
            }
            for (String link : LINKS) {
                if (word.startsWith(link, end) && end + link.length() <= word.length() - MIN_PART) {
                    String tail = word.substring(end + link.length());
                    if (dictionary.contains(tail)) {
                        parts.add(head);
                        parts.add(tail);
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        parts.clear();
        state = null;
    }
}

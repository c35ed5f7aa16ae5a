package nl.loket.faq;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Marks the words a negation applies to: after {@code geen}, {@code niet}, {@code zonder},
 * {@code not}, ... each token of the next {@value #SCOPE} words is followed, at the same position,
 * by a copy with {@value #MARK} in front ({@code geen incasso} adds {@code !incasso}). The word
 * itself stays, so "geen automatische incasso" still shares "incasso" with the direct-debit entry,
 * but only an entry whose examples also say "zonder incasso" or "geen incasso" shares the marked
 * token.
 */
final class NegationScope extends TokenFilter {

    static final String MARK = "!";
    static final int SCOPE = 1;

    private final Set<String> negations;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    /** How many more word positions the last negation covers. */
    private int scope;
    private boolean negated;
    private AttributeSource.State marked;

    NegationScope(TokenStream input, Set<String> negations) {
        super(input);
        this.negations = negations;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (marked != null) {
            restoreState(marked);
            marked = null;
            String word = term.toString();
            term.setEmpty().append(MARK).append(word);
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        // Tokens at the same position (synonym tokens, compound parts) share their word's scope.
        if (position.getPositionIncrement() > 0) {
            negated = scope > 0;
            scope = negations.contains(term.toString()) ? SCOPE : Math.max(0, scope - 1);
        }
        if (negated) {
            marked = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        scope = 0;
        negated = false;
        marked = null;
    }
}

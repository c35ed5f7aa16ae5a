package nl.loket.faq;

import java.util.Collection;
import java.util.List;

/**
 * Turns how far the best entry leads every other entry, on each of the two signals, into a
 * probability of being right: a logistic model fitted on the train side of the public evaluation
 * sets ({@code nl.loket.faq.eval.FaqEvaluation --fit}, see docs/benchmarks.md). The leads per
 * signal beat the lead in the mixed similarity (and the similarity itself, whose weight fitted to
 * about 0): an entry that wins on words and on character n-grams at once is right more often than
 * one that wins on the mix while another entry wins on one signal.
 */
record Calibration(double intercept, double wordLeadWeight, double ngramLeadWeight) {

    static final Calibration SHIPPED = new Calibration(-0.814, 11.807, 7.698);

    /**
     * How far one entry leads the others.
     *
     * @param words its word similarity minus the best word similarity of the others
     * @param ngrams the same for the character n-gram similarity
     */
    record Lead(double words, double ngrams) {

        static final Lead NONE = new Lead(0, 0);

        /** The lead of {@code entry} over {@code others}; entries other than {@code entry} only. */
        static Lead of(LanguageIndex.Scored entry, Collection<LanguageIndex.Scored> others) {
            double words = 0;
            double ngrams = 0;
            for (var other : others) {
                if (other.entry() != entry.entry()) {
                    words = Math.max(words, other.words());
                    ngrams = Math.max(ngrams, other.chars());
                }
            }
            return new Lead(entry.words() - words, entry.chars() - ngrams);
        }

        /** The lead of the first of a ranking over the rest. */
        static Lead ofFirst(List<LanguageIndex.Scored> ranked) {
            return ranked.isEmpty() ? NONE : of(ranked.getFirst(), ranked);
        }
    }

    double confidence(Lead lead) {
        double z = intercept + wordLeadWeight * lead.words() + ngramLeadWeight * lead.ngrams();
        return 1 / (1 + Math.exp(-z));
    }
}

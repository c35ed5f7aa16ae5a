package nl.loket.faq;

import java.util.Collection;
import java.util.List;

/**
 * Turns how far the best entry leads every other entry, on each signal, into a probability of
 * being right: a logistic model fitted on the train side of the public evaluation sets
 * ({@code nl.loket.faq.eval.FaqEvaluation --fit}, see docs/benchmarks.md). The leads per signal
 * beat the lead in the mixed similarity (and the lexical similarity itself, whose weight fitted to
 * about 0): an entry that wins on words and on character n-grams at once is right more often than
 * one that wins on the mix while another entry wins on one signal. With the semantic signal, its
 * lead, its level (how close in meaning the best entry is at all) and how that compares with the
 * entry's own cohesion join in: a question from outside the FAQ is far from every entry even when it
 * shares their words, and in a dense domain (every entry about bank cards) it is further from the
 * best entry than that entry's examples are from each other.
 */
record Calibration(double intercept, double wordLeadWeight, double ngramLeadWeight, double semanticLeadWeight,
        double semanticWeight, double overCohesionWeight) {

    /** Words and n-grams only: the signal is off, or its source did not answer. */
    static final Calibration LEXICAL = new Calibration(-0.814, 11.807, 7.698, 0, 0, 0);
    /**
     * With the in-process semantic signal (all-MiniLM-L6-v2, quantised), fitted on the train side of the
     * English sets (banking77, clinc150, hwu64, banking77-oos, xsid-en-oos; every tenth in-scope question):
     * the semantic lead outweighs both lexical leads together, and the distance over the entry's cohesion
     * took most of the level's weight (docs/benchmarks.md: fewer out-of-scope answers at more answers).
     */
    static final Calibration SEMANTIC = new Calibration(-1.141, 0.632, 2.026, 9.850, 0.746, 4.923);

    /**
     * How far one entry leads the others.
     *
     * @param words its word similarity minus the best word similarity of the others
     * @param ngrams the same for the character n-gram similarity
     * @param semantic the same for the semantic similarity (0 without the signal)
     * @param meaning its semantic similarity itself (0 without the signal)
     * @param overCohesion its closest text's cosine minus its cohesion (0 without the signal)
     */
    record Lead(double words, double ngrams, double semantic, double meaning, double overCohesion) {

        static final Lead NONE = new Lead(0, 0, 0, 0, 0);

        /** The lead of {@code entry} over {@code others}; entries other than {@code entry} only. */
        static Lead of(LanguageIndex.Scored entry, Collection<LanguageIndex.Scored> others) {
            double words = 0;
            double ngrams = 0;
            double semantic = 0;
            for (var other : others) {
                if (other.entry() != entry.entry()) {
                    words = Math.max(words, other.words());
                    ngrams = Math.max(ngrams, other.chars());
                    semantic = Math.max(semantic, other.semantic());
                }
            }
            return new Lead(entry.words() - words, entry.chars() - ngrams, entry.semantic() - semantic,
                    entry.semantic(), entry.overCohesion());
        }

        /** The lead of the first of a ranking over the rest. */
        static Lead ofFirst(List<LanguageIndex.Scored> ranked) {
            return ranked.isEmpty() ? NONE : of(ranked.getFirst(), ranked);
        }
    }

    /** The model's input, with 1 for the intercept (the evaluation fits on these). */
    static double[] features(Lead lead) {
        return new double[] {1, lead.words(), lead.ngrams(), lead.semantic(), lead.meaning(), lead.overCohesion()};
    }

    /** Each feature's term in the model's log-odds, the intercept first. */
    double[] terms(Lead lead) {
        double[] x = features(lead);
        double[] w = {intercept, wordLeadWeight, ngramLeadWeight, semanticLeadWeight, semanticWeight,
            overCohesionWeight};
        for (int i = 0; i < x.length; i++) {
            x[i] *= w[i];
        }
        return x;
    }

    double confidence(Lead lead) {
        double z = 0;
        for (double term : terms(lead)) {
            z += term;
        }
        return 1 / (1 + Math.exp(-z));
    }
}

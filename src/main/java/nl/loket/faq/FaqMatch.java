package nl.loket.faq;

import java.util.List;

/**
 * What the matcher did with one question.
 *
 * @param best the best entry, or null when nothing matched at all
 * @param confidence calibrated: about the chance that {@code best} is the right entry, in [0, 1]
 * @param confident true only for {@link Outcome#ANSWER}
 * @param candidates the top entries (at most five), best first
 * @param clarify for {@link Outcome#CLARIFY}: the two or three entries to choose from; empty otherwise
 */
public record FaqMatch(FaqCandidate best, double confidence, boolean confident, Outcome outcome,
        List<FaqCandidate> candidates, List<FaqCandidate> clarify, MatchExplanation explanation) {

    public enum Outcome {
        /** Answer with {@code best}. */
        ANSWER,
        /** Two or three entries fit about equally: ask the customer which one is meant. */
        CLARIFY,
        /** No entry fits well enough: pass the question on. */
        NONE
    }

    public FaqMatch {
        candidates = List.copyOf(candidates);
        clarify = List.copyOf(clarify);
    }
}

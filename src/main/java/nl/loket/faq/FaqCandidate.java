package nl.loket.faq;

/**
 * An entry the matcher considered.
 *
 * @param similarity how much of the question this entry explains, in [0, 1] (not a probability;
 *     {@link FaqMatch#confidence()} is)
 */
public record FaqCandidate(FaqEntry entry, double similarity) {
}

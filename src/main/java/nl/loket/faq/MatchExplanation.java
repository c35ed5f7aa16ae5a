package nl.loket.faq;

import java.util.List;
import java.util.Map;

/**
 * Why the matcher decided as it did, for editors trying questions.
 *
 * @param language the language whose entries were searched
 * @param detectedLanguage the detected language when none was given or the question was clearly in the
 *     other one; null otherwise
 * @param rule {@code exact} (an example question, normalised), {@code ranked} (BM25),
 *     {@code required-keyword-missing} (the best entry has {@code requiredKeywords} and the question holds
 *     none of them, so it is not answered), or {@code none}
 * @param analyzedQuery the question's terms after analysis (stems, compound parts, synonym tokens)
 * @param matchedTerms the analysed terms the best entry shares with the question
 * @param matchedKeywords the best entry's keywords and required keywords found in the question
 * @param corrections typo corrections applied: question term to known term
 * @param similarity the best entry's similarity: the mean of {@code wordSimilarity} and
 *     {@code ngramSimilarity}, mixed with {@code semanticSimilarity} when the semantic signal took part
 *     (the weights and each signal's share are in {@code signals})
 * @param runnerUpSimilarity the second entry's similarity (0 when there is none)
 * @param wordSimilarity the best entry's word signal (BM25 over analysed terms, normalised)
 * @param ngramSimilarity the best entry's character n-gram signal (TF-IDF cosine)
 * @param wordLead how far the best entry's word similarity leads the best word similarity of the others
 *     (negative when another entry has more words in common with the question)
 * @param ngramLead the same for the character n-gram similarity; the confidence is computed from the two leads
 * @param nearestExample the best entry's example (or title or keyword) closest to the question by
 *     character n-grams; null when none shares any
 * @param semantic where the semantic signal came from: {@code off}, {@code local}, {@code remote}, or
 *     {@code unavailable} (on, but its source did not answer: words and n-grams alone decided, with their
 *     own calibration)
 * @param semanticSimilarity the best entry's semantic signal (cosine of sentence embeddings; 0 without it)
 * @param semanticLead how far it leads the best semantic similarity of the others
 * @param semanticOverCohesion the cosine of the best entry's closest example minus how close that entry's
 *     examples are to each other (mean cosine of each to its nearest other one): below 0 when the question
 *     is further from the entry than its own examples are from each other (0 without the signal)
 * @param signals per signal that took part: its similarity, its share of {@code similarity}, its lead, and
 *     its part in the confidence
 */
public record MatchExplanation(String language, String detectedLanguage, String rule, List<String> analyzedQuery,
        List<String> matchedTerms, List<String> matchedKeywords, Map<String, String> corrections,
        double similarity, double runnerUpSimilarity, double wordSimilarity, double ngramSimilarity,
        double wordLead, double ngramLead, String nearestExample, String semantic, double semanticSimilarity,
        double semanticLead, double semanticOverCohesion, List<Signal> signals) {

    /**
     * One signal's part in a decision.
     *
     * @param name {@code words}, {@code ngrams} or {@code semantic}
     * @param similarity the best entry's similarity on this signal, in [0, 1]
     * @param share this signal's weighted part of the entry's similarity (the shares add up to 1)
     * @param lead how far the best entry leads the others on this signal
     * @param evidence this signal's term in the confidence's log-odds (its lead, and for {@code semantic} also
     *     its level and its distance over the entry's cohesion, times their fitted weights): positive pushes
     *     towards answering
     */
    public record Signal(String name, double similarity, double share, double lead, double evidence) {
    }
}

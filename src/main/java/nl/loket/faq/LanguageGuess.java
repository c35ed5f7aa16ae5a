package nl.loket.faq;

import java.util.Set;

/**
 * Tells Dutch from English for short chat questions: frequent function words plus how many of
 * the words each language's FAQ knows. Lingua would do this too, but it keeps its n-gram models
 * on the heap and, for only two languages that share an alphabet, these two signals are enough
 * (see docs/faq.md).
 *
 * @param certain whether the evidence is strong enough to overrule the conversation's language
 */
record LanguageGuess(String lang, boolean certain) {

    private static final Set<String> DUTCH = Set.of("de", "het", "een", "ik", "mijn", "je", "jullie", "niet",
            "geen", "wat", "hoe", "waar", "wanneer", "waarom", "kan", "kun", "wil", "van", "en", "op", "te", "voor",
            "met", "dat", "dit", "er", "ook", "bij", "naar", "moet", "heb", "hebben", "wordt", "krijg", "zijn",
            "mij", "jij", "u", "uw", "welke", "graag", "nog", "al", "maar", "als", "om", "aan", "doorgeven");
    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "i", "my", "you", "your", "not", "no",
            "what", "how", "where", "when", "why", "can", "want", "of", "and", "on", "to", "for", "with", "that",
            "this", "there", "also", "at", "do", "does", "is", "are", "get", "have", "has", "me", "which", "please",
            "still", "but", "if", "it", "from", "would", "should", "did", "be", "much", "pay", "am");

    static LanguageGuess of(String question, double knownDutch, double knownEnglish) {
        int dutch = 0;
        int english = 0;
        for (String word : LanguageIndex.normalise(question).split(" ")) {
            dutch += DUTCH.contains(word) ? 1 : 0;
            english += ENGLISH.contains(word) ? 1 : 0;
        }
        double evidence = (dutch - english) + 2 * (knownDutch - knownEnglish);
        String lang = evidence >= 0 ? "nl" : "en";
        boolean certain = Math.abs(dutch - english) >= 2 && Math.signum(dutch - english) == Math.signum(evidence);
        return new LanguageGuess(lang, certain);
    }
}

package nl.loket.faq;

/** A question from {@code tests.yml} with the entry id it must get, or {@code none}. */
record GoldenQuestion(String question, String lang, String expect, int line) {

    static final String NONE = "none";
}

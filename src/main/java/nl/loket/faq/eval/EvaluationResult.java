package nl.loket.faq.eval;

/**
 * The figures for one data set. AUROC is NaN when the set has no out-of-scope questions.
 *
 * @param answered share of in-scope questions answered (outcome ANSWER)
 * @param precision share of all answers (in- and out-of-scope questions) that were right
 * @param oosAnswered share of out-of-scope questions that were (wrongly) answered
 */
public record EvaluationResult(String dataset, int entries, int inScope, int outOfScope, double top1,
        double answered, double precision, double oosAnswered, double auroc, double microsPerQuestion) {

    /** A Markdown table header for {@link #row()}. */
    public static String header() {
        return "| data set | entries | in-scope | oos | top-1 | answered | precision | oos answered | AUROC | µs/q |\n"
                + "|---|---|---|---|---|---|---|---|---|---|";
    }

    public String row() {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %.1f %% | %.1f %% | %.1f %% | %s | %s | %.0f |",
                dataset, entries, inScope, outOfScope, 100 * top1, 100 * answered, 100 * precision,
                outOfScope == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * oosAnswered),
                Double.isNaN(auroc) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", auroc), microsPerQuestion);
    }
}

package nl.loket.faq;

/**
 * Turns the similarity of the best entry and its lead over the runner-up into a probability of
 * being right: a logistic model fitted on the train side of the public evaluation sets
 * ({@code nl.loket.faq.eval.FaqEvaluation --fit}, see docs/benchmarks.md).
 */
record Calibration(double intercept, double similarityWeight, double leadWeight) {

    static final Calibration SHIPPED = new Calibration(-0.960, -0.234, 17.447);

    double confidence(double similarity, double runnerUp) {
        double z = intercept + similarityWeight * similarity + leadWeight * (similarity - runnerUp);
        return 1 / (1 + Math.exp(-z));
    }
}

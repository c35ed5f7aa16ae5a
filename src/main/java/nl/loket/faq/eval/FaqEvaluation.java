package nl.loket.faq.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqMatch;
import nl.loket.faq.FaqProperties;
import nl.loket.faq.SemanticMode;
import nl.loket.faq.SentenceEmbeddings;

/**
 * Runs the production matcher (with the shipped settings) on the public data sets.
 *
 * <pre>bin/faq-eval [datasets-folder] [set ...] [--fit] [--curve] [--semantic=off|local]</pre>
 *
 * The folder defaults to {@code ../shared/datasets}; the sets to the six in docs/benchmarks.md. The
 * semantic signal is as shipped for the set's language unless {@code --semantic} sets it for both.
 * {@code --curve} prints, per threshold, the in-scope and out-of-scope questions answered.
 */
public final class FaqEvaluation {

    static final List<String> DEFAULT_SETS = List.of("banking77", "clinc150", "hwu64", "xsid-nl", "banking77-oos",
            "xsid-nl-oos");

    /**
     * A question's outcome: whether the best entry was right, answered, and its confidence.
     *
     * @param passes whether every rule but the threshold lets it be answered (an exact example, or the lead
     *     over the runner-up): then it is answered at any threshold up to its confidence
     */
    record Scored(boolean inScope, boolean correct, boolean answered, boolean passes, double confidence,
            double wordLead, double ngramLead, double semanticLead, double semantic, double overCohesion) {

        boolean answeredAt(double threshold) {
            return passes && confidence >= threshold;
        }

        /** The calibration's inputs, with 1 for the intercept (as {@code Calibration.features}). */
        double[] features() {
            return new double[] {1, wordLead, ngramLead, semanticLead, semantic, overCohesion};
        }
    }

    private FaqEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        List<String> rest = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        boolean fit = rest.contains("--fit");
        boolean curve = rest.contains("--curve");
        List<String> named = rest.stream().filter(a -> !a.startsWith("--")).toList();
        FaqProperties properties = rest.stream().filter(a -> a.startsWith("--semantic=")).findFirst()
                .map(a -> SemanticMode.valueOf(a.substring("--semantic=".length()).toUpperCase(java.util.Locale.ROOT)))
                .map(m -> FaqProperties.defaults(Path.of(".")).withSemantic(
                        new FaqProperties.Semantic(m, m, FaqProperties.Semantic.SHIPPED.cache())))
                .orElse(FaqProperties.defaults(Path.of(".")));
        List<String> sets = named.isEmpty() ? DEFAULT_SETS : named;
        if (!Files.isDirectory(folder)) {
            System.err.println("no data sets in " + folder.toAbsolutePath());
            System.exit(2);
        }
        List<SentenceEmbeddings> sources = SentenceEmbeddings.onClassPath();
        if (fit) {
            fit(folder, sets, properties, sources);
            return;
        }
        if (curve) {
            System.out.println("| data set | threshold | in-scope answered | oos answered | precision |");
            System.out.println("|---|---|---|---|---|");
            for (String set : sets) {
                curve(set, score(Dataset.read(folder.resolve(set)), properties, sources)).forEach(System.out::println);
            }
            return;
        }
        System.out.println(EvaluationResult.header());
        for (String set : sets) {
            System.out.println(evaluate(Dataset.read(folder.resolve(set)), properties, sources).row());
        }
    }

    /** One row per threshold: what the shipped calibration would answer there. */
    static List<String> curve(String set, List<Scored> scored) {
        List<String> rows = new ArrayList<>();
        long in = scored.stream().filter(Scored::inScope).count();
        long out = scored.size() - in;
        for (int step = 10; step <= 19; step++) {
            double t = step / 20.0;
            long inAnswered = scored.stream().filter(s -> s.inScope() && s.answeredAt(t)).count();
            long outAnswered = scored.stream().filter(s -> !s.inScope() && s.answeredAt(t)).count();
            long right = scored.stream().filter(s -> s.correct() && s.answeredAt(t)).count();
            rows.add(String.format(java.util.Locale.ROOT, "| %s | %.2f | %.1f %% | %s | %.1f %% |", set, t,
                    100.0 * share(inAnswered, in), out == 0 ? "–"
                            : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * share(outAnswered, out)),
                    100.0 * share(right, inAnswered + outAnswered)));
        }
        return rows;
    }

    /**
     * Fits the confidence's logistic model (the best entry's lead in words and in n-grams) on the sets and
     * prints it, with the answered share and precision each threshold would give per set.
     */
    private static void fit(Path folder, List<String> sets, FaqProperties properties,
            List<SentenceEmbeddings> sources) throws IOException {
        Map<String, List<Scored>> bySet = new java.util.LinkedHashMap<>();
        for (String set : sets) {
            bySet.put(set, score(Dataset.read(folder.resolve(set)), properties, sources));
        }
        // Each set weighs the same: otherwise the 15,000 questions of clinc150 decide for xsid-nl's 300.
        int n = 6;
        double[] w = new double[n];
        for (int iteration = 0; iteration < 20000; iteration++) {
            double[] gradient = new double[n];
            for (List<Scored> set : bySet.values()) {
                for (Scored s : set) {
                    double[] x = s.features();
                    double p = logistic(w, x);
                    for (int i = 0; i < n; i++) {
                        gradient[i] += (p - (s.correct() ? 1 : 0)) * x[i] / set.size();
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] -= 4.0 * gradient[i] / bySet.size();
            }
        }
        System.out.printf(java.util.Locale.ROOT, "new Calibration(%.3f, %.3f, %.3f, %.3f, %.3f, %.3f)%n", w[0], w[1],
                w[2], w[3], w[4], w[5]);
        for (var set : bySet.entrySet()) {
            for (double t = 0.3; t <= 0.951; t += 0.05) {
                long answered = 0;
                long right = 0;
                long inScope = set.getValue().stream().filter(Scored::inScope).count();
                long inAnswered = 0;
                for (Scored s : set.getValue()) {
                    if (logistic(w, s.features()) >= t) {
                        answered++;
                        right += s.correct() ? 1 : 0;
                        inAnswered += s.inScope() ? 1 : 0;
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "%s t=%.2f answered %.1f %% precision %.1f %%%n",
                        set.getKey(), t, 100.0 * inAnswered / inScope, 100.0 * right / Math.max(1, answered));
            }
        }
    }

    private static double logistic(double[] w, double[] x) {
        double z = 0;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public static EvaluationResult evaluate(Path datasetFolder) throws IOException {
        return evaluate(datasetFolder, FaqProperties.defaults(Path.of(".")), SentenceEmbeddings.onClassPath());
    }

    /** One set with the semantic signal from {@code sources} (another model, a remote endpoint). */
    public static EvaluationResult evaluate(Path datasetFolder, FaqProperties properties,
            List<SentenceEmbeddings> sources) throws IOException {
        return evaluate(Dataset.read(datasetFolder), properties, sources);
    }

    static EvaluationResult evaluate(Dataset data, FaqProperties properties, List<SentenceEmbeddings> sources) {
        List<Scored> scored = score(data, properties, sources);
        return summarise(data, scored, properties, sources);
    }

    static List<Scored> score(Dataset data, FaqProperties properties, List<SentenceEmbeddings> sources) {
        Faq faq = Faq.of(data.entries(), Map.of(), properties, sources);
        List<Scored> scored = new ArrayList<>();
        // -Dfaq.sample=N scores every N-th in-scope question: quicker while tuning
        int every = Integer.getInteger("faq.sample", 1);
        for (int i = 0; i < data.inScope().size(); i += every) {
            var question = data.inScope().get(i);
            FaqMatch match = faq.match(question.text(), data.lang());
            boolean correct = match.best() != null && match.best().entry().id().equals(question.label());
            scored.add(of(true, correct, match, properties));
        }
        for (String question : data.outOfScope()) {
            scored.add(of(false, false, faq.match(question, data.lang()), properties));
        }
        return scored;
    }

    private static Scored of(boolean inScope, boolean correct, FaqMatch match, FaqProperties properties) {
        var why = match.explanation();
        var candidates = match.candidates();
        double runnerUp = candidates.size() > 1 ? candidates.get(1).similarity() : 0;
        boolean passes = "exact".equals(why.rule()) || ("ranked".equals(why.rule())
                && match.best().similarity() - runnerUp >= properties.margin());
        return new Scored(inScope, correct, match.outcome() == FaqMatch.Outcome.ANSWER, passes, match.confidence(),
                match.explanation().wordLead(), match.explanation().ngramLead(), match.explanation().semanticLead(),
                match.explanation().semanticSimilarity(), match.explanation().semanticOverCohesion());
    }

    static EvaluationResult summarise(Dataset data, List<Scored> scored, FaqProperties properties,
            List<SentenceEmbeddings> sources) {
        Faq faq = Faq.of(data.entries(), Map.of(), properties, sources);
        long start = System.nanoTime();
        // -Dfaq.timed=N times N questions (0 skips the timing: quicker while tuning)
        int timed = Math.min(Integer.getInteger("faq.timed", 2000), data.inScope().size());
        for (int i = 0; i < timed; i++) {
            faq.match(data.inScope().get(i).text(), data.lang());
        }
        double micros = (System.nanoTime() - start) / 1000.0 / Math.max(1, timed);
        List<Scored> in = scored.stream().filter(Scored::inScope).toList();
        List<Scored> out = scored.stream().filter(s -> !s.inScope()).toList();
        double top1 = share(in.stream().filter(Scored::correct).count(), in.size());
        double answered = share(in.stream().filter(Scored::answered).count(), in.size());
        long answers = scored.stream().filter(Scored::answered).count();
        double precision = share(scored.stream().filter(s -> s.answered() && s.correct()).count(), answers);
        double oosAnswered = share(out.stream().filter(Scored::answered).count(), out.size());
        return new EvaluationResult(data.name(), data.entries().size(), in.size(), out.size(), top1, answered,
                precision, oosAnswered, auroc(in, out), micros);
    }

    /** The chance that a random in-scope question gets a higher confidence than a random out-of-scope one. */
    static double auroc(List<Scored> in, List<Scored> out) {
        if (in.isEmpty() || out.isEmpty()) {
            return Double.NaN;
        }
        double[] negatives = out.stream().mapToDouble(Scored::confidence).sorted().toArray();
        double wins = 0;
        for (Scored s : in) {
            int below = lowerBound(negatives, s.confidence());
            int notAbove = upperBound(negatives, s.confidence());
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) in.size() * negatives.length);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}

package nl.loket.faq;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks an FAQ folder without Redis, network or Spring, for editors and the content repository's
 * CI: every problem as {@code file:line: message}, exit code 1 when there are errors, 2 on wrong
 * usage, 0 otherwise. With {@code --against <folder>} it also lists the questions (golden and
 * example) that get a different answer from the other version of the content.
 *
 * <pre>bin/faq-check [faq-folder] [--against other-faq-folder]</pre>
 */
public final class FaqCheck {

    private final PrintStream out;

    FaqCheck(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new FaqCheck(System.out).run(args));
    }

    int run(String[] args) {
        Path dir = null;
        Path against = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--against") && i + 1 < args.length) {
                against = Path.of(args[++i]);
            } else if (args[i].startsWith("-") || dir != null) {
                out.println("usage: faq-check [faq-folder] [--against other-faq-folder]");
                return 2;
            } else {
                dir = Path.of(args[i]);
            }
        }
        return check(dir == null ? Path.of("faq") : dir, against);
    }

    private int check(Path dir, Path against) {
        for (Path folder : against == null ? List.of(dir) : List.of(dir, against)) {
            if (!Files.isDirectory(folder)) {
                out.println(folder + ": not a folder");
                return 2;
            }
        }
        FaqFiles.Loaded loaded = FaqFiles.read(dir, null);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        FaqIndex index = FaqIndex.build(loaded.entries(), loaded.synonyms(), FaqProperties.defaults(dir));
        problems.addAll(examples(dir, loaded, index));
        problems.addAll(golden(loaded, index));
        problems.addAll(repeatedGolden(loaded, index));
        problems.forEach(p -> out.println(dir.resolve(p.file()) + ":" + p.line() + ": "
                + (p.error() ? "" : "warning: ") + p.message()));
        long errors = problems.stream().filter(Problem::error).count();
        if (against != null) {
            compare(loaded, index, against);
        }
        out.printf(Locale.ROOT, "%d entries, %d golden questions: %d errors, %d warnings%n", loaded.byFile().size(),
                loaded.golden().size(), errors, problems.size() - errors);
        return errors > 0 ? 1 : 0;
    }

    /**
     * Each example must rank its own entry first and hold one of its required keywords, and each
     * entry must be found by its examples.
     */
    private static List<Problem> examples(Path dir, FaqFiles.Loaded loaded, FaqIndex index) {
        List<Problem> problems = new ArrayList<>();
        for (FaqEntry entry : loaded.entries()) {
            int own = 0;
            for (String question : entry.questions()) {
                if (!index.holdsRequiredKeyword(entry, question)) {
                    problems.add(Problem.error(entry.file(), lineOf(dir.resolve(entry.file()), question), "example '"
                            + question + "' holds none of the requiredKeywords of '" + entry.id()
                            + "', so it would never be answered: add the word customers use to the list"));
                }
                List<FaqCandidate> ranked = index.ranked(question, entry.lang());
                if (!ranked.isEmpty() && ranked.getFirst().entry().id().equals(entry.id())) {
                    own++;
                    continue;
                }
                String winner = ranked.isEmpty() ? "no entry" : "'" + ranked.getFirst().entry().id() + "' ("
                        + FaqIndex.round(ranked.getFirst().similarity()) + ")";
                problems.add(Problem.error(entry.file(), lineOf(dir.resolve(entry.file()), question),
                        "example '" + question + "' matches " + winner + " better than its own entry '"
                                + entry.id() + "'"));
            }
            if (own == 0) {
                problems.add(Problem.error(entry.file(), 2, "none of the examples of '" + entry.id()
                        + "' matches it: rewrite them in the words customers use"));
            }
        }
        return problems;
    }

    private static List<Problem> golden(FaqFiles.Loaded loaded, FaqIndex index) {
        List<Problem> problems = new ArrayList<>();
        for (GoldenQuestion golden : loaded.golden()) {
            if (!golden.expect().equals(GoldenQuestion.NONE) && index.byId(golden.expect()).isEmpty()) {
                problems.add(Problem.error(FaqFiles.TESTS, golden.line(), "unknown entry '" + golden.expect() + "'"));
                continue;
            }
            FaqMatch match = index.match(golden.question(), golden.lang());
            String got = answer(match);
            if (!got.equals(golden.expect())) {
                problems.add(Problem.error(FaqFiles.TESTS, golden.line(), "'" + golden.question() + "' ("
                        + golden.lang() + ") expected " + golden.expect() + ", got " + describe(match)));
            }
        }
        return problems;
    }

    /**
     * A golden question tests whether the matcher generalises from the examples; one that an
     * example repeats (the same words, or nearly: at least {@value #REPEATED} of their distinct
     * analysed terms shared) tests nothing and hides whether the content works for other wordings.
     */
    private static List<Problem> repeatedGolden(FaqFiles.Loaded loaded, FaqIndex index) {
        record Example(FaqEntry entry, String question, Set<String> terms) {
        }
        // Each example analysed once, not once per golden question.
        List<Example> examples = loaded.entries().stream().flatMap(entry -> entry.questions().stream()
                .map(q -> new Example(entry, q, Set.copyOf(index.analyze(q, entry.lang()))))).toList();
        List<Problem> problems = new ArrayList<>();
        for (GoldenQuestion golden : loaded.golden()) {
            Set<String> terms = Set.copyOf(index.analyze(golden.question(), golden.lang()));
            for (Example example : examples) {
                if (example.entry().lang().equals(golden.lang()) && overlap(terms, example.terms()) >= REPEATED) {
                    problems.add(Problem.error(FaqFiles.TESTS, golden.line(), "'" + golden.question()
                            + "' is repeated by the example '" + example.question() + "' of " + example.entry().id()
                            + ": write examples from the topic, not from the golden questions"));
                }
            }
        }
        return problems;
    }

    static final double REPEATED = 0.8;

    /** Shared terms over all terms of the two (Jaccard); 0 when both are empty. */
    static double overlap(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union.isEmpty() ? 0 : (double) a.stream().filter(b::contains).count() / union.size();
    }

    /** What a customer would get: the entry id when answered, otherwise none. */
    static String answer(FaqMatch match) {
        return match.outcome() == FaqMatch.Outcome.ANSWER ? match.best().entry().id() : GoldenQuestion.NONE;
    }

    private static String describe(FaqMatch match) {
        String best = match.best() == null ? "" : ", best " + match.best().entry().id();
        return answer(match) + " (" + match.outcome().name().toLowerCase(Locale.ROOT) + best + ", confidence "
                + FaqIndex.round(match.confidence()) + ")";
    }

    private void compare(FaqFiles.Loaded loaded, FaqIndex index, Path against) {
        FaqFiles.Loaded other = FaqFiles.read(against, null);
        FaqIndex otherIndex = FaqIndex.build(other.entries(), other.synonyms(), FaqProperties.defaults(against));
        Map<String, String> questions = new LinkedHashMap<>();
        loaded.golden().forEach(g -> questions.putIfAbsent(g.question(), g.lang()));
        other.golden().forEach(g -> questions.putIfAbsent(g.question(), g.lang()));
        loaded.entries().forEach(e -> e.questions().forEach(q -> questions.putIfAbsent(q, e.lang())));
        other.entries().forEach(e -> e.questions().forEach(q -> questions.putIfAbsent(q, e.lang())));
        int changed = 0;
        for (var question : questions.entrySet()) {
            String now = answer(index.match(question.getKey(), question.getValue()));
            String then = answer(otherIndex.match(question.getKey(), question.getValue()));
            if (!now.equals(then)) {
                changed++;
                out.println("changed: '" + question.getKey() + "' (" + question.getValue() + "): " + then + " -> "
                        + now);
            }
        }
        out.println(changed + " of " + questions.size() + " questions get a different answer than with " + against);
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // fall back to the front matter's first line
        }
        return 2;
    }
}

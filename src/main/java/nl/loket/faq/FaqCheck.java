package nl.loket.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.loket.content.ContentCheck;
import nl.loket.content.Problem;

/**
 * The FAQ part of {@code bin/faq-check}: the entries, synonyms and golden questions as the server reads
 * them, plus what only a check can see: every example must find its own entry, every golden question
 * must get the answer it expects and must not repeat an example, and a notice that has ended or ends
 * within {@value #NOTICE_WARNING_DAYS} days is warned about (the widget stops showing it then). With
 * {@code --against <folder>} it also lists the questions (golden and example) that get a different
 * answer from the other version of the content.
 */
public final class FaqCheck implements ContentCheck {

    static final int NOTICE_WARNING_DAYS = 30;

    @Override
    public Report check(Context context) {
        Path dir = context.faq();
        FaqFiles.Loaded loaded = FaqFiles.read(dir, null);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        FaqIndex index = FaqIndex.build(loaded.entries(), loaded.synonyms(), FaqProperties.defaults(dir));
        problems.addAll(examples(dir, loaded, index));
        problems.addAll(golden(dir, loaded, index));
        problems.addAll(repeatedGolden(dir, loaded, index));
        problems.addAll(notices(dir, loaded, context.clock().instant()));
        List<String> notes = context.against().map(against -> compare(loaded, index, against)).orElse(List.of());
        return new Report(String.format(Locale.ROOT, "%d entries, %d golden questions", loaded.byFile().size(),
                loaded.golden().size()), problems, notes);
    }

    /** A notice that has ended, or is about to, is a reminder for the editor, not an error: the FAQ still works. */
    private static List<Problem> notices(Path dir, FaqFiles.Loaded loaded, Instant now) {
        List<Problem> problems = new ArrayList<>();
        for (FaqEntry entry : loaded.entries()) {
            if (entry.notice() == null) {
                continue;
            }
            OffsetDateTime until = entry.notice().until();
            Path file = dir.resolve(entry.file());
            long days = Duration.between(now, until.toInstant()).toDays();
            if (!until.toInstant().isAfter(now)) {
                problems.add(Problem.warning(file.toString(), lineOf(file, "notice:"), "the notice ended on " + until
                        + ": the widget no longer shows it; move 'until' or remove the notice"));
            } else if (days < NOTICE_WARNING_DAYS) {
                problems.add(Problem.warning(file.toString(), lineOf(file, "notice:"), "the notice ends on " + until
                        + (days == 0 ? ", within a day" : ", in " + days + (days == 1 ? " day" : " days"))
                        + ": move 'until' if it should be shown longer"));
            }
        }
        return problems;
    }

    /**
     * Each example must rank its own entry first and hold one of its required keywords, and each
     * entry must be found by its examples.
     */
    private static List<Problem> examples(Path dir, FaqFiles.Loaded loaded, FaqIndex index) {
        List<Problem> problems = new ArrayList<>();
        for (FaqEntry entry : loaded.entries()) {
            Path file = dir.resolve(entry.file());
            int own = 0;
            for (String question : entry.questions()) {
                if (!index.holdsRequiredKeyword(entry, question)) {
                    problems.add(Problem.error(file.toString(), lineOf(file, question), "example '"
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
                problems.add(Problem.error(file.toString(), lineOf(file, question),
                        "example '" + question + "' matches " + winner + " better than its own entry '"
                                + entry.id() + "'"));
            }
            if (own == 0) {
                problems.add(Problem.error(file.toString(), 2, "none of the examples of '" + entry.id()
                        + "' matches it: rewrite them in the words customers use"));
            }
        }
        return problems;
    }

    private static List<Problem> golden(Path dir, FaqFiles.Loaded loaded, FaqIndex index) {
        String tests = dir.resolve(FaqFiles.TESTS).toString();
        List<Problem> problems = new ArrayList<>();
        for (GoldenQuestion golden : loaded.golden()) {
            if (!golden.expect().equals(GoldenQuestion.NONE) && index.byId(golden.expect()).isEmpty()) {
                problems.add(Problem.error(tests, golden.line(), "unknown entry '" + golden.expect() + "'"));
                continue;
            }
            FaqMatch match = index.match(golden.question(), golden.lang());
            String got = answer(match);
            if (!got.equals(golden.expect())) {
                problems.add(Problem.error(tests, golden.line(), "'" + golden.question() + "' ("
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
    private static List<Problem> repeatedGolden(Path dir, FaqFiles.Loaded loaded, FaqIndex index) {
        String tests = dir.resolve(FaqFiles.TESTS).toString();
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
                    problems.add(Problem.error(tests, golden.line(), "'" + golden.question()
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

    private static List<String> compare(FaqFiles.Loaded loaded, FaqIndex index, Path against) {
        List<String> notes = new ArrayList<>();
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
                notes.add("changed: '" + question.getKey() + "' (" + question.getValue() + "): " + then + " -> "
                        + now);
            }
        }
        notes.add(changed + " of " + questions.size() + " questions get a different answer than with " + against);
        return notes;
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

package nl.loket.llm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Citation or abstain, in code: an answer goes out only when it cites at least one of the sources
 * it was given, cites no other number, sends the reader only to hosts, e-mail addresses and phone
 * numbers that the sources it cites contain, and does not repeat the system prompt.
 */
@Component
class AnswerCheck {

    /** "[1]", "[2, 3]", "[1][2]". */
    static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");
    /** A run this long copied from the system prompt is a leak, not a coincidence. */
    static final int LEAK_WORDS = 10;

    sealed interface Verdict {
        record Accepted(String text, List<GroundingSource> cited) implements Verdict {
        }

        record Abstained() implements Verdict {
        }

        /** @param reason uncited, unknown_source, unknown_link, leak, empty */
        record Blocked(String reason) implements Verdict {
        }
    }

    Verdict check(String raw, List<GroundingSource> sources, String systemPrompt) {
        if (raw.contains(GroundedPrompt.ABSTAIN)) {
            return new Verdict.Abstained();
        }
        if (leaks(raw, systemPrompt)) {
            return new Verdict.Blocked("leak");
        }
        Set<Integer> cited = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(raw);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                cited.add(Integer.parseInt(n.trim()));
            }
        }
        if (cited.isEmpty()) {
            return new Verdict.Blocked("uncited");
        }
        if (cited.stream().anyMatch(n -> n < 1 || n > sources.size())) {
            return new Verdict.Blocked("unknown_source");
        }
        List<GroundingSource> citedSources = new ArrayList<>();
        cited.forEach(n -> citedSources.add(sources.get(n - 1)));
        if (!onlyKnownDestinations(raw, citedSources)) {
            return new Verdict.Blocked("unknown_link");
        }
        String text = readable(raw);
        if (text.isBlank()) {
            return new Verdict.Blocked("empty");
        }
        return new Verdict.Accepted(text, citedSources);
    }

    /** Whether every link host, e-mail address and phone number in {@code text} is one of the sources'. */
    static boolean onlyKnownDestinations(String text, List<GroundingSource> sources) {
        Set<String> allowed = new HashSet<>();
        sources.forEach(s -> allowed.addAll(s.urls()));
        return allowed.containsAll(Destinations.in(text));
    }

    /** The answer without its markers (the event lists the sources) and without the space before them. */
    static String readable(String raw) {
        return MARKER.matcher(raw).replaceAll("").replaceAll("[ \\t]+([.,;:!?])", "$1")
                .replaceAll("[ \\t]{2,}", " ").replaceAll("[ \\t]+\n", "\n").strip();
    }

    static boolean leaks(String answer, String systemPrompt) {
        List<String> prompt = words(systemPrompt);
        if (prompt.size() < LEAK_WORDS) {
            return false;
        }
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + LEAK_WORDS <= prompt.size(); i++) {
            runs.add(String.join(" ", prompt.subList(i, i + LEAK_WORDS)));
        }
        List<String> said = words(answer);
        for (int i = 0; i + LEAK_WORDS <= said.size(); i++) {
            if (runs.contains(String.join(" ", said.subList(i, i + LEAK_WORDS)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        String cleaned = MARKER.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return cleaned.isEmpty() ? List.of() : List.of(cleaned.split(" "));
    }
}

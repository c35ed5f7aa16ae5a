package nl.loket.insight;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import nl.loket.faq.FaqEntry;

/** A draft FAQ file for a group of unanswered questions: the editor writes the answer and saves it in faq/. */
final class DraftFaq {

    /** The FAQ check's minimum of example questions per entry (FaqFiles): a draft shows how many are missing. */
    static final int MIN_QUESTIONS = 5;
    static final String MORE_NL = "  # - nog een manier waarop klanten dit vragen";
    static final String MORE_EN = "  # - another way customers ask this";

    private DraftFaq() {
    }

    static String slug(String question) {
        String ascii = Normalizer.normalize(question, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("\\[[^\\]]*]", " ").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-[^-]*$", "") : slug;
        return slug.isEmpty() ? "nieuwe-vraag" : slug;
    }

    /** {@code questions}: the group's distinct questions, all of them; a line to fill in for each one short of the minimum. */
    static String of(String slug, String lang, List<String> questions, int count, FaqEntry closest) {
        StringBuilder s = new StringBuilder("---\n");
        s.append("id: ").append(slug).append('\n');
        s.append("lang: ").append(lang).append('\n');
        s.append("title: ").append(quoted(questions.getFirst())).append('\n');
        s.append("questions:\n");
        questions.forEach(q -> s.append("  - ").append(quoted(q)).append('\n'));
        for (int i = questions.size(); i < MIN_QUESTIONS; i++) {
            s.append(lang.equals("nl") ? MORE_NL : MORE_EN).append('\n');
        }
        s.append("keywords: []\n");
        s.append("---\n");
        s.append("<!-- Draft from the insights page: asked ").append(count).append(count == 1 ? " time" : " times")
                .append(" without a confident answer. ");
        s.append(closest == null ? "No entry came close."
                : "Closest entry now: " + closest.id() + " (" + closest.title().replace("--", "-") + ").");
        s.append("\n     Write the answer below");
        if (questions.size() < MIN_QUESTIONS) {
            s.append(" and at least ").append(MIN_QUESTIONS - questions.size()).append(" more ways to ask it (the # lines)");
        }
        s.append(", save this as faq/").append(lang).append('/').append(slug)
                .append(".md and run bin/faq-check faq to see what it changes. -->\n");
        s.append(lang.equals("nl") ? "Schrijf hier het antwoord.\n" : "Write the answer here.\n");
        return s.toString();
    }

    /** A YAML double-quoted scalar: safe for any question text. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
    }
}

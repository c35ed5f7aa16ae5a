package nl.loket.llm;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.loket.content.ContentFile;

/** {@code {{name}}} placeholders: validation with line numbers, and single-pass filling. */
final class PromptTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private PromptTemplate() {
    }

    /** Adds to {@code file} every unknown or missing placeholder and stray brace, at its line. */
    static void check(ContentFile file, String text, Set<String> required, Set<String> allowed) {
        if (text.isBlank()) {
            file.error(1, "the file is empty");
            return;
        }
        String[] lines = text.split("\n", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = PLACEHOLDER.matcher(lines[i]);
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    file.error(i + 1, "unknown placeholder {{" + m.group(1) + "}}; allowed: "
                            + String.join(", ", allowed.stream().sorted().map(a -> "{{" + a + "}}").toList()));
                }
                seen.add(m.group(1));
            }
            String rest = m.replaceAll("");
            if (rest.contains("{{") || rest.contains("}}")) {
                file.error(i + 1, "'{{' or '}}' that is not a placeholder like {{question}}");
            }
        }
        required.stream().sorted().filter(r -> !seen.contains(r)).forEach(r -> file.error(lines.length,
                "missing required placeholder {{" + r + "}}"));
    }

    /** Fills every placeholder in one pass, so a value that contains "{{question}}" stays text. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}

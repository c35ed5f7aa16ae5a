package nl.loket.action;

import java.util.Map;

/** A text an editor wrote per language ({@code nl} and {@code en}). */
record Texts(Map<String, String> byLang) {

    static final Texts NONE = new Texts(Map.of());

    Texts {
        byLang = Map.copyOf(byLang);
    }

    /** The text in {@code lang}, else in Dutch, else empty. */
    String in(String lang) {
        return byLang.getOrDefault(lang, byLang.getOrDefault("nl", ""));
    }

    boolean isEmpty() {
        return byLang.isEmpty();
    }

    /** {@code {name}} in the text replaced by its value; unknown names stay as written. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            out.append(template, i, open).append(values.getOrDefault(name, "{" + name + "}"));
            i = close + 1;
        }
        return out.toString();
    }
}

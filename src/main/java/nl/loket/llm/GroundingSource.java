package nl.loket.llm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FAQ entry the answer may rest on, numbered by its position in the request ([1] is the first).
 *
 * @param urls every link in {@code markdown}; an answer may only contain links from its sources
 */
public record GroundingSource(String id, String title, String markdown, List<String> urls) {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>()\\[\\]\"'`]+");

    public GroundingSource {
        urls = List.copyOf(urls);
    }

    /** A source with the links found in its Markdown. */
    public static GroundingSource of(String id, String title, String markdown) {
        return new GroundingSource(id, title, markdown, linksIn(markdown));
    }

    static List<String> linksIn(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = URL.matcher(text == null ? "" : text);
        while (m.find()) {
            links.add(normalize(m.group()));
        }
        return List.copyOf(links);
    }

    /** Compares links without scheme, "www.", case, or the punctuation a sentence puts after them. */
    static String normalize(String link) {
        String s = link.toLowerCase().replaceAll("[.,;:!?*_]+$", "");
        s = s.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

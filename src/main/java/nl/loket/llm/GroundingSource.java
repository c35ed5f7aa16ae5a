package nl.loket.llm;

import java.util.List;

/**
 * One FAQ entry the answer may rest on, numbered by its position in the request ([1] is the first).
 *
 * @param urls every destination in {@code markdown} (link hosts, e-mail addresses, phone numbers, as
 *     {@link Destinations} names them); an answer may only use the destinations of the sources it cites
 */
public record GroundingSource(String id, String title, String markdown, List<String> urls) {

    public GroundingSource {
        urls = List.copyOf(urls);
    }

    /** A source with the destinations found in its Markdown. */
    public static GroundingSource of(String id, String title, String markdown) {
        return new GroundingSource(id, title, markdown, List.copyOf(Destinations.in(markdown)));
    }
}

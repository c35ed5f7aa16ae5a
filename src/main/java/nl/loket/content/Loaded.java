package nl.loket.content;

import java.util.List;

/**
 * One read of a kind of content.
 *
 * @param value what can serve, or null when nothing in this read can (the previous version stays)
 * @param problems everything found, including the parts that were left out or kept from before
 */
public record Loaded<T>(T value, List<Problem> problems) {

    public Loaded {
        problems = List.copyOf(problems);
    }
}

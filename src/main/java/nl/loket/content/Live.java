package nl.loket.content;

import java.util.List;

/**
 * The version of a kind of content that is serving now, kept up to date by the {@link ContentWatcher}.
 * Reads are lock-free: a new version replaces the old one in one step.
 */
public final class Live<T> {

    private record Version<T>(T value, List<Problem> problems, long number) {
    }

    private final String kind;
    private volatile Version<T> current;

    Live(String kind, T initial) {
        this.kind = kind;
        this.current = new Version<>(initial, List.of(), 0);
    }

    public String kind() {
        return kind;
    }

    /** The last good value, or the initial one when there never was a good read. */
    public T current() {
        return current.value();
    }

    /** The problems of the last read (the value serving may be an older one). */
    public List<Problem> problems() {
        return current.problems();
    }

    /** Counts up by one each time a new value starts serving, so callers can cache what they build from it. */
    public long version() {
        return current.number();
    }

    /** Serves {@code loaded}'s value when it has one; returns whether it did. */
    boolean update(Loaded<T> loaded) {
        Version<T> previous = current;
        boolean serving = loaded.value() != null;
        current = serving ? new Version<>(loaded.value(), loaded.problems(), previous.number() + 1)
                : new Version<>(previous.value(), loaded.problems(), previous.number());
        return serving;
    }
}

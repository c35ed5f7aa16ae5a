package nl.loket.llm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds streamed text back until it is safe to show, so that no delta ever carries a link, e-mail
 * address or phone number that the check at the end would block. Text goes out a word at a time,
 * once the space after it has arrived (a link or address has no spaces); a run of digits waits for
 * the word after it (a phone number spans groups: "020 123 4567"). Before anything goes out, the
 * text shown so far plus the new part is read as {@link Destinations}; once it sends the reader
 * anywhere none of the offered sources does, nothing more is shown and the final check decides.
 *
 * <p>While streaming it is not yet known which sources the answer will cite, so every offered
 * source's destinations count here; the check at the end holds the answer to the cited ones.
 */
final class StreamGuard {

    private final Set<String> allowed = new HashSet<>();
    private final StringBuilder shown = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private boolean stopped;

    StreamGuard(List<GroundingSource> sources) {
        sources.forEach(s -> allowed.addAll(s.urls()));
    }

    /** The part of the text so far that may be shown now (possibly empty). */
    String accept(String text) {
        pending.append(text);
        return stopped ? "" : release(safeEnd());
    }

    /** What is still held back, at the end of the stream, when it is safe. */
    String flush() {
        return stopped ? "" : release(pending.length());
    }

    private String release(int end) {
        if (end <= 0) {
            return "";
        }
        String part = pending.substring(0, end);
        if (!allowed.containsAll(Destinations.in(shown + part))) {
            stopped = true;
            return "";
        }
        shown.append(part);
        pending.delete(0, end);
        return part;
    }

    /** Up to the last space, but not into a trailing run of digits that the next token may extend. */
    private int safeEnd() {
        int end = pending.length();
        while (end > 0 && !Character.isWhitespace(pending.charAt(end - 1))) {
            end--;
        }
        int run = end;
        boolean digits = false;
        while (run > 0 && partOfNumber(pending.charAt(run - 1))) {
            digits |= Character.isDigit(pending.charAt(run - 1));
            run--;
        }
        return digits ? run : end;
    }

    private static boolean partOfNumber(char c) {
        return Character.isDigit(c) || Character.isWhitespace(c) || "+()-./".indexOf(c) >= 0;
    }
}

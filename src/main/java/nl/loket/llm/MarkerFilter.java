package nl.loket.llm;

/**
 * Turns the model's tokens into the text the customer sees while it streams: citation markers are
 * dropped (the final event lists the sources), and nothing is shown while the reply may still turn
 * out to be the abstain marker. A marker can be split over tokens ("[", "1", "]"), so a possible
 * marker and the spaces before it are held back until it is decided.
 */
final class MarkerFilter {

    private final StringBuilder pending = new StringBuilder();
    private boolean emittedAny;
    private boolean abstained;

    /** Text that may be shown now (possibly empty). */
    String accept(String token) {
        pending.append(token);
        if (abstained) {
            return "";
        }
        if (!emittedAny) {
            String start = pending.toString().stripLeading();
            if (start.contains(GroundedPrompt.ABSTAIN)) {
                abstained = true;
                return "";
            }
            if (GroundedPrompt.ABSTAIN.startsWith(start)) {
                return "";
            }
        }
        return drain(false);
    }

    /** What is still held back, at the end of the stream. */
    String flush() {
        return abstained ? "" : drain(true);
    }

    private String drain(boolean end) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pending.length()) {
            char c = pending.charAt(i);
            if (c == '[' || Character.isWhitespace(c)) {
                int wsEnd = i;
                while (wsEnd < pending.length() && Character.isWhitespace(pending.charAt(wsEnd))) {
                    wsEnd++;
                }
                if (wsEnd == pending.length()) {
                    if (end) {
                        out.append(pending, i, wsEnd);
                        i = wsEnd;
                    }
                    break;
                }
                if (pending.charAt(wsEnd) != '[') {
                    out.append(pending, i, wsEnd);
                    i = wsEnd;
                    continue;
                }
                int close = markerEnd(wsEnd);
                if (close == -1 && !end) {
                    break; // undecided: wait for more tokens
                }
                if (close > 0) {
                    i = close; // a marker: drop it and the spaces before it
                    continue;
                }
                out.append(pending, i, wsEnd + 1);
                i = wsEnd + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        pending.delete(0, i);
        if (!out.isEmpty()) {
            emittedAny = true;
        }
        return out.toString();
    }

    /** The index after a complete marker starting at {@code open}, -1 when undecided, -2 when not a marker. */
    private int markerEnd(int open) {
        int j = open + 1;
        while (j < pending.length()) {
            char c = pending.charAt(j);
            if (c == ']') {
                return j > open + 1 ? j + 1 : -2;
            }
            if (!Character.isDigit(c) && c != ',' && c != ' ') {
                return -2;
            }
            if (j - open > 12) {
                return -2;
            }
            j++;
        }
        return -1;
    }
}

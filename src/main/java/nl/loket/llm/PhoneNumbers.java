package nl.loket.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers in running text, however they are grouped: {@code 020 123 4567}, {@code (020) 123 4567},
 * {@code 06.12.34.56.78}, {@code +31 (0)6 1234 5678}, {@code +32 2 123 45 67}. A run of digit groups
 * is split into the numbers it holds, so "bel 0612345678 2 keer" finds the number and leaves the 2.
 * Used both to redact what the model sees and to check what it writes.
 */
final class PhoneNumbers {

    /** Digit groups joined by at most two separators; a "+" or "00" may lead. */
    private static final Pattern RUN = Pattern.compile(
            "(?<![\\p{L}\\p{N}+,])\\+?\\(?\\d+(?:[ \\u00A0\\-.()/]{1,2}\\d+)*(?!\\p{N})");
    private static final Pattern GROUP = Pattern.compile("\\d+");
    /** A date (01-02-2025, 1.2.25) is no phone number, nor the start of one. */
    private static final Pattern DATE = Pattern.compile("\\d{1,2}([-/.])\\d{1,2}\\1(?:(?:19|20)\\d{2}(?!\\d)|\\d{2}$)");

    /** A number found: where it is in the text and its canonical digits (national for +31, else "+..."). */
    record Found(int start, int end, String canonical) {
    }

    private PhoneNumbers() {
    }

    static List<Found> in(String text) {
        List<Found> found = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            List<int[]> groups = new ArrayList<>();
            Matcher g = GROUP.matcher(text).region(run.start(), run.end());
            while (g.find()) {
                groups.add(new int[] {g.start(), g.end()});
            }
            int i = 0;
            while (i < groups.size()) {
                int next = i + 1;
                for (int j = groups.size() - 1; j >= i; j--) {
                    int start = i == 0 ? run.start() : prefixStart(text, groups.get(i)[0]);
                    String candidate = text.substring(start, groups.get(j)[1]);
                    String canonical = canonical(candidate);
                    if (canonical != null) {
                        found.add(new Found(start, groups.get(j)[1] + closingParen(text, groups.get(j)[1], candidate),
                                canonical));
                        next = j + 1;
                        break;
                    }
                }
                i = next;
            }
        }
        return found;
    }

    /** A number inside a group run may start with its own "+" or "(". */
    private static int prefixStart(String text, int digit) {
        int start = digit;
        while (start > 0 && (text.charAt(start - 1) == '(' || text.charAt(start - 1) == '+')) {
            start--;
        }
        return start;
    }

    private static int closingParen(String text, int end, String candidate) {
        return candidate.indexOf('(') > candidate.indexOf(')') && end < text.length() && text.charAt(end) == ')' ? 1 : 0;
    }

    /**
     * The digits that identify the number, or null when the candidate is no phone number: a Dutch
     * number has ten digits from its leading 0 (service numbers 0800/0900 eight or eleven), an
     * international one 8 to 15 after its country code.
     */
    static String canonical(String candidate) {
        String trimmed = candidate.strip();
        if (DATE.matcher(trimmed).lookingAt()) {
            return null;
        }
        String digits = trimmed.replaceAll("\\D", "");
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        if (international) {
            digits = trimmed.startsWith("+") ? digits : digits.substring(2);
            if (digits.startsWith("31")) {
                digits = "0" + digits.substring(2).replaceFirst("^0", "");
            } else {
                return digits.length() >= 8 && digits.length() <= 15 ? "+" + digits : null;
            }
        }
        if (!digits.startsWith("0") || digits.length() < 2 || digits.charAt(1) == '0') {
            return null;
        }
        if (digits.matches("09\\d\\d\\d{4}|09\\d\\d\\d{7}|0800\\d{4}|0800\\d{7}")) {
            return digits;
        }
        return digits.length() == 10 ? digits : null;
    }
}

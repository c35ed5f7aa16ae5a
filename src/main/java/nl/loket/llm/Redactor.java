package nl.loket.llm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Replaces personal data with placeholders before any text leaves Loket for the LLM. Checksums
 * (IBAN mod-97, the BSN 11-test) keep ordinary numbers such as amounts readable; the configured
 * patterns cover an organisation's own customer and contract numbers.
 */
@Component
class Redactor {

    private record Rule(String placeholder, Pattern pattern, Predicate<String> accept) {
    }

    private final List<Rule> rules = new ArrayList<>();

    Redactor(LlmProperties properties) {
        rules.add(new Rule("[e-mail]", Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+"), s -> true));
        rules.add(new Rule("[IBAN]",
                // Spaced groups only in capitals, so a following word is never read as part of it.
                Pattern.compile("\\b(?:[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?"
                        + "|[A-Za-z]{2}\\d{2}[A-Za-z0-9]{11,30})\\b"), Redactor::validIban));
        for (LlmProperties.NamedPattern p : properties.redaction().patterns()) {
            rules.add(new Rule("[" + p.name() + "]", Pattern.compile(p.regex()), s -> true));
        }
        rules.add(new Rule("[phone]", Pattern.compile(
                "(?<![\\w+])(?:(?:\\+|00)31[ -]?(?:\\(0\\)[ -]?)?|0)[1-9](?:[ -]?\\d){8}(?!\\d)"), s -> true));
        rules.add(new Rule("[BSN]", Pattern.compile("(?<![\\d.])(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3})(?![\\d.])"),
                Redactor::validBsn));
        // Upper-case letters when spaced ("1234 AB"), so "in 2024 en" stays; a house number may follow.
        rules.add(new Rule("[address]", Pattern.compile(
                "\\b[1-9]\\d{3}(?: ?[A-Z]{2}|[a-z]{2})\\b(?:,? ?(?:nr\\.? ?)?\\d{1,5}(?: ?[a-zA-Z](?![a-zA-Z]))?)?"),
                s -> true));
        rules.add(new Rule("[address]", Pattern.compile("\\b\\p{L}+(?:straat|laan|weg|plein|gracht|kade|singel|dijk"
                + "|hof|pad|steeg|dreef|park|street|road|avenue|lane) \\d{1,5}(?: ?[a-zA-Z](?![a-zA-Z]))?\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS), s -> true));
        // What is left of long digit runs is an account or reference number more often than not.
        rules.add(new Rule("[number]", Pattern.compile("(?<!\\d)\\d{8,}(?!\\d)"), s -> true));
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : rules) {
            result = apply(rule, result);
        }
        return result;
    }

    private static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        boolean valueGroup = rule.pattern().pattern().contains("(?<value>");
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            int start = valueGroup ? m.start("value") : m.start();
            int end = valueGroup ? m.end("value") : m.end();
            if (start < 0 || !rule.accept().test(text.substring(start, end))) {
                continue;
            }
            out.append(text, last, start).append(rule.placeholder());
            last = end;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, the rest mod 97 is 1. */
    static boolean validIban(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** The BSN 11-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 (and not zero). */
    static boolean validBsn(String candidate) {
        String bsn = candidate.replace(".", "");
        if (bsn.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum != 0 && sum % 11 == 0;
    }
}

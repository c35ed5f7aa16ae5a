package nl.loket.llm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Replaces personal data with placeholders before any text leaves Loket for the LLM: first what
 * Loket knows about this customer ({@link KnownCustomer}), then patterns for the Dutch formats.
 * Checksums (IBAN mod-97, the BSN 11-test) keep ordinary numbers such as amounts readable; the
 * configured patterns cover an organisation's own customer and contract numbers. The rules run in
 * order, each on what the ones before left, so a more specific format (an IBAN, a card) is taken
 * before a looser one (a phone number, a run of digits) can take part of it.
 */
@Component
class Redactor {

    private record Span(int start, int end) {
    }

    /** Where one kind of personal data is in a text. */
    private record Rule(String placeholder, Function<String, List<Span>> find) {
    }

    private static final String MONTH = "(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
            + "|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul"
            + "|aug|sept?|okt|oct|nov|dec)\\.?";
    /** A full date with a four-digit year: 12-03-1985, 1985-03-12, 3 maart 1985, March 3rd, 1985. */
    private static final String DATE = "(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:19|20)\\d{2}|(?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}"
            + "|\\d{1,2}(?:e|ste|de|st|nd|rd|th)?\\s+" + MONTH + "\\s+(?:19|20)\\d{2}"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2})(?!\\d)";
    /** The small words of Dutch surnames, alone or combined ("van der", "in 't"). */
    private static final String PARTICLES = "(?:(?:van|de|der|den|het|'t|ten|ter|te|op|in|von|la|le|du|da|di)\\s+)*";
    private static final String WORD = "\\p{Lu}[\\p{Ll}'’-]+";
    /** Jan, Jan de Vries, Anna van der Berg-Smit, J. de Wit, J.P. Balkenende. */
    private static final String NAME = "(?:(?:\\p{Lu}\\.\\s?){1,4}" + PARTICLES + WORD + "|" + WORD
            + "(?:\\s+" + PARTICLES + WORD + "){0,3})";
    /** A street name of one to three words and a house number: Markt 5, Grote Markt 12b, Laan van Meerdervoort 3-1. */
    private static final String STREET = WORD + "(?:\\s+(?:" + WORD + "|van|de|der|den|het|'t|aan|op)){0,3}"
            + "\\s+\\d{1,5}(?:\\s?[a-zA-Z](?!\\p{L}))?(?:[-/]\\d{1,4})?";
    /** Two letters after a postcode that are a word, not the letters of a postcode: "in 2024 en 2025". */
    private static final Set<String> NOT_POSTCODE_LETTERS = Set.of("en", "in", "op", "of", "te", "is", "ik", "om",
            "al", "na", "nu", "er", "ze", "je", "we", "me", "at", "as", "an", "or", "on", "to", "be", "by", "do", "go",
            "he", "if", "it", "my", "no", "so", "up", "us", "am", "pm", "eu", "kg", "km", "cm", "mm", "st");

    private final List<Rule> rules = new ArrayList<>();

    Redactor(LlmProperties properties) {
        rules.add(regex("[e-mail]", "[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0, s -> true));
        rules.add(new Rule("[IBAN]", Redactor::ibans));
        for (LlmProperties.NamedPattern p : properties.redaction().patterns()) {
            rules.add(regex("[" + p.name() + "]", p.regex(), 0, s -> true));
        }
        rules.add(regex("[card]", "(?<![\\d-])\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?(?![\\d-])"
                + "|(?<![\\d-])\\d{4}[ -]\\d{6}[ -]\\d{5}(?![\\d-])", 0, s -> true));
        // Before dates and phone numbers: a document number is often all digits.
        rules.add(regex("[document-number]", "\\b(?:paspoort|passport|id[- ]?kaart|id[- ]?bewijs|identiteitskaart"
                + "|identiteitsbewijs|identity\\s+card|id\\s+card|document|rijbewijs|driving\\s+licen[cs]e"
                + "|driver'?s\\s+licen[cs]e)(?:nummer|nr\\.?|\\s+number|\\s+no\\.?|\\s+nummer|\\s+nr\\.?)?"
                + "(?:\\s+is)?\\s*:?\\s*(?<value>(?=[\\p{L}\\d]*\\d)[A-Za-z0-9]{6,12})\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE, s -> true));
        // The Dutch passport and identity card number: two letters, six letters or digits, a digit; no O.
        rules.add(regex("[document-number]", "\\b[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d\\b", 0, s -> true));
        rules.add(regex("[date-of-birth]", "\\b(?:geboren(?:\\s+op|\\s+in)?|geb\\.|geboortedatum|geboortedag"
                + "|date\\s+of\\s+birth|birth\\s*date|birthday|dob|born(?:\\s+on|\\s+in)?|verjaardag)"
                + "(?:\\s+is)?\\s*:?\\s*"
                + "(?<value>" + DATE + "|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2}(?!\\d)|(?:19|20)\\d{2}(?!\\d))",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE, s -> true));
        // Any other full date may be one too; a date without a year ("sinds 1 januari") stays.
        rules.add(regex("[date]", "(?<![\\d-])" + DATE, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE, s -> true));
        rules.add(new Rule("[phone]", text -> PhoneNumbers.in(text).stream()
                .map(f -> new Span(f.start(), f.end())).toList()));
        rules.add(regex("[BSN]", "(?<!\\d[ .-]?)\\d(?:[ .-]?\\d){8}(?![ .-]?\\d)", 0, Redactor::validBsn));
        rules.add(regex("[licence-plate]", "(?<![\\p{L}\\d-])(?:\\p{L}{1,3}|\\d{1,3})-(?:\\p{L}{1,3}|\\d{1,3})"
                + "-(?:\\p{L}{1,3}|\\d{1,3})(?![\\p{L}\\d-])", 0, Redactor::plate));
        // A house number may follow the postcode; spaced lower-case letters only when they are no word.
        rules.add(regex("[address]", "\\b[1-9]\\d{3} ?[A-Za-z]{2}\\b(?:,? ?(?:nr\\.? ?)?\\d{1,5}"
                + "(?: ?[a-zA-Z](?![a-zA-Z]))?)?", 0, Redactor::postcode));
        rules.add(regex("[address]", "\\b\\p{L}+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef"
                + "|park|street|road|avenue|lane) \\d{1,5}(?: ?[a-zA-Z](?![a-zA-Z]))?\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS, s -> true));
        // A street without a known suffix ("Markt 5") only where it reads as an address: after "ik woon
        // op" or "mijn adres is", or before a postcode ("Windows 10, Office" stays).
        rules.add(regex("[address]", "(?i:\\b(?:ik\\s+woon|wij\\s+wonen|we\\s+wonen|woon\\s+ik|woont|wonend"
                + "|woonachtig|verhuisd\\s+naar|verhuis\\s+naar|(?:mijn|ons|het|nieuwe?)\\s+(?:woon|post|factuur"
                + "|aflever|bezorg)?adres|adres\\s*:|address\\s*:|(?:my|our|new)\\s+address|i\\s+live|we\\s+live"
                + "|lives|moved\\s+to|deliver(?:ed)?\\s+to))(?:\\s+(?:is|op|aan|in|at|on|nu|now|sinds\\s+kort|:))*\\s+"
                + "(?<value>" + STREET + ")", Pattern.UNICODE_CASE, s -> true));
        rules.add(regex("[address]", "\\b" + STREET + "(?=,?\\s+\\[address])", 0, s -> true));
        rules.add(regex("[name]", "(?i:\\b(?:mijn\\s+naam\\s+is|ik\\s+heet|ik\\s+ben|naam\\s*:|name\\s*:"
                + "|my\\s+name\\s+is|i\\s+am|i'm|(?:met\\s+)?vriendelijke\\s+groet(?:en)?"
                + "|groet(?:en|jes)?|(?:kind\\s+|best\\s+)?regards|u\\s+spreekt\\s+met|je\\s+spreekt\\s+met"
                + "|spreek\\s+ik\\s+met|namens|on\\s+behalf\\s+of|(?:hallo|hoi|goedendag|goedemorgen|goedemiddag"
                + "|goedenavond|dag),?\\s+met))\\s*[,:]?\\s+(?<value>" + NAME + ")", Pattern.UNICODE_CASE, s -> true));
        rules.add(regex("[name]", "(?i:\\b(?:meneer|mevrouw|mevr\\.|mw\\.|dhr\\.|de\\s+heer|mr\\.?|mrs\\.?|ms\\.?"
                + "|miss|sir|madam))\\s+(?<value>" + NAME + ")", Pattern.UNICODE_CASE, s -> true));
        rules.add(regex("[name]", "\\b(?:\\p{Lu}\\.\\s?){1,4}" + PARTICLES + WORD, 0, s -> true));
        // First and last name with the particles of Dutch surnames: Jan de Vries, Piet van der Berg.
        // A bare "van" only mid-sentence: "Klant van Vattenfall" at the start is no name.
        rules.add(regex("[name]", "\\b" + WORD + "(?:\\s+" + WORD + ")?\\s+(?:(?:van\\s+)?(?:de|der|den|'t)|ten|ter"
                + "|in\\s+'t|op\\s+de|von|du)\\s+" + WORD, 0, s -> true));
        rules.add(regex("[name]", "(?<=\\p{Ll},?\\s)" + WORD + "\\s+(?:van|te)\\s+" + WORD, 0, s -> true));
        // What is left of long digit runs is an account or reference number more often than not.
        rules.add(regex("[number]", "(?<!\\d)\\d{8,}(?!\\d)", 0, s -> true));
    }

    /** The text with the patterns' personal data replaced; see {@link #redact(String, KnownCustomer)}. */
    String redact(String text) {
        return redact(text, KnownCustomer.NONE);
    }

    /** The text with what is known of this customer, then what the patterns find, replaced. */
    String redact(String text, KnownCustomer known) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (KnownCustomer.Value value : known.values()) {
            result = replace(value.placeholder(), spans(value.pattern(), result, v -> true), result);
        }
        for (Rule rule : rules) {
            result = replace(rule.placeholder(), rule.find().apply(result), result);
        }
        return result;
    }

    private static String replace(String placeholder, List<Span> spans, String text) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Span span : spans) {
            if (span.start() < last) {
                continue;
            }
            out.append(text, last, span.start()).append(placeholder);
            last = span.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    private static Rule regex(String placeholder, String regex, int flags, Predicate<String> accept) {
        Pattern pattern = Pattern.compile(regex, flags);
        return new Rule(placeholder, text -> spans(pattern, text, accept));
    }

    /** Every match, or only its group named {@code value} when the pattern has one (the label stays). */
    private static List<Span> spans(Pattern pattern, String text, Predicate<String> accept) {
        boolean valueGroup = pattern.namedGroups().containsKey("value");
        List<Span> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = valueGroup ? m.start("value") : m.start();
            int end = valueGroup ? m.end("value") : m.end();
            if (start >= 0 && accept.test(text.substring(start, end))) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    /** A country code, check digits and groups (spaced, dotted or not, any case). */
    private static final Pattern IBAN = Pattern.compile("\\b[A-Za-z]{2}\\d{2}(?:[ .-]?[A-Za-z0-9]){11,30}\\b");

    /**
     * IBANs, checked by mod-97. The pattern may run on into the next word ("... 00 graag"), so the
     * longest prefix that ends between groups and passes the check is the IBAN.
     */
    private static List<Span> ibans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = IBAN.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = m.end();
            while (end > m.start() && !validIban(text.substring(m.start(), end))) {
                end = lastGroupEnd(text, m.start(), end);
            }
            if (end > m.start()) {
                spans.add(new Span(m.start(), end));
                from = end;
            } else {
                from = m.start() + 1;
            }
        }
        return spans;
    }

    /** Where the group before the one ending at {@code end} ends, or {@code start} when there is none. */
    private static int lastGroupEnd(String text, int start, int end) {
        for (int i = end - 1; i > start; i--) {
            if (" .-".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return start;
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, the rest mod 97 is 1. */
    static boolean validIban(String candidate) {
        String iban = candidate.replaceAll("[ .-]", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34 || !iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
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
        String bsn = candidate.replaceAll("[ .-]", "");
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

    /** A Dutch licence plate: six letters and digits in three groups, both kinds present. */
    private static boolean plate(String candidate) {
        String chars = candidate.replace("-", "");
        return chars.length() == 6 && chars.chars().anyMatch(Character::isDigit)
                && chars.chars().anyMatch(Character::isLetter);
    }

    private static boolean postcode(String candidate) {
        String letters = candidate.substring(4).strip().substring(0, 2);
        return !letters.equals(letters.toLowerCase(Locale.ROOT))
                || !NOT_POSTCODE_LETTERS.contains(letters);
    }
}

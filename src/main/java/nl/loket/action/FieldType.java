package nl.loket.action;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a field accepts, how a customer may type it and the one form it is sent in. Customers type
 * spaces, dots and commas where they like; the value sent is always the plain form ({@code 1234AB},
 * {@code 2026-12-07}, {@code 85.50}).
 */
enum FieldType {
    /** Free text, optionally matching the field's {@code pattern}. */
    TEXT,
    /** A Dutch EAN code of a connection: 18 digits starting with 871. */
    EAN,
    /** A whole number within the field's bounds (a meter reading). */
    NUMBER,
    /** An amount in euros with at most two decimals, within the field's bounds. */
    AMOUNT,
    /** A Dutch postcode: four digits (not starting with 0) and two letters. */
    POSTCODE,
    /** A house number with an optional addition (12, 12a, 12-2, 12 bis). */
    HOUSE_NUMBER,
    /** A date within the field's window of days around today. */
    DATE,
    /** One of the field's choices. */
    CHOICE;

    private static final Pattern EAN_CODE = Pattern.compile("871\\d{15}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,12}");
    private static final Pattern EUROS = Pattern.compile("(?:€\\s*)?(\\d{1,9})(?:[.,](\\d{1,2}))?(?:\\s*(?:euro|eur|€))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DUTCH_POSTCODE = Pattern.compile("([1-9]\\d{3})\\s?([A-Za-z]{2})");
    private static final Pattern HOUSE = Pattern.compile("(\\d{1,5})\\s*[-/ ]?\\s*([A-Za-z0-9]{1,6})?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    static Optional<FieldType> named(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value in its plain form, or empty when the answer is not one. */
    Optional<String> normalise(ActionField field, String answer, LocalDate today) {
        String text = answer.strip();
        return switch (this) {
            case TEXT -> text.isEmpty() || text.length() > 500
                    || (field.pattern() != null && !field.pattern().matcher(text).matches())
                    ? Optional.empty() : Optional.of(text);
            case EAN -> Optional.of(text.replaceAll("[\\s.-]", "")).filter(d -> EAN_CODE.matcher(d).matches());
            case NUMBER -> Optional.of(text.replaceAll("[\\s.]", "")).filter(d -> WHOLE.matcher(d).matches())
                    .map(BigDecimal::new).filter(field::withinBounds).map(BigDecimal::toPlainString);
            case AMOUNT -> amount(text).filter(field::withinBounds).map(a -> a.setScale(2).toPlainString());
            case POSTCODE -> matched(DUTCH_POSTCODE, text)
                    .map(m -> m.group(1) + m.group(2).toUpperCase(Locale.ROOT));
            case HOUSE_NUMBER -> matched(HOUSE, text).map(m -> m.group(2) == null ? m.group(1)
                    : m.group(1) + "-" + m.group(2).toUpperCase(Locale.ROOT));
            case DATE -> date(text, today).filter(d -> field.withinWindow(d, today)).map(LocalDate::toString);
            case CHOICE -> field.choices().stream().filter(c -> c.value().equalsIgnoreCase(text)
                    || c.label().byLang().containsValue(text)).map(ActionField.Choice::value).findFirst();
        };
    }

    private static Optional<BigDecimal> amount(String text) {
        return matched(EUROS, text).map(m -> new BigDecimal(m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2))));
    }

    private static Optional<LocalDate> date(String text, LocalDate today) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("vandaag") || lower.equals("today")) {
            return Optional.of(today);
        }
        if (lower.equals("gisteren") || lower.equals("yesterday")) {
            return Optional.of(today.minusDays(1));
        }
        try {
            Optional<Matcher> dmy = matched(DAY_MONTH_YEAR, text);
            if (dmy.isPresent()) {
                Matcher m = dmy.get();
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1))));
            }
            return matched(ISO, text).map(m -> LocalDate.of(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) { // 31-02-2026
            return Optional.empty();
        }
    }

    private static Optional<Matcher> matched(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }
}

package nl.loket.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldTypeTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static ActionField field(FieldType type) {
        return new ActionField("x", type, Texts.NONE, Texts.NONE, Texts.NONE, false, null, null, null, null, null,
                List.of(), null);
    }

    private static Optional<String> check(ActionField field, String answer) {
        return field.normalise(answer, TODAY);
    }

    @Test
    void anEanCodeIsEighteenDigitsStartingWith871() {
        ActionField ean = field(FieldType.EAN);
        assertThat(check(ean, "871 6859 0000 1234 567")).contains("871685900001234567");
        assertThat(check(ean, "871685900001234567")).contains("871685900001234567");
        assertThat(check(ean, "87168590000123456")).isEmpty(); // 17 digits
        assertThat(check(ean, "541685900001234567")).isEmpty(); // not Dutch
        assertThat(check(ean, "87168590000123456a")).isEmpty();
    }

    @Test
    void aNumberIsWholeAndWithinItsBounds() {
        ActionField reading = new ActionField("r", FieldType.NUMBER, Texts.NONE, Texts.NONE, Texts.NONE, false, null,
                BigDecimal.ZERO, BigDecimal.valueOf(999999), null, null, List.of(), null);
        assertThat(check(reading, "12.345")).contains("12345");
        assertThat(check(reading, "1000000")).isEmpty();
        assertThat(check(reading, "12,5")).isEmpty();
        assertThat(check(reading, "-3")).isEmpty();
    }

    @Test
    void anAmountHasTwoDecimalsAndStaysWithinItsBounds() {
        ActionField amount = new ActionField("a", FieldType.AMOUNT, Texts.NONE, Texts.NONE, Texts.NONE, false, null,
                BigDecimal.valueOf(20), BigDecimal.valueOf(500), null, null, List.of(), null);
        assertThat(check(amount, "85,5")).contains("85.50");
        assertThat(check(amount, "€ 120")).contains("120.00");
        assertThat(check(amount, "120 euro")).contains("120.00");
        assertThat(check(amount, "19,99")).isEmpty();
        assertThat(check(amount, "500,01")).isEmpty();
        assertThat(check(amount, "veel")).isEmpty();
        assertThat(check(amount, "1,234")).isEmpty();
    }

    @Test
    void aPostcodeAndAHouseNumberAreWrittenOneWay() {
        assertThat(check(field(FieldType.POSTCODE), "1234 ab")).contains("1234AB");
        assertThat(check(field(FieldType.POSTCODE), "0123AB")).isEmpty();
        assertThat(check(field(FieldType.POSTCODE), "12345")).isEmpty();
        assertThat(check(field(FieldType.HOUSE_NUMBER), "12")).contains("12");
        assertThat(check(field(FieldType.HOUSE_NUMBER), "12 a")).contains("12-A");
        assertThat(check(field(FieldType.HOUSE_NUMBER), "twaalf")).isEmpty();
    }

    @Test
    void aDateMustBeRealAndWithinItsWindow() {
        ActionField date = new ActionField("d", FieldType.DATE, Texts.NONE, Texts.NONE, Texts.NONE, false, null, null,
                null, -30, 0, List.of(), null);
        assertThat(check(date, "5-12-2026")).contains("2026-12-05");
        assertThat(check(date, "2026-12-07")).contains("2026-12-07");
        assertThat(check(date, "vandaag")).contains("2026-12-07");
        assertThat(check(date, "yesterday")).contains("2026-12-06");
        assertThat(check(date, "8-12-2026")).isEmpty(); // tomorrow
        assertThat(check(date, "1-11-2026")).isEmpty(); // 36 days ago
        assertThat(check(date, "31-11-2026")).isEmpty(); // no such day
    }

    @Test
    void aChoiceIsOneOfItsValuesOrLabels() {
        ActionField months = new ActionField("m", FieldType.CHOICE, Texts.NONE, Texts.NONE, Texts.NONE, false, null,
                null, null, null, null, List.of(new ActionField.Choice("3", new Texts(Map.of("nl", "3 maanden"))),
                        new ActionField.Choice("6", new Texts(Map.of("nl", "6 maanden")))), null);
        assertThat(check(months, "6")).contains("6");
        assertThat(check(months, "3 maanden")).contains("3");
        assertThat(check(months, "9")).isEmpty();
    }

    @Test
    void aTextMatchesItsPattern() {
        ActionField code = new ActionField("c", FieldType.TEXT, Texts.NONE, Texts.NONE, Texts.NONE, false,
                Pattern.compile("[A-Z]{3}"), null, null, null, null, List.of(), null);
        assertThat(check(code, "ABC")).contains("ABC");
        assertThat(check(code, "abcd")).isEmpty();
    }
}

package nl.loket.action;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value an action asks for.
 *
 * @param error the editor's retry text; empty for the built-in one of the type
 * @param pattern for {@link FieldType#TEXT}: what the whole answer must match; null for anything
 * @param min for numbers and amounts: the lowest value accepted; null for none
 * @param max for numbers and amounts: the highest value accepted; null for none
 * @param fromDays for dates: the earliest day accepted, in days from today (negative: in the past)
 * @param toDays for dates: the latest day accepted, in days from today
 * @param customer when not null the value comes from the signed-in customer ({@code id}, {@code name},
 *     {@code email}) and is never asked
 */
record ActionField(String name, FieldType type, Texts label, Texts help, Texts error, boolean optional,
        Pattern pattern, BigDecimal min, BigDecimal max, Integer fromDays, Integer toDays, List<Choice> choices,
        String customer) {

    record Choice(String value, Texts label) {
    }

    ActionField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    Optional<String> normalise(String answer, LocalDate today) {
        return type.normalise(this, answer, today);
    }

    boolean withinBounds(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    boolean withinWindow(LocalDate day, LocalDate today) {
        return (fromDays == null || !day.isBefore(today.plusDays(fromDays)))
                && (toDays == null || !day.isAfter(today.plusDays(toDays)));
    }

    /** How the value is shown to the customer in a summary: a choice by its label, anything else as sent. */
    String display(String value, String lang) {
        return choices.stream().filter(c -> c.value().equals(value)).map(c -> c.label().in(lang)).findFirst()
                .orElse(value);
    }
}

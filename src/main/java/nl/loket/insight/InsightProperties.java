package nl.loket.insight;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param costPerAgentChat what a chat an agent handles costs (any currency), for the estimated saving
 * @param costPerBotConversation what a conversation the bot handles costs (model, hosting)
 * @param targetSaving the share of contact cost the organisation means to save (0.25: 25 %)
 * @param zone the time zone of days and weeks on the insights page
 * @param currency the ISO 4217 code of the costs, for how the page shows them
 * @param sameMeaning the cosine (of the FAQ's semantic signal) from which two unanswered questions are one
 *     group on the page; languages without the signal are grouped by shared words
 * @param countsRetention how long the per-day counters (counts only, nothing personal) are kept after their
 *     day: longer than the conversations' retention, for the trend over months
 * @param countDelay how soon after a conversation's events its share of the day's counters is recounted
 */
@Validated
@ConfigurationProperties("loket.insight")
public record InsightProperties(
        @PositiveOrZero @DefaultValue("6.00") double costPerAgentChat,
        @PositiveOrZero @DefaultValue("0.50") double costPerBotConversation,
        @PositiveOrZero @DecimalMax("1") @DefaultValue("0.25") double targetSaving,
        @DefaultValue("Europe/Amsterdam") ZoneId zone,
        @Pattern(regexp = "[A-Z]{3}") @DefaultValue("EUR") String currency,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double sameMeaning,
        @NotNull @DefaultValue("400d") Duration countsRetention,
        @NotNull @DefaultValue("2s") Duration countDelay) {
}

package nl.loket.handover;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param queuesFile the queues content file (queues, opening hours, details to ask)
 * @param zone the zone the opening hours are written in
 * @param personWords phrases (lower case, NL and EN) that mean "I want a person"
 * @param frustrationWords phrases (lower case, NL and EN) of anger or swearing
 * @param shoutingMinLetters a message needs this many letters before capitals count as shouting
 * @param shoutingRatio the share of capitals among the letters that counts as shouting
 * @param repeatThreshold how often the same question (normalised) may be asked before a person takes over
 * @param unhelpfulThreshold how many answers marked unhelpful hand the chat over
 * @param presenceTtl how long an agent counts as present without a heartbeat
 * @param minutesPerChat the time one chat takes an agent, for the estimated wait
 */
@Validated
@ConfigurationProperties("loket.handover")
public record HandoverProperties(
        @NotBlank @DefaultValue("faq/queues.yml") String queuesFile,
        @NotNull @DefaultValue("Europe/Amsterdam") ZoneId zone,
        @DefaultValue({"medewerker", "een mens", "echt persoon", "iemand spreken", "persoon spreken", "agent",
            "real person", "human", "a person", "someone real", "operator"}) List<String> personWords,
        @DefaultValue({"belachelijk", "schandalig", "waardeloos", "klote", "kut", "godverdomme", "tering",
            "ik ben het zat", "boos", "woedend", "ridiculous", "useless", "pathetic", "fed up", "furious",
            "angry", "wtf", "damn", "shit", "fuck", "bullshit"}) List<String> frustrationWords,
        @Min(3) @DefaultValue("8") int shoutingMinLetters,
        @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.8") double shoutingRatio,
        @Min(2) @DefaultValue("2") int repeatThreshold,
        @Min(1) @DefaultValue("2") int unhelpfulThreshold,
        @NotNull @DefaultValue("60s") Duration presenceTtl,
        @Min(1) @DefaultValue("4") int minutesPerChat) {
}

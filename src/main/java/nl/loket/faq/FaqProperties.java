package nl.loket.faq;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dir the FAQ folder ({@code nl/*.md}, {@code en/*.md}, {@code synonyms.yml}, {@code tests.yml})
 * @param threshold the confidence an answer needs (an entry's {@code minScore} can only raise it)
 * @param margin how far the best entry's similarity must lead the runner-up's to answer
 * @param clarifyBand entries whose similarity is this close to the best one are offered as a choice
 * @param clarifyMinSimilarity an entry is offered as a choice only when it is at least this similar to the
 *     question: several equally weak matches mean the FAQ does not know, not that the customer must choose
 */
@Validated
@ConfigurationProperties("loket.faq")
public record FaqProperties(
        @NotNull @DefaultValue("faq") Path dir,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.8") double threshold,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.03") double margin,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") double clarifyBand,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double clarifyMinSimilarity) {

    /** The shipped defaults, for tools that run without Spring (check, evaluation, benchmark). */
    public static FaqProperties defaults(Path dir) {
        return new FaqProperties(dir, 0.8, 0.03, 0.05, 0.5);
    }
}

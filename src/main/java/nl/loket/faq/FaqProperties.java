package nl.loket.faq;

import jakarta.validation.Valid;
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
 * @param semantic the semantic signal per language
 */
@Validated
@ConfigurationProperties("loket.faq")
public record FaqProperties(
        @NotNull @DefaultValue("faq") Path dir,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.8") double threshold,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.03") double margin,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") double clarifyBand,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double clarifyMinSimilarity,
        @NotNull @DefaultValue @Valid Semantic semantic) {

    /**
     * The semantic signal: {@code off}, {@code local} (the in-process English model) or {@code remote} (the
     * LLM endpoint's {@code /embeddings}), per language. The defaults are what measured best
     * (docs/benchmarks.md): the English model helps English and does not help Dutch.
     *
     * @param cache the folder where the example vectors are kept between starts (one file per model)
     */
    public record Semantic(@NotNull @DefaultValue("off") SemanticMode nl, @NotNull @DefaultValue("local") SemanticMode en,
            @NotNull @DefaultValue("cache/embeddings") Path cache) {

        public static final Semantic SHIPPED = new Semantic(SemanticMode.OFF, SemanticMode.LOCAL,
                Path.of("cache/embeddings"));
        public static final Semantic OFF = new Semantic(SemanticMode.OFF, SemanticMode.OFF, SHIPPED.cache());

        SemanticMode of(String lang) {
            return "nl".equals(lang) ? nl : en;
        }
    }

    /** The shipped defaults, for tools that run without Spring (check, evaluation, benchmark). */
    public static FaqProperties defaults(Path dir) {
        return new FaqProperties(dir, 0.8, 0.03, 0.05, 0.5, Semantic.SHIPPED);
    }

    /** The same settings with another semantic signal. */
    public FaqProperties withSemantic(Semantic other) {
        return new FaqProperties(dir, threshold, margin, clarifyBand, clarifyMinSimilarity, other);
    }
}

package nl.loket.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import nl.loket.resilience.BreakerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the LLM tier. {@code baseUrl}, {@code apiKey}, {@code model} and
 * {@code embeddingsModel} are a public contract (also as LOKET_LLM_BASE_URL and so on).
 */
@Validated
@ConfigurationProperties("loket.llm")
record LlmProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") @NotBlank String model,
        String embeddingsModel,
        @DefaultValue @Valid Timeouts timeouts,
        @DefaultValue("400") @Min(16) int maxOutputTokens,
        @DefaultValue("6") @Min(0) @Max(50) int historyTurns,
        @DefaultValue("4") @Min(1) @Max(10) int topK,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid BreakerSettings breaker,
        @DefaultValue @Valid Redaction redaction) {

    /**
     * @param firstToken from sending the request to the first token (per attempt)
     * @param idle the longest silence between two tokens
     * @param total the whole answer, retries included
     * @param embeddings embedding one customer question (the FAQ entries get longer: they are embedded
     *     in the background)
     * @param assist one non-streaming call for an agent: the handover summary, a suggested reply
     */
    record Timeouts(@DefaultValue("10s") Duration firstToken, @DefaultValue("5s") Duration idle,
            @DefaultValue("45s") Duration total, @DefaultValue("2s") Duration embeddings,
            @DefaultValue("8s") Duration assist) {
    }

    /** Retries on 429 and 5xx, only before the first token reached the customer. */
    record Retry(@DefaultValue("3") @Min(1) @Max(10) int maxAttempts, @DefaultValue("300ms") Duration backoff,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier) {
    }


    /** Extra redaction patterns (customer and contract numbers differ per organisation). */
    record Redaction(@DefaultValue List<@Valid NamedPattern> patterns) {
    }

    /**
     * @param name becomes the placeholder, e.g. {@code customer-number} gives [customer-number]
     * @param regex a Java regex; when it has a group named {@code value}, only that group is replaced
     */
    record NamedPattern(@NotBlank String name, @NotBlank String regex) {
    }

    /** Whether questions are also matched to the FAQ by embeddings (the tier must be on too). */
    boolean embeddingsOn() {
        return offReason() == null && embeddingsModel != null && !embeddingsModel.isBlank();
    }

    /** Why the tier is off, or null when it is configured. */
    String offReason() {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "no loket.llm.base-url configured";
        }
        if ((apiKey == null || apiKey.isBlank()) && isOpenAi()) {
            return "no loket.llm.api-key configured for api.openai.com";
        }
        return null;
    }

    /** Local servers (Ollama, vLLM, LM Studio) accept any key but LangChain4j wants one. */
    String apiKeyOrPlaceholder() {
        return apiKey == null || apiKey.isBlank() ? "not-needed" : apiKey;
    }

    private boolean isOpenAi() {
        try {
            String host = URI.create(baseUrl.trim()).getHost();
            return host != null && host.endsWith("openai.com");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

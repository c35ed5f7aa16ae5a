package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import nl.loket.resilience.BreakerSettings;
import org.junit.jupiter.api.Test;

class LlmBreakerTests {

    private static LlmBreaker breaker(LlmProperties properties) {
        return new LlmBreaker(properties, new ModelClient(properties));
    }

    private static LlmProperties withBreaker(String baseUrl, BreakerSettings settings) {
        LlmProperties p = RedactorTests.properties(List.of());
        return new LlmProperties(baseUrl, p.apiKey(), p.model(), null, p.timeouts(), p.maxOutputTokens(),
                p.historyTurns(), p.topK(), p.retry(), settings, p.redaction());
    }

    @Test
    void opensAfterRepeatedFailuresAndSkipsTheTierUntilItMayTryAgain() throws InterruptedException {
        LlmBreaker breaker = breaker(withBreaker("http://localhost:1/v1",
                new BreakerSettings(50, 4, 2, Duration.ofMillis(200))));
        for (int i = 0; i < 2; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.failed(1_000, "server");
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();

        Thread.sleep(300);
        assertThat(breaker.tryAcquire()).isTrue(); // half-open: one trial call
        breaker.succeeded(1_000);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theTierIsOffWithoutABaseUrlOrWithoutAKeyForOpenAi() {
        assertThat(new ModelClient(withBreaker(null, new BreakerSettings(50, 10, 5, Duration.ofSeconds(1))))
                .offReason()).contains("base-url");
        LlmProperties openAiWithoutKey = new LlmProperties("https://api.openai.com/v1", "", "gpt-4o-mini", null,
                RedactorTests.properties(List.of()).timeouts(), 400, 6, 4, RedactorTests.properties(List.of()).retry(),
                new BreakerSettings(50, 10, 5, Duration.ofSeconds(1)), new LlmProperties.Redaction(List.of()));
        assertThat(new ModelClient(openAiWithoutKey).offReason()).contains("api-key");
        LlmProperties ollama = new LlmProperties("http://localhost:11434/v1", "", "llama3.2", null,
                openAiWithoutKey.timeouts(), 400, 6, 4, openAiWithoutKey.retry(), openAiWithoutKey.breaker(),
                openAiWithoutKey.redaction());
        assertThat(new ModelClient(ollama).offReason()).isNull();
        assertThat(breaker(withBreaker(null, openAiWithoutKey.breaker())).state()).isNull();
    }

    @Test
    void healthStaysUpAndSaysWhyTheTierIsOff() throws Exception {
        LlmProperties off = withBreaker(null, new BreakerSettings(50, 10, 5, Duration.ofSeconds(1)));
        var client = new ModelClient(off);
        var prompts = new Prompts(new PromptProperties(java.nio.file.Path.of("prompts")),
                nl.loket.content.Watchers.manual());
        var health = new LlmHealthIndicator(client, new LlmBreaker(off, client), prompts).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(health.getDetails()).containsEntry("state", "off")
                .containsEntry("reason", "no loket.llm.base-url configured");
    }
}

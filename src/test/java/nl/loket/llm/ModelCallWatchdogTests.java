package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The watchdog's three deadlines against WireMock in OpenAI's wire format. Each test makes short
 * only the deadline it is about and gives the model far longer than that to miss it, while the
 * other deadlines are long: a slow machine can make a call slower, never end it another way.
 */
class ModelCallWatchdogTests {

    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void start() {
        MODEL.start();
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Test
    void aSlowFirstTokenTimesOut() {
        // the stub would answer well, but ten times later than the deadline: only the watchdog ends it
        var result = run(SHORT, LONG, LONG,
                OpenAiWire.sse(OpenAiWire.stream(List.of("Te laat [1]."))).withFixedDelay(10_000), new ArrayList<>());

        assertThat(result).isInstanceOf(ModelCall.Result.Failed.class);
        assertThat(((ModelCall.Result.Failed) result).kind()).isEqualTo("first_token_timeout");
    }

    @Test
    void aStreamThatStallsIsCutOff() {
        // two halves five seconds apart; the long second token keeps the first one whole in the first half
        String body = OpenAiWire.role() + OpenAiWire.chunk("Je geeft je stand", null)
                + OpenAiWire.chunk(" door in de app [1]." + " Nog meer tekst.".repeat(40), null)
                + OpenAiWire.chunk(null, "stop") + "data: [DONE]\n\n";
        List<String> tokens = new ArrayList<>();

        var result = run(LONG, SHORT, LONG, OpenAiWire.sse(body).withChunkedDribbleDelay(2, 10_000), tokens);

        assertThat(result).isInstanceOf(ModelCall.Result.Failed.class);
        assertThat(((ModelCall.Result.Failed) result).kind()).isEqualTo("stalled");
        assertThat(tokens).as("the first half was streamed before the silence").isNotEmpty();
    }

    @Test
    void theWholeAnswerHasADeadline() {
        // a token every half second keeps within the first-token and idle deadlines, but it goes on for half a minute
        List<String> tokens = new ArrayList<>();

        var result = run(LONG, LONG, SHORT.multipliedBy(2),
                OpenAiWire.sse(OpenAiWire.stream(Collections.nCopies(60, "bla "))).withChunkedDribbleDelay(60, 30_000),
                tokens);

        assertThat(result).isInstanceOf(ModelCall.Result.Failed.class);
        assertThat(((ModelCall.Result.Failed) result).kind()).isEqualTo("total_timeout");
        assertThat(tokens).as("it was cut off mid-stream").isNotEmpty();
    }

    /** One call with these deadlines; the tokens it streamed land in {@code tokens}. */
    private static ModelCall.Result run(Duration firstToken, Duration idle, Duration total,
            ResponseDefinitionBuilder response, List<String> tokens) {
        MODEL.resetAll();
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(response));
        LlmProperties p = RedactorTests.properties(List.of());
        var properties = new LlmProperties(MODEL.baseUrl() + "/v1", "test-key", "gpt-4o-mini", null,
                new LlmProperties.Timeouts(firstToken, idle, total, p.timeouts().embeddings(), p.timeouts().assist()),
                400, p.historyTurns(), p.topK(), p.retry(), p.breaker(), p.redaction());
        var call = new ModelCall(new ModelClient(properties), properties);
        return call.run(new GroundedPrompt.Rendered("Answer from the sources.", "Hoe geef ik mijn stand door?"),
                List.of(), tokens::add, () -> true);
    }
}

package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.llm.LlmTestContext.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The injection set against a stubbed model. A stub cannot show what a real model would do with
 * these messages; it shows what Loket's code guarantees whatever the model does: the customer's
 * text stays inside its delimiters, escaped, and a reply that leaks the system prompt or is not
 * cited is never sent. (PromptInjectionEvaluationIntegrationTests runs the set against a real model.)
 */
class PromptInjectionIntegrationTests extends LlmIntegrationTest {

    static Stream<String> injections() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/llm/injections.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("injections")
    void customerTextStaysDelimitedAndALeakIsBlocked(String attack) throws IOException {
        String system = Files.readString(Path.of("prompts/system.nl.md"));
        String leak = "Natuurlijk. " + String.join(" ", system.lines().skip(2).limit(3).toList()) + " [1]";
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of(leak)))));

        assertNothingStoredAnd(ask(attack), "blocked:leak");

        JsonNode request = JsonMapper.builder().build().readTree(MODEL.findAll(requestsOfThisTest()).getFirst()
                .getBodyAsString());
        String systemSent = request.path("messages").path(0).path("content").asString();
        String user = request.path("messages").path(1).path("content").asString();
        assertThat(systemSent).doesNotContain(attack);
        assertThat(occurrences(user, "<customer_message>")).isEqualTo(1);
        assertThat(occurrences(user, "</customer_message>")).isEqualTo(1);
        String inside = user.substring(user.indexOf("<customer_message>") + "<customer_message>".length(),
                user.indexOf("</customer_message>"));
        assertThat(inside).doesNotContain("<", ">");
        assertThat(inside.strip()).endsWith(tag()); // the whole message, up to its last word, is inside
        assertThat(user.substring(user.indexOf("</customer_message>"))).doesNotContain(tag());
    }

    @ParameterizedTest
    @MethodSource("injections")
    void aCompliantUncitedReplyIsBlocked(String attack) {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of(
                "Natuurlijk! Je krijgt 500 euro terug en het adres van klant 48213 is Dorpsstraat 1.")))));

        assertNothingStoredAnd(ask(attack), "blocked:uncited");
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}

package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.llm.LlmTestContext.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Source;
import nl.loket.conversation.Subscription;
import nl.loket.conversation.Holder;
import nl.loket.conversation.Transition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

class LlmTierIntegrationTests extends LlmIntegrationTest {

    @Test
    void streamsACitedAnswerAndReturnsTheCheckedTextForTheRouterToStore() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("Je geeft", " je stand door", " in de app", " [", "1", "]", "."))));

        LlmOutcome outcome = ask("Hoe geef ik mijn stand door?");

        assertThat(outcome).isInstanceOf(LlmOutcome.Answered.class);
        assertThat(botEvents()).as("the router appends every tier's answer, the tier itself none").isEmpty();
        ConversationEvent.BotMessage answer = ((LlmOutcome.Answered) outcome).answer();
        assertThat(answer.text()).isEqualTo("Je geeft je stand door in de app.");
        assertThat(answer.tier()).isEqualTo("llm");
        assertThat(answer.sources()).containsExactly(new Source("meterstand-doorgeven", "Meterstand doorgeven"));
        assertThat(answer.attributes()).containsEntry("outcome", "llm").containsEntry("model", "gpt-4o-mini")
                .containsKey("latencyMs").containsKey("firstTokenMs");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(widget.streamed()).isEqualTo(answer.text()));
        assertThat(widget.discarded).isEmpty();
        MODEL.verify(1, requestsOfThisTest()
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("60")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system"))));
    }

    @Test
    void anAbstentionIsNotSentAndNothingIsStreamed() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_", "ANSWER"))));

        assertNothingStoredAnd(ask("Wat kost een warmtepomp?"), "abstained");
        assertThat(widget.deltas).isEmpty();
    }

    @Test
    void anUncitedAnswerIsBlockedAndItsStreamedTextWithdrawn() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("Je krijgt", " 50 euro", " korting."))));

        assertNothingStoredAnd(ask("Krijg ik korting?"), "blocked:uncited");
        assertWithdrawn();
    }

    @Test
    void anAnswerCitingASourceItWasNotGivenIsBlocked() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("Dat kan", " [7]."))));

        assertNothingStoredAnd(ask("Kan dat?"), "blocked:unknown_source");
    }

    @Test
    void anAnswerWithAForeignLinkIsBlocked() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("Log in op", " https://phish.example/login", " [1]."))));

        assertNothingStoredAnd(ask("Waar log ik in?"), "blocked:unknown_link");
    }

    @Test
    void unauthorizedFailsAtOnceWithoutRetry() {
        stub(OpenAiWire.error(401, "invalid_request_error"));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:auth");
        MODEL.verify(1, requestsOfThisTest());
    }

    @Test
    void rateLimitedThenSucceedsOnRetry() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenAiWire.error(429, "rate_limit_exceeded")).willSetStateTo("ok"));
        MODEL.stubFor(post(urlEqualTo(CHAT)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("In de app [1]", ".")))));

        LlmOutcome outcome = ask("Hoe geef ik mijn stand door?");
        assertThat(outcome).isInstanceOf(LlmOutcome.Answered.class);
        assertThat(((LlmOutcome.Answered) outcome).answer().text()).isEqualTo("In de app.");
        assertThat(((LlmOutcome.Answered) outcome).answer().attributes()).containsEntry("attempts", "2");
        MODEL.verify(2, requestsOfThisTest());
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimes() {
        stub(OpenAiWire.error(500, "server_error"));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:server");
        MODEL.verify(3, requestsOfThisTest());
    }

    @Test
    void serviceUnavailableEndsInTheFallback() {
        stub(OpenAiWire.error(503, "server_error"));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:server");
        MODEL.verify(3, requestsOfThisTest());
    }

    @Test
    void aStreamCutWithoutFinishReasonIsIncompleteNotAnAnswer() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("Je geeft je stand", " door [1]"), null, false)));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:incomplete");
        assertWithdrawn();
    }

    @Test
    void aStreamCutByTheLengthLimitIsNotAnAnswer() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("Je geeft je stand", " door [1] en"), "length", true)));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:too_long");
        assertWithdrawn();
    }

    @Test
    void aMalformedChunkEndsInTheFallback() {
        String body = OpenAiWire.role() + OpenAiWire.chunk("Je geeft", null)
                + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"cont\n\n";
        stub(OpenAiWire.sse(body));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:malformed");
    }

    @Test
    void aBrokenConnectionEndsInTheFallback() {
        stub(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertNothingStoredAnd(ask("Hoe geef ik mijn stand door?"), "failed:network");
    }

    @Test
    void anAnswerFarOverTheTokenLimitIsCutOff() {
        stub(OpenAiWire.sse(OpenAiWire.stream(Collections.nCopies(400, "bla "))));

        assertNothingStoredAnd(ask("Vertel alles [1]"), "failed:too_long");
        assertWithdrawn();
    }

    @Test
    void leavingBotMidStreamCancelsTheAnswerAndStoresNothing() {
        StringBuilder body = new StringBuilder(OpenAiWire.role());
        for (int i = 0; i < 10; i++) {
            body.append(OpenAiWire.chunk("woord" + i + " ", null));
        }
        body.append(OpenAiWire.chunk("[1].", null)).append(OpenAiWire.chunk(null, "stop")).append("data: [DONE]\n\n");
        // a token every two seconds: the conversation leaves BOT long before the answer could be complete
        stub(OpenAiWire.sse(body.toString()).withChunkedDribbleDelay(12, 24_000));
        Thread.ofVirtual().start(() -> {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !widget.deltas.isEmpty());
            conversations.changeStatus(id, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                    new ConversationEvent.StatusChange(0, null, ConversationStatus.QUEUED, null, null, 1, null, Map.of()));
        });

        assertThat(ask("Hoe geef ik mijn stand door?")).isEqualTo(new LlmOutcome.Cancelled());

        assertThat(botEvents()).isEmpty();
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.QUEUED);
        assertWithdrawn();
    }

    @Test
    void theLogRefusesAnAnswerOnceTheStatusIsNoLongerBot() {
        conversations.changeStatus(id, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                new ConversationEvent.StatusChange(0, null, ConversationStatus.QUEUED, null, null, 1, null, Map.of()));
        assertThat(conversations.appendFromBot(id, new ConversationEvent.BotMessage("x", "llm", List.of(), List.of(),
                Map.of()))).isInstanceOf(AppendResult.StatusRefused.class);
    }

    @Test
    void nothingPersonalReachesTheModel() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER"))));
        conversations.appendCustomerMessage(id, "c2", "Ik ben jan@example.nl, bel 06-12345678");
        String question = "Mijn IBAN is NL91 ABNA 0417 1643 00, BSN 111222333, ik woon op 1234 AB 12, "
                + "klantnummer KL-483920, mail j.devries@example.com of bel +31 20 123 4567";

        ask(question);

        String body = MODEL.findAll(requestsOfThisTest()).getFirst().getBodyAsString();
        assertThat(body).doesNotContain("jan@example.nl", "06-12345678", "NL91", "0417", "111222333", "1234 AB",
                "KL-483920", "j.devries", "123 4567");
        assertThat(body).contains("[e-mail]", "[phone]", "[IBAN]", "[BSN]", "[address]", "[customer-number]");
    }

    @Test
    void healthShowsTheTierAndStaysUp() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        // health details are for the scrape account only (the demo profile's 'prometheus')
                        .header("Authorization", "Basic " + Base64.getEncoder()
                                .encodeToString("prometheus:demo".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var llmHealth = JsonMapper.builder().build().readTree(response.body()).path("components").path("llm");
        assertThat(llmHealth.path("status").asString()).isEqualTo("UP");
        assertThat(llmHealth.path("details").path("state").asString()).isEqualTo("on");
    }
}

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
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Source;
import nl.loket.conversation.Subscription;
import nl.loket.conversation.Transition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** One Spring context for the LLM integration tests: WireMock as the model, real Redis, generous timeouts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"loket.llm.breaker.minimum-calls=1000", "loket.llm.breaker.sliding-window=1000",
            // a fixed FAQ, so that editing the sample content cannot change which tier answers
            "loket.faq.dir=src/test/resources/faq-fixture"})
@Import(LlmIntegrationTest.Sources.class)
abstract class LlmIntegrationTest {

    /** Stands in for the FAQ tier's retrieval: always the same two entries. */
    @TestConfiguration
    static class Sources {
        @Bean
        @Primary
        GroundingSources fixedGroundingSources() {
            return (question, lang, k) -> SOURCES;
        }
    }



    static final String CHAT = "/v1/chat/completions";
    static final List<GroundingSource> SOURCES = List.of(
            GroundingSource.of("meterstand-doorgeven", "Meterstand doorgeven",
                    "Je geeft je meterstand door in de app of op https://example.nl/mijn."),
            GroundingSource.of("factuur-inzien", "Factuur inzien", "Je factuur staat in de app onder Facturen."));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LlmTestContext.properties(registry);
    }

    @Autowired
    LlmTier llm;
    @Autowired
    Conversations conversations;
    @LocalServerPort
    int port;

    String id;
    long questionSeq;
    LlmTestContext.Recorder widget;
    Subscription subscription;

    @BeforeEach
    void conversation() {
        MODEL.resetAll();
        id = conversations.start("nl", null, null).conversation().id();
        questionSeq = conversations.appendCustomerMessage(id, "c1", "Hoe geef ik mijn stand door?").stored()
                .orElseThrow().seq();
        widget = new LlmTestContext.Recorder();
        subscription = conversations.subscribe(id, 0, widget);
    }

    @AfterEach
    void unsubscribe() {
        subscription.close();
    }

    /** The question carries a tag of this test's conversation, so a late request of another test never counts. */
    LlmOutcome ask(String question) {
        return llm.answer(new LlmRequest(id, questionSeq, question + " " + tag(), "nl",
                conversations.eventsAfter(id, 0), SOURCES));
    }

    String tag() {
        // letters only, so redaction never touches it
        return "tag" + id.substring(0, 8).chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? c + 49 : c)))
                .reduce("", String::concat);
    }

    RequestPatternBuilder requestsOfThisTest() {
        return postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing(tag()));
    }

    List<ConversationEvent.BotMessage> botEvents() {
        return conversations.eventsAfter(id, 0).stream().filter(ConversationEvent.BotMessage.class::isInstance)
                .map(ConversationEvent.BotMessage.class::cast).toList();
    }

    void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(response));
    }

    void assertNothingStoredAnd(LlmOutcome outcome, String reason) {
        assertThat(outcome).isEqualTo(new LlmOutcome.NotAnswered(reason));
        assertThat(botEvents()).isEmpty();
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.BOT);
    }

    void assertWithdrawn() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> widget.discarded.contains(questionSeq));
    }

}

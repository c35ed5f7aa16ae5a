package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqMatch;
import nl.loket.faq.FaqProperties;
import nl.loket.faq.MatchExplanation;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The FAQ matcher's remote semantic signal ({@code loket.faq.semantic.nl=remote}) against WireMock
 * in OpenAI's {@code /embeddings} wire format. The fake model gives every text a vector of the topics
 * it mentions ({@link EmbeddingsRetrievalIntegrationTests.TopicVectors}). Whatever the endpoint does
 * wrong to a question (a 5xx, a time-out, a vector of another dimension, an empty list), the question
 * is matched by words and n-grams with their own calibration, exactly as with the signal off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "loket.faq.semantic.nl=remote", "loket.faq.semantic.en=off", "loket.faq.semantic.cache=target/remote-semantic-cache",
    "loket.llm.embeddings-model=text-embedding-3-small", "loket.llm.breaker.minimum-calls=1000",
    "loket.llm.timeouts.embeddings=400ms"})
class RemoteSemanticSignalIntegrationTests {

    static final String EMBEDDINGS = "/v1/embeddings";
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort()
            .extensions(new EmbeddingsRetrievalIntegrationTests.TopicVectors()));
    static final String QUESTION = "hoe geef ik de stand van de meter door";
    /** The fixture's entries without its synonyms, so that a lexical FAQ built from the entries alone is the same. */
    static final Path FAQ = withoutSynonyms();

    static {
        MODEL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MODEL::stop));
        // before the context starts: the FAQ's examples are embedded when it is read
        MODEL.stubFor(post(urlEqualTo(EMBEDDINGS)).willReturn(aResponse().withTransformers("topic-vectors")));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LlmTestContext.properties(registry, MODEL);
        registry.add("loket.faq.dir", FAQ::toString);
    }

    private static Path withoutSynonyms() {
        try {
            Path dir = Files.createTempDirectory("remote-semantic-faq");
            Path fixture = Path.of("src/test/resources/faq-fixture");
            for (String lang : List.of("nl", "en")) {
                Files.createDirectories(dir.resolve(lang));
                try (var files = Files.list(fixture.resolve(lang))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, dir.resolve(lang).resolve(file.getFileName()));
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    Faq faq;
    @Autowired
    MeterRegistry meters;

    @Test
    void theEndpointsVectorsJoinTheLexicalSignals() {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> faq.match(QUESTION, "nl").explanation().semantic().equals("remote"));
        FaqMatch match = faq.match("wij gaan samenwonen", "nl");
        assertThat(match.best().entry().id()).isEqualTo("verhuizen");
        MatchExplanation why = match.explanation();
        assertThat(why.semantic()).isEqualTo("remote");
        assertThat(why.semanticSimilarity()).isGreaterThan(0.9);
        assertThat(why.signals()).extracting(MatchExplanation.Signal::name).containsExactly("words", "ngrams",
                "semantic");
        assertThat(MODEL.findAll(postRequestedFor(urlEqualTo(EMBEDDINGS))
                .withRequestBody(containing("wij gaan samenwonen")))).hasSize(1);
    }

    @Test
    void aServerErrorIsMatchedLexically() {
        assertFallsBack("zzservererrorzz", OpenAiWire.error(503, "server_error"));
    }

    @Test
    void aSlowEndpointIsMatchedLexicallyAfterTheQuestionTimeout() {
        assertFallsBack("zzslowzz", okForContentType("application/json",
                OpenAiWire.embeddings(List.of(new float[6]))).withFixedDelay(1_500));
    }

    @Test
    void aVectorOfAnotherDimensionIsMatchedLexically() {
        assertFallsBack("zzdimensionzz", okForContentType("application/json",
                OpenAiWire.embeddings(List.of(new float[] {1, 0, 0}))), 0);
    }

    @Test
    void anEmptyListIsMatchedLexically() {
        assertFallsBack("zzemptyzz", okForContentType("application/json", OpenAiWire.embeddings(List.of())));
    }

    /** The question with {@code tag} gets {@code answer}; its match must be the lexical one. */
    private void assertFallsBack(String tag, ResponseDefinitionBuilder answer) {
        assertFallsBack(tag, answer, 1);
    }

    /** @param failed how many failed calls the endpoint's counter gets (a vector of another dimension is an answer) */
    private void assertFallsBack(String tag, ResponseDefinitionBuilder answer, int failed) {
        StubMapping broken = MODEL.stubFor(post(urlEqualTo(EMBEDDINGS)).withRequestBody(containing(tag))
                .atPriority(1).willReturn(answer));
        try {
            String question = QUESTION + " " + tag;
            double failures = failures();
            FaqMatch match = faq.match(question, "nl");
            FaqMatch lexical = Faq.of(faq.entries(), Map.of(), FaqProperties.defaults(Path.of("."))
                    .withSemantic(FaqProperties.Semantic.OFF)).match(question, "nl");

            assertThat(match.explanation().semantic()).isEqualTo("unavailable");
            assertThat(match.explanation().signals()).extracting(MatchExplanation.Signal::name)
                    .containsExactly("words", "ngrams");
            assertThat(match.best().entry().id()).isEqualTo("meterstand-doorgeven")
                    .isEqualTo(lexical.best().entry().id());
            assertThat(match.confidence()).isEqualTo(lexical.confidence());
            assertThat(match.outcome()).isEqualTo(lexical.outcome()).isEqualTo(FaqMatch.Outcome.ANSWER);
            assertThat(failures()).isEqualTo(failures + failed);
            // and once the endpoint answers again, so does the signal (a slow answer may still hold the connection)
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> faq.match(QUESTION, "nl").explanation().semantic().equals("remote"));
        } finally {
            MODEL.removeStub(broken);
        }
    }

    private double failures() {
        return meters.find("loket.faq.embeddings.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}

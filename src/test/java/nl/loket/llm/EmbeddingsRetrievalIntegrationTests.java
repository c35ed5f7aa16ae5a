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
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.loket.ChatClient;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqMatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Embeddings retrieval behind the router, with WireMock serving OpenAI's {@code /embeddings} wire
 * format. The fake model gives every text a vector of the topics it mentions, so "samenwonen" lands
 * next to the moving-house entry although no word of the question is in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"loket.faq.dir=src/test/resources/faq-fixture", "loket.llm.top-k=2",
            "loket.llm.embeddings-model=text-embedding-3-small", "loket.llm.breaker.minimum-calls=1000"})
class EmbeddingsRetrievalIntegrationTests {

    static final String EMBEDDINGS = "/v1/embeddings";
    static final String CHAT = "/v1/chat/completions";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort().extensions(new TopicVectors()));

    static {
        MODEL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MODEL::stop));
        // before the context starts: it embeds the FAQ entries at once
        MODEL.stubFor(post(urlEqualTo(EMBEDDINGS)).willReturn(aResponse().withTransformers("topic-vectors")));
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("Zie [1]", ".")))));
    }

    /** The "semantic" part of the fake model: one dimension per topic, plus a small constant one. */
    static final class TopicVectors implements ResponseDefinitionTransformerV2 {

        static final List<List<String>> TOPICS = List.of(
                List.of("verhuiz", "samenwon", "nieuw adres", "nieuwe adres"),
                List.of("meterstand", "meter"),
                List.of("termijnbedrag", "per maand"),
                List.of("stroom"),
                List.of("klacht", "ontevreden"));

        static float[] vector(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            float[] v = new float[TOPICS.size() + 1];
            v[0] = 0.05f;
            for (int i = 0; i < TOPICS.size(); i++) {
                v[i + 1] = TOPICS.get(i).stream().anyMatch(lower::contains) ? 1f : 0f;
            }
            return v;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode input = JSON.readTree(serveEvent.getRequest().getBodyAsString()).path("input");
            List<float[]> vectors = new ArrayList<>();
            input.valueStream().forEach(text -> vectors.add(vector(text.asString())));
            return okForContentType("application/json", OpenAiWire.embeddings(vectors)).build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return "topic-vectors";
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LlmTestContext.properties(registry, MODEL);
    }

    @Autowired
    SemanticIndex index;
    @Autowired
    GroundingSources lexical;
    @Autowired
    Faq faq;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @BeforeEach
    void model() {
        MODEL.resetRequests();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> index.size() == lexical.corpus().size());
    }

    @Test
    void theNearestEntryJoinsTheLexicalOnesAndNoPersonalDataReachesTheEmbeddingsEndpoint() {
        String question = "Wij gaan binnenkort samenwonen, kan dat in de app? Mail joke@example.nl of bel 06-12345678";
        List<String> byWords = titles(lexical.find(question, "nl", 2));
        assertThat(faq.match(question, "nl").outcome()).as("the FAQ tier passes").isEqualTo(FaqMatch.Outcome.NONE);
        assertThat(byWords).as("found by words alone").isNotEmpty().doesNotContain("Verhuizen");

        String prompt = ask(question, "zzsemanticzz");

        assertThat(sourceTitles(prompt)).containsExactly(byWords.getFirst(), "Verhuizen");
        List<String> embedded = MODEL.findAll(postRequestedFor(urlEqualTo(EMBEDDINGS))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
        String questionRequest = embedded.stream().filter(b -> b.contains("zzsemanticzz")).findFirst().orElseThrow();
        assertThat(questionRequest).contains("[e-mail]").contains("[phone]").contains("text-embedding-3-small");
        assertThat(embedded).noneMatch(b -> b.contains("joke@example.nl") || b.contains("12345678"));
    }

    @Test
    void aFailingEmbeddingsEndpointLeavesTheLexicalSourcesAndIsCounted() {
        var broken = MODEL.stubFor(post(urlEqualTo(EMBEDDINGS)).withRequestBody(containing("zzbrokenzz"))
                .atPriority(1).willReturn(OpenAiWire.error(500, "server_error")));
        try {
            String question = "Wij gaan binnenkort samenwonen, kan dat in de app?";
            double before = failures();

            String prompt = ask(question, "zzbrokenzz");

            assertThat(sourceTitles(prompt)).containsExactlyElementsOf(titles(lexical.find(question, "nl", 2)));
            assertThat(failures()).isEqualTo(before + 1);
        } finally {
            MODEL.removeStub(broken);
        }
    }

    private double failures() {
        return meters.find("loket.llm.embeddings.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Asks over a real socket, waits for the LLM's answer, returns the user message the model got. */
    private String ask(String question, String tag) {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.hello(Map.of("lang", "nl"));
            chat.send(Map.of("type", "message", "clientMsgId", "m1", "text", question + " " + tag));
            JsonNode answer = chat.awaitEvent(e -> e.path("author").asString().equals("bot"));
            assertThat(answer.path("tier").asString()).isEqualTo("llm");
        }
        LoggedRequest request = MODEL.findAll(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing(tag)))
                .getFirst();
        return JSON.readTree(request.getBodyAsString()).path("messages").get(1).path("content").asString();
    }

    private static List<String> titles(List<GroundingSource> sources) {
        return sources.stream().map(GroundingSource::title).toList();
    }

    private static List<String> sourceTitles(String prompt) {
        List<String> titles = new ArrayList<>();
        Matcher m = Pattern.compile("<source number=\"(\\d+)\" title=\"([^\"]*)\">").matcher(prompt);
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(titles.size() + 1);
            titles.add(m.group(2));
        }
        return titles;
    }
}

package nl.loket.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.loket.TestRedis;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationListener;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The shared WireMock model and Redis of the LLM integration tests, with generous timeouts. */
final class LlmTestContext {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());

    static {
        MODEL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MODEL::stop));
    }

    private LlmTestContext() {
    }

    static void properties(DynamicPropertyRegistry registry) {
        properties(registry, MODEL);
    }

    /** The same settings against another WireMock server (one with extensions, say). */
    static void properties(DynamicPropertyRegistry registry, WireMockServer model) {
        int redis = TestRedis.start();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redis);
        registry.add("loket.llm.base-url", () -> model.baseUrl() + "/v1");
        registry.add("loket.llm.api-key", () -> "test-key");
        registry.add("loket.llm.model", () -> "gpt-4o-mini");
        // Large against the work they wait for, so a loaded machine only makes a test slower; the
        // deadlines themselves are tested with short ones in ModelCallWatchdogTests.
        registry.add("loket.llm.timeouts.first-token", () -> "30s");
        registry.add("loket.llm.timeouts.idle", () -> "20s");
        registry.add("loket.llm.timeouts.total", () -> "60s");
        registry.add("loket.llm.max-output-tokens", () -> "60");
        registry.add("loket.llm.retry.backoff", () -> "20ms");
    }

    /**
     * The opt-in evaluations' settings: Redis, and the real endpoint from LOKET_LLM_EVAL_BASE_URL (with
     * LOKET_LLM_EVAL_API_KEY, LOKET_LLM_EVAL_MODEL, LOKET_LLM_EVAL_EMBEDDINGS_MODEL), with timeouts for a slow
     * local model and a breaker that never opens during a run.
     */
    static void realEndpoint(DynamicPropertyRegistry registry) {
        int redis = TestRedis.start();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redis);
        registry.add("loket.llm.base-url", () -> System.getenv("LOKET_LLM_EVAL_BASE_URL"));
        registry.add("loket.llm.api-key", () -> System.getenv().getOrDefault("LOKET_LLM_EVAL_API_KEY", ""));
        registry.add("loket.llm.model", () -> System.getenv().getOrDefault("LOKET_LLM_EVAL_MODEL", "gpt-4o-mini"));
        registry.add("loket.llm.embeddings-model",
                () -> System.getenv().getOrDefault("LOKET_LLM_EVAL_EMBEDDINGS_MODEL", "text-embedding-3-small"));
        registry.add("loket.llm.timeouts.first-token", () -> "60s");
        registry.add("loket.llm.timeouts.idle", () -> "30s");
        registry.add("loket.llm.timeouts.total", () -> "180s");
        registry.add("loket.llm.timeouts.embeddings", () -> "30s");
        registry.add("loket.llm.breaker.minimum-calls", () -> "100000");
        registry.add("loket.llm.breaker.sliding-window", () -> "100000");
    }

    /** What a customer's widget would see: deltas and withdrawals. */
    static final class Recorder implements ConversationListener {
        final List<String> deltas = new CopyOnWriteArrayList<>();
        final List<Long> discarded = new CopyOnWriteArrayList<>();
        final List<ConversationEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(ConversationEvent event) {
            events.add(event);
        }

        @Override
        public void onDelta(long replyTo, String text) {
            deltas.add(text);
        }

        @Override
        public void onDeltasDiscarded(long replyTo) {
            discarded.add(replyTo);
        }

        String streamed() {
            return String.join("", deltas);
        }
    }
}

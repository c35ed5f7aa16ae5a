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

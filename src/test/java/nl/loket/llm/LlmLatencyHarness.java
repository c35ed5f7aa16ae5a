package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.loket.LoketApplication;
import nl.loket.TestRedis;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationListener;
import nl.loket.conversation.Conversations;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures what Loket adds around the model: the same WireMock stream (fixed 200 ms before the
 * first byte, then 12 tokens) once straight through LangChain4j, once through the LLM tier
 * (redaction, prompt, watchdog, deltas over Redis pub/sub, check, store). Not a test: run it by hand
 * (docs/benchmarks.md, "LLM tier").
 */
public final class LlmLatencyHarness {

    private static final int WARMUP = 30;
    private static final int RUNS = 150;
    private static final int MODEL_DELAY_MS = 200;

    public static void main(String[] args) throws Exception {
        var model = new WireMockServer(options().dynamicPort().containerThreads(20));
        model.start();
        List<String> tokens = List.of("Je ", "geeft ", "je ", "meterstand ", "door ", "in ", "de ", "app ", "of ",
                "op ", "Mijn Omgeving ", "[1].");
        model.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(tokens)).withFixedDelay(MODEL_DELAY_MS)));
        int redis = TestRedis.start();
        ConfigurableApplicationContext app = new SpringApplication(LoketApplication.class).run(
                "--server.port=0", "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis,
                "--loket.llm.base-url=" + model.baseUrl() + "/v1", "--loket.llm.api-key=bench",
                "--loket.llm.breaker.minimum-calls=100000", "--logging.level.root=WARN");
        try {
            var raw = OpenAiStreamingChatModel.builder().baseUrl(model.baseUrl() + "/v1").apiKey("bench")
                    .modelName("gpt-4o-mini").build();
            LlmTier tier = app.getBean(LlmTier.class);
            Conversations conversations = app.getBean(Conversations.class);
            List<Long> rawFirst = new ArrayList<>();
            List<Long> rawTotal = new ArrayList<>();
            List<Long> tierFirst = new ArrayList<>();
            List<Long> tierTotal = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long[] r = rawCall(raw);
                long[] t = tierCall(tier, conversations);
                if (i >= WARMUP) {
                    rawFirst.add(r[0]);
                    rawTotal.add(r[1]);
                    tierFirst.add(t[0]);
                    tierTotal.add(t[1]);
                }
            }
            System.out.printf("runs=%d model delay=%d ms%n", RUNS, MODEL_DELAY_MS);
            print("LangChain4j alone, first token", rawFirst);
            print("LangChain4j alone, complete   ", rawTotal);
            print("Loket tier, first delta       ", tierFirst);
            print("Loket tier, answer stored     ", tierTotal);
            System.out.printf("added by Loket (median): first delta +%.2f ms, stored answer +%.2f ms%n",
                    (median(tierFirst) - median(rawFirst)) / 1e6, (median(tierTotal) - median(rawTotal)) / 1e6);
        } finally {
            app.close();
            model.stop();
        }
        System.exit(0);
    }

    private static long[] rawCall(OpenAiStreamingChatModel raw) throws Exception {
        long start = System.nanoTime();
        long[] first = {0};
        var done = new CompletableFuture<Long>();
        raw.chat(ChatRequest.builder().messages(SystemMessage.from("s"), UserMessage.from("q")).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String text) {
                        if (first[0] == 0 && !text.isEmpty()) {
                            first[0] = System.nanoTime() - start;
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse response) {
                        done.complete(System.nanoTime() - start);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
        long total = done.get();
        return new long[] {first[0], total};
    }

    private static long[] tierCall(LlmTier tier, Conversations conversations) throws InterruptedException {
        String id = conversations.start("nl", null, null).conversation().id();
        long seq = conversations.appendCustomerMessage(id, "b", "Hoe geef ik mijn meterstand door?").stored()
                .orElseThrow().seq();
        var firstDeltaAt = new java.util.concurrent.atomic.AtomicLong();
        try (var subscription = conversations.subscribe(id, seq, new ConversationListener() {
            @Override
            public void onEvent(ConversationEvent event) {
            }

            @Override
            public void onDelta(long replyTo, String text) {
                firstDeltaAt.compareAndSet(0, System.nanoTime());
            }
        })) {
            long start = System.nanoTime();
            LlmOutcome outcome = tier.answer(new LlmRequest(id, seq, "Hoe geef ik mijn meterstand door?", "nl",
                    List.of(), LlmIntegrationTest.SOURCES));
            long total = System.nanoTime() - start;
            if (!(outcome instanceof LlmOutcome.Answered)) {
                throw new IllegalStateException("expected an answer, got " + outcome);
            }
            while (firstDeltaAt.get() == 0) {
                Thread.sleep(1);
            }
            return new long[] {firstDeltaAt.get() - start, total};
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String label, List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf("%s p50 %.2f ms  p90 %.2f ms  p99 %.2f ms%n", label, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() * 9 / 10) / 1e6, sorted.get(sorted.size() * 99 / 100) / 1e6);
    }
}

package nl.loket.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestClock;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.llm.OpenAiWire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two live nodes whose clocks disagree by months (a node without NTP, a VM restored from a
 * snapshot): while node A waits seconds for the model, node B, whose clock runs far ahead, must not
 * take A's message over as if A's lease had run out, or the customer gets two answers. Leases run
 * on the Redis server's clock, which both share.
 */
class ClockSkewFaultIntegrationTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static FaultRedis redis;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        MODEL.start();
        // longer than the lease: A renews it while it waits, B sweeps several times meanwhile
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(OpenAiWire.sse(
                OpenAiWire.stream(List.of("Dat weet ik niet."))).withFixedDelay(5_000)));
        redis = new FaultRedis("clock-skew");
        a = FaultNodes.start("node-a", new TestClock(TestClock.MONDAY_10), FaultNodes.properties(redis,
                "loket.llm.base-url=" + MODEL.baseUrl() + "/v1", "loket.llm.timeouts.first-token=30s",
                "loket.llm.timeouts.total=60s", "loket.llm.retry.max-attempts=1"));
        b = FaultNodes.start("node-b", new TestClock(TestClock.MONDAY_10.plus(Duration.ofDays(90))),
                FaultNodes.properties(redis));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        redis.close();
        MODEL.stop();
    }

    @Test
    void aNodeWhoseClockRunsAheadDoesNotTakeOverALiveNodesMessage() {
        try (var customer = ChatClient.connect(FaultNodes.port(a))) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            customer.send(FaultSupport.message("q1", "Mag mijn kat op de meterkast slapen?"));
            long question = customer.awaitType("ack").path("seq").asLong();
            FaultSupport.injected("node B's clock 90 days ahead of node A's; A waits 5 s for the model on #" + question);

            customer.awaitEvent(FaultSupport::fromBot); // A's, after the model; before the fix B's came first

            List<ConversationEvent> answers = a.getBean(Conversations.class).eventsAfter(id, question).stream()
                    .filter(e -> e.author() == Author.BOT).toList();
            double takenOver = b.getBean(MeterRegistry.class).get("loket.routing.taken.over").counter().count();
            FaultSupport.found(answers.size() + " answer(s) to #" + question + "; node B took over " + takenOver);
            assertThat(takenOver).as("messages node B took over from the live node A").isZero();
            assertThat(answers).as("answers to #%d", question).hasSize(1);
        }
    }
}

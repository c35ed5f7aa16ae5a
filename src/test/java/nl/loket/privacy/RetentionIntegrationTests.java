package nl.loket.privacy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Node;
import nl.loket.privacy.Scripted.Person;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * With a short retention, nothing personal outlives it: every key that holds anything of a conversation
 * (its log, the handover's state, details and packet, the routing memory, a callback task, ...) carries a
 * TTL of at most the retention, and after it a scan of all of Redis finds none of it. Redis itself expires
 * the keys (on its own clock, not the application's), so the test waits for it, with a generous ceiling.
 */
class RetentionIntegrationTests {

    static final Duration RETENTION = Duration.ofSeconds(6);
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(TestClock.SUNDAY_NOON);
    static Node node;

    @BeforeAll
    static void start() {
        MODEL.start();
        Scripted.stubModel(MODEL);
        List<String> properties = new ArrayList<>(List.of(Scripted.modelProperties(MODEL)));
        properties.add("loket.conversation.retention=" + RETENTION.toSeconds() + "s");
        // budgets expire once full again (an hour for the shipped model-call budget): full again within the wait
        properties.add("loket.gateway.limits.llm-calls-per-conversation=10, 10/1s");
        node = Node.start("retention", CLOCK, properties.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        node.close();
        MODEL.stop();
    }

    @Test
    void nothingOfAConversationOrWhatWasDerivedFromItOutlivesTheRetention() {
        Person joke = Person.unique();
        List<String> traces = new ArrayList<>(joke.personalData());
        traces.add(Scripted.callback(node, joke)); // closed: a callback task
        // forward only: routing leases fall due on the application's clock, and one set back would wait for it
        CLOCK.set(TestClock.MONDAY_10);
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            traces.add(Scripted.full(node, anna, joke));
        }
        traces.add(Scripted.brief(node, joke));
        StringRedisTemplate redis = node.bean(StringRedisTemplate.class);

        var holding = RedisContents.holding(redis, traces);
        assertThat(holding).as("stored").isNotEmpty();
        assertThat(holding.keySet()).as("the handover's keys and the callback task are among them")
                .anyMatch(k -> k.startsWith("loket:handover:{c:")).anyMatch(k -> k.startsWith("loket:handover:callback:"))
                .anyMatch(k -> k.startsWith("loket:routing:{c:"));
        // shared indexes (a queue, the routing lease's due set) hold ids only and live on while in use: they
        // must drop the id, checked below. The gateway's budgets per conversation hold token counts only and
        // expire once full again (minutes, whatever the retention). Every key with contents has its TTL.
        holding.keySet().stream().filter(key -> !List.of(DataType.SET, DataType.ZSET).contains(redis.type(key)))
                .forEach(key -> assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as("TTL of " + key)
                        .isBetween(1L, key.startsWith("loket:gateway:") ? Long.MAX_VALUE : RETENTION.toMillis()));

        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(RedisContents.holding(redis, traces)).as("left after the retention").isEmpty());
    }
}

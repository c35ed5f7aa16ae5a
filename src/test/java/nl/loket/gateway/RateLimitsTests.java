package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import nl.loket.TestClock;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared budgets against a real Redis, as a node meets them right after it started. */
class RateLimitsTests {

    /**
     * A burst of connections right after start-up: every thread that found no bucket proxy yet built
     * one, each with a Redis connection of its own, and some of them failed (found with the load
     * suite: sockets closed with a stack trace). One proxy, one connection, whatever the burst.
     */
    @Test
    void aBurstOfFirstSocketsSharesOneConnectionForTheBudgets() throws Exception {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestRedis.start()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            var properties = new Binder(new MapConfigurationPropertySource()).bindOrCreate("loket.gateway",
                    GatewayProperties.class);
            var limits = new RateLimits(factory, template(factory), properties, new TestClock(TestClock.MONDAY_10),
                    new SimpleMeterRegistry());
            int before = clients(factory);
            int threads = 32;
            var start = new CountDownLatch(1);
            List<Future<Boolean>> opened;
            try (var pool = Executors.newFixedThreadPool(threads)) {
                opened = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                    start.await();
                    return limits.socketOpened("192.0.2." + i);
                })).toList();
                start.countDown();
                for (Future<Boolean> socket : opened) {
                    assertThat(socket.get()).isTrue();
                }
            }
            assertThat(clients(factory) - before).as("Redis connections opened for the budgets").isEqualTo(1);
        } finally {
            factory.destroy();
        }
    }

    /**
     * The message budget is one script call (docs/benchmarks.md, "Message path"), shared by the nodes: the
     * burst at once, then the refill at its pace; a refund gives one back.
     */
    @Test
    void theMessageBudgetHoldsAcrossNodesRefillsAndTakesRefunds() {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestRedis.start()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            var properties = new Binder(new MapConfigurationPropertySource(
                    java.util.Map.of("loket.gateway.limits.messages-per-conversation", "3, 2/1m")))
                    .bindOrCreate("loket.gateway", GatewayProperties.class);
            var clock = new TestClock(TestClock.MONDAY_10);
            var meters = new SimpleMeterRegistry();
            var one = new RateLimits(factory, template(factory), properties, clock, meters);
            var other = new RateLimits(factory, template(factory), properties, clock, meters);
            String conversation = "budget-" + System.nanoTime();

            assertThat(List.of(one.messageAllowed(conversation), other.messageAllowed(conversation),
                    one.messageAllowed(conversation))).containsOnly(true);
            assertThat(other.messageAllowed(conversation)).as("the burst is spent on both nodes").isFalse();
            one.messageRefunded(conversation);
            assertThat(other.messageAllowed(conversation)).as("a refund gives one back").isTrue();
            assertThat(one.messageAllowed(conversation)).isFalse();
            clock.advance(java.time.Duration.ofSeconds(30)); // 2 per minute: one token in 30 s
            assertThat(one.messageAllowed(conversation)).isTrue();
            assertThat(other.messageAllowed(conversation)).isFalse();
            clock.advance(java.time.Duration.ofHours(1)); // refilled up to the burst, not beyond
            assertThat(IntStream.range(0, 4).mapToObj(i -> one.messageAllowed(conversation)).toList())
                    .containsExactly(true, true, true, false);
            assertThat(meters.counter("loket.gateway.refused", "limit", "messages-per-conversation").count())
                    .isEqualTo(4);
        } finally {
            factory.destroy();
        }
    }

    private static StringRedisTemplate template(LettuceConnectionFactory factory) {
        var template = new StringRedisTemplate(factory);
        template.afterPropertiesSet();
        return template;
    }

    private static int clients(LettuceConnectionFactory factory) {
        try (var connection = factory.getConnection()) {
            return connection.serverCommands().getClientList().size();
        }
    }
}

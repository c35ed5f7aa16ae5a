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
            var limits = new RateLimits(factory, properties, new TestClock(TestClock.MONDAY_10),
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

    private static int clients(LettuceConnectionFactory factory) {
        try (var connection = factory.getConnection()) {
            return connection.serverCommands().getClientList().size();
        }
    }
}

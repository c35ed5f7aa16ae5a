package nl.loket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.nio.file.Path;
import nl.loket.demo.NotForProduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedRedisTests {

    @Test
    void isRefusedOutsideDemoMode() {
        var environment = new MockEnvironment();

        assertThatThrownBy(() -> new EmbeddedRedis(new DeferredLogs()).postProcessEnvironment(environment, null))
                .isInstanceOf(NotForProduction.class).hasMessageContaining("embedded Redis");
        assertThat(environment.containsProperty("spring.data.redis.port")).isFalse();
    }

    @Test
    void staysOffWhenARedisIsConfiguredEvenOutsideDemoMode() {
        var environment = new MockEnvironment().withProperty("spring.data.redis.host", "redis.internal");

        new EmbeddedRedis(new DeferredLogs()).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.data.redis.host")).isEqualTo("redis.internal");
    }

    @Test
    void keepsItsDataInItsFolderAcrossRestartsBehindAGeneratedPassword(@TempDir Path folder) throws IOException {
        var first = EmbeddedRedis.Running.start(folder);
        try {
            var anonymous = RedisClient.create(RedisURI.create("127.0.0.1", first.port()));
            try {
                assertThatThrownBy(anonymous::connect).hasRootCauseInstanceOf(RedisCommandExecutionException.class)
                        .rootCause().hasMessageContaining("NOAUTH");
            } finally {
                anonymous.shutdown();
            }
            run(first, "SET");
        } finally {
            first.stop();
        }
        var second = EmbeddedRedis.Running.start(folder);
        try {
            assertThat(second.password()).isNotEqualTo(first.password());
            assertThat(run(second, "GET")).isEqualTo("kept");
        } finally {
            second.stop();
        }
    }

    private static String run(EmbeddedRedis.Running redis, String command) {
        var client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(redis.port())
                .withPassword(redis.password().toCharArray()).build());
        try (var connection = client.connect()) {
            if (command.equals("SET")) {
                return connection.sync().set("demo", "kept");
            }
            return connection.sync().get("demo");
        } finally {
            client.shutdown();
        }
    }
}

package nl.loket.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.RedisServer;

/**
 * Starts a real Redis binary (shipped in the embedded-redis jar) when no Redis is configured, so
 * that {@code ./mvnw spring-boot:run} works on a fresh machine with nothing installed. As soon as
 * {@code spring.data.redis.host}, {@code .url}, {@code .cluster.nodes} or {@code .sentinel.master}
 * is set, or {@code loket.redis.embedded=false}, nothing starts.
 */
class EmbeddedRedis implements EnvironmentPostProcessor {

    private static final String[] EXTERNAL_REDIS = {"spring.data.redis.host", "spring.data.redis.url",
        "spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master"};

    private static RedisServer server;
    private static int port;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("loket.redis.embedded", Boolean.class, true)) {
            return;
        }
        for (String key : EXTERNAL_REDIS) {
            if (environment.containsProperty(key)) {
                return;
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("loket-embedded-redis",
                Map.<String, Object>of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", startOnce())));
    }

    /** One server per JVM, however many application contexts start in it. */
    private static synchronized int startOnce() {
        if (server == null) {
            try {
                port = freePort();
                server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedRedis::stop, "embedded-redis-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded Redis; set SPRING_DATA_REDIS_HOST "
                        + "to use an external one", e);
            }
        }
        return port;
    }

    private static void stop() {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is going down; the child process dies with it
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

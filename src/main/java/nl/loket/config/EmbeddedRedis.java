package nl.loket.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import nl.loket.demo.DemoMode;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import redis.embedded.RedisServer;

/**
 * Starts a real Redis binary (shipped in the embedded-redis jar) when no Redis is configured, so
 * that {@code ./mvnw spring-boot:run} works on a fresh machine with nothing installed. Demo mode
 * only: a deployment that forgot {@code spring.data.redis.*} must not keep its conversations in a
 * child process of the JVM. It listens on 127.0.0.1 only, wants a password generated per start, and
 * keeps its data (append-only file) in {@code loket.redis.embedded-dir}, so a restart loses nothing.
 * As soon as {@code spring.data.redis.host}, {@code .url}, {@code .cluster.nodes} or
 * {@code .sentinel.master} is set, or {@code loket.redis.embedded=false}, nothing starts.
 */
class EmbeddedRedis implements EnvironmentPostProcessor {

    private static final String[] EXTERNAL_REDIS = {"spring.data.redis.host", "spring.data.redis.url",
        "spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master"};

    private static Running running;

    private final Log log;

    EmbeddedRedis(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedRedis.class);
    }

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
        Path folder = Path.of(environment.getProperty("loket.redis.embedded-dir", "data/redis")).toAbsolutePath();
        DemoMode.of(environment).demoOnly("no Redis is configured, so the embedded Redis would hold every "
                + "conversation (data in " + folder + ")", "set SPRING_DATA_REDIS_HOST (with SPRING_DATA_REDIS_PORT "
                + "and SPRING_DATA_REDIS_PASSWORD) or SPRING_DATA_REDIS_CLUSTER_NODES to your Redis", log);
        Running redis = startOnce(folder);
        environment.getPropertySources().addFirst(new MapPropertySource("loket-embedded-redis",
                Map.<String, Object>of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", redis.port(),
                        "spring.data.redis.password", redis.password())));
    }

    /** One server per JVM, however many application contexts start in it. */
    private static synchronized Running startOnce(Path folder) {
        if (running == null) {
            try {
                running = Running.start(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded Redis in " + folder
                        + "; set SPRING_DATA_REDIS_HOST to use an external one", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "embedded-redis-stop"));
        }
        return running;
    }

    /** A started embedded Redis: loopback only, a fresh password, its append-only file in {@code folder}. */
    record Running(RedisServer server, int port, String password) {

        static Running start(Path folder) throws IOException {
            Files.createDirectories(folder);
            int port = freePort();
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            var server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir \"" + folder + "\"").setting("appendonly yes").setting("save \"\"")
                    .setting("requirepass " + password).build();
            server.start();
            return new Running(server, port, password);
        }

        void stop() {
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
}

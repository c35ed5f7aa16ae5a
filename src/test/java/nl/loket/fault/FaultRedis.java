package nl.loket.fault;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * A Redis of the fault suite's own (the embedded-redis binary on a port of its own), so a test can
 * stop, restart and disturb it without touching the Redis the rest of the suite shares. It keeps
 * an append-only file synced on every write, as a Redis that promises not to lose an acknowledged
 * message would.
 */
final class FaultRedis implements AutoCloseable {

    final int port;
    private final Path dir;
    private RedisServer server;
    private final LettuceConnectionFactory factory;
    /** The test's own connection, for what it injects and inspects. */
    final StringRedisTemplate redis;

    private final FaultRedis primary;

    FaultRedis(String name) {
        this(name, null);
    }

    /** A replica of {@code primary} (Redis' own asynchronous replication). */
    static FaultRedis replicaOf(FaultRedis primary) {
        return new FaultRedis("replica", primary);
    }

    private FaultRedis(String name, FaultRedis primary) {
        this.primary = primary;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
            dir = Files.createDirectories(Path.of("target", "fault-redis", name + "-" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    synchronized void start() {
        try {
            var builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir \"" + dir.toAbsolutePath() + "\"").setting("appendonly yes")
                    .setting("appendfsync always").setting("save \"\"");
            if (primary != null) {
                builder.slaveOf("127.0.0.1", primary.port);
            }
            server = builder.build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fault suite's Redis on " + port, e);
        }
    }

    synchronized void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code CLIENT KILL TYPE pubsub}: drops every subscriber's connection; returns how many there were. */
    long killPubSubClients() {
        var client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (var connection = client.connect()) {
            return connection.sync().clientKill(KillArgs.Builder.typePubsub());
        } finally {
            client.shutdown();
        }
    }

    /** The properties that point a node at this Redis (short timeouts: a node must notice it is gone). */
    List<String> properties() {
        return List.of("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + port);
    }

    @Override
    public void close() {
        factory.destroy();
        stop();
    }
}

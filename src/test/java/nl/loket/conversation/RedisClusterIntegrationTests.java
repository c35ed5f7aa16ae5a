package nl.loket.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import io.lettuce.core.RedisClient;
import nl.loket.ChatClient;
import nl.loket.LoketApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisShardedCluster;
import tools.jackson.databind.JsonNode;

/**
 * Loket on a real three-shard Redis Cluster: the Lua append works because every key of a
 * conversation shares its {c:id} hash slot, and fan-out works through cluster pub/sub.
 */
class RedisClusterIntegrationTests {

    static RedisShardedCluster cluster;
    static ConfigurableApplicationContext loket;

    @BeforeAll
    static void start() throws IOException {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < 3) {
            int port = freePort();
            // a cluster node also listens on port + 10000 for its bus
            if (port < 55000 && portIsFree(port + 10000)) {
                ports.add(port);
            }
        }
        cluster = RedisShardedCluster.newRedisCluster().serverPorts(ports).shard("a", 0).shard("b", 0)
                .shard("c", 0).initializationTimeout(Duration.ofSeconds(20)).build();
        cluster.start();
        awaitClusterOk(ports);
        String nodes = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        loket = new SpringApplicationBuilder(LoketApplication.class).run("--server.port=0",
                "--spring.data.redis.cluster.nodes=" + nodes);
    }

    /** The nodes answer before they agree on the slots; writes fail with CLUSTERDOWN until then. */
    private static void awaitClusterOk(List<Integer> ports) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int port : ports) {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
            try (var connection = client.connect()) {
                while (!connection.sync().clusterInfo().contains("cluster_state:ok")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the test cluster did not come up");
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                client.shutdown();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (loket != null) {
            loket.close();
        }
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void storesReplaysAndFansOutOnACluster() {
        int port = ((WebServerApplicationContext) loket).getWebServer().getPort();
        JsonNode welcome;
        try (ChatClient chat = ChatClient.connect(port)) {
            welcome = chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "message", "clientMsgId", "c1", "text", "hello cluster"));
            chat.awaitEvent(e -> e.path("author").asString().equals("bot"));
        }
        try (ChatClient again = ChatClient.connect(port)) {
            again.hello(Map.of("conversationId", welcome.path("conversationId").asString(), "token",
                    welcome.path("token").asString()));
            again.awaitEvent(e -> e.path("seq").asLong() == 2);
            assertThat(again.events()).extracting(e -> e.path("author").asString()).containsExactly("customer", "bot");
        }
    }

    @Test
    void readsConversationsOnEveryShardInOneCall() {
        Conversations conversations = loket.getBean(Conversations.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) { // 30 random hash tags: every shard holds some of them
            ids.add(conversations.start("nl", null, null).conversation().id());
        }
        ids.add(2, "00000000-0000-4000-8000-000000000000");
        ids.add(5, "not an id");

        List<java.util.Optional<Conversation>> found = conversations.findAll(ids);

        assertThat(found).hasSize(32);
        assertThat(found.get(2)).isEmpty();
        assertThat(found.get(5)).isEmpty();
        assertThat(found).filteredOn(java.util.Optional::isPresent).hasSize(30)
                .allSatisfy(c -> assertThat(c.orElseThrow().holder()).isEqualTo(new Holder.Bot()));
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            found.get(i).ifPresent(c -> assertThat(c.id()).isEqualTo(id));
        }
    }
}

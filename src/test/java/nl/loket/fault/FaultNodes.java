package nl.loket.fault;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.loket.LoketApplication;
import nl.loket.TestClock;
import nl.loket.TestClockInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The settings every node of the fault suite runs with, and nodes in this JVM. */
final class FaultNodes {

    private FaultNodes() {
    }

    /**
     * A fixed FAQ (which questions the bot answers must not move with the sample content), a short
     * Redis timeout (a node must notice Redis is gone in seconds, not Lettuce's minute), and a
     * sweep for abandoned routing several times a second, and a lease of a few seconds (it runs on
     * Redis's clock, so a node's test clock neither shortens nor stretches it), and view registrations
     * renewed every second (a lapsed one is found that soon).
     */
    static List<String> properties(FaultRedis redis, String... extra) {
        List<String> properties = new ArrayList<>(redis.properties());
        properties.addAll(List.of("loket.faq.dir=src/test/resources/faq-fixture", "loket.console.heartbeat=1s",
                "loket.handover.presence-ttl=5s", "spring.data.redis.timeout=2s",
                "loket.conversation.routing-lease=4s", "loket.conversation.routing-sweep=200ms",
                "loket.conversation.view-ttl=3s"));
        properties.addAll(List.of(extra));
        return properties;
    }

    private static Shared shared;

    /**
     * One node on a Redis of its own, shared by the fault tests that need nothing else (a context
     * start is most of a fault test's time). It has the shipped gateway budgets (the test resources
     * raise them for the rest of the suite) and trusts 127.0.0.1 as a proxy, so a test can send from
     * any address with {@code X-Forwarded-For}. A test that stops its Redis starts it again.
     */
    static synchronized Shared shared() {
        if (shared == null) {
            var redis = new FaultRedis("shared");
            var node = start("node", new TestClock(TestClock.MONDAY_10), properties(redis,
                    "loket.gateway.limits.frames-per-socket=30, 5/1s",
                    "loket.gateway.limits.sockets-per-address=60, 60/1m",
                    "loket.gateway.limits.conversations-per-address=20, 60/1h",
                    "loket.gateway.limits.sockets-per-conversation=5, 5/5m",
                    "loket.gateway.limits.messages-per-conversation=20, 6/1m",
                    "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"));
            shared = new Shared(redis, node);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                redis.close();
            }));
        }
        return shared;
    }

    record Shared(FaultRedis redis, ConfigurableApplicationContext node) {

        int port() {
            return FaultNodes.port(node);
        }
    }

    /** A node in this JVM on {@code clock}; its port is {@link #port}. */
    static ConfigurableApplicationContext start(String name, Clock clock, List<String> properties) {
        String[] args = Stream.concat(Stream.of("server.port=0", "spring.application.name=" + name),
                properties.stream()).map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(LoketApplication.class).initializers(TestClockInitializer.sharing(clock))
                .run(args);
    }

    static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}

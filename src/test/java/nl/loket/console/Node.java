package nl.loket.console;

import java.time.Clock;
import nl.loket.LoketApplication;
import nl.loket.TestClockInitializer;
import nl.loket.TestRedis;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One application instance on its own port, sharing the test Redis (and the test clock) with the others. */
public final class Node implements AutoCloseable {

    public final ConfigurableApplicationContext context;
    public final int port;

    private Node(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public static Node start(String name, Clock clock, String... extraProperties) {
        String[] base = {"server.port=0", "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=" + TestRedis.start(), "spring.application.name=" + name,
            "loket.console.heartbeat=1s", "loket.handover.presence-ttl=5s",
            // a fixed FAQ: which questions the bot can answer must not move with the sample content
            "loket.faq.dir=src/test/resources/faq-fixture"};
        // as command-line arguments: they win over application.yml (builder properties would not)
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.Arrays.stream(extraProperties)).map(p -> "--" + p).toArray(String[]::new);
        var context = new SpringApplicationBuilder(LoketApplication.class)
                .initializers(TestClockInitializer.sharing(clock))
                .run(args);
        return new Node(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String http() {
        return "http://localhost:" + port;
    }

    public String ws(String path) {
        return "ws://localhost:" + port + path;
    }

    @Override
    public void close() {
        context.close();
    }
}

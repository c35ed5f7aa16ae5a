package nl.loket;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Loket nodes on their own ports that share nothing but one real Redis. */
public final class TwoNodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    public TwoNodes(String... properties) {
        // one clock for both, as two servers synchronised by NTP would have
        TestClock clock = TestClock.atRunMoment();
        for (int i = 0; i < 2; i++) {
            // command-line arguments, so they win over application.yml like a real deployment's would
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + TestRedis.start(),
                    "--spring.application.name=loket-node-" + (char) ('a' + i)));
            for (String property : properties) {
                args.add("--" + property);
            }
            nodes.add(new SpringApplicationBuilder(LoketApplication.class).initializers(TestClockInitializer.sharing(clock))
                    .run(args.toArray(String[]::new)));
        }
    }

    public int portA() {
        return port(0);
    }

    public int portB() {
        return port(1);
    }

    public ConfigurableApplicationContext a() {
        return nodes.get(0);
    }

    public ConfigurableApplicationContext b() {
        return nodes.get(1);
    }

    private int port(int index) {
        return ((WebServerApplicationContext) nodes.get(index)).getWebServer().getPort();
    }

    @Override
    public void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }
}

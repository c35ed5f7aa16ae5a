package nl.loket;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A full Loket on a random port against a real Redis. Subclasses share one application context,
 * so keep per-class properties out of here unless a test really needs its own context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public abstract class LoketIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    protected ChatClient connect() {
        return ChatClient.connect(port);
    }
}

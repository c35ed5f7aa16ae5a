package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "loket.gateway.max-frames-per-second=3")
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", TestRedis::start);
    }

    @Test
    void answersAFloodWithRateLimitedAndServesAgainAfterASecond() throws InterruptedException {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.hello(Map.of("lang", "en"));
            for (int i = 0; i < 10; i++) {
                chat.send(Map.of("type", "typing"));
            }
            chat.awaitError("rate_limited");

            Thread.sleep(1100);
            chat.send(Map.of("type", "message", "clientMsgId", "calm", "text", "sorry"));
            assertThat(chat.awaitType("ack").path("clientMsgId").asString()).isEqualTo("calm");
            assertThat(chat.isOpen()).isTrue();
        }
    }
}

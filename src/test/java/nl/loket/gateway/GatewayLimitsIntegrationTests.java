package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.socket.WebSocketHttpHeaders;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"loket.gateway.max-frames-per-second=3", "loket.gateway.heartbeat=200ms",
    "loket.gateway.allowed-origins=https://www.polderenergie.nl"})
/** Limits that need their own settings: a low frame rate, a fast heartbeat, one allowed origin. */
class GatewayLimitsIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
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

    @Test
    void acceptsSocketsOnlyFromTheAllowedOrigins() {
        URI uri = URI.create("ws://localhost:" + port + "/ws/chat");
        var allowed = new WebSocketHttpHeaders();
        allowed.setOrigin("https://www.polderenergie.nl");
        try (ChatClient chat = ChatClient.connect(uri, allowed)) {
            assertThat(chat.hello(Map.of()).path("status").asString()).isEqualTo("bot");
        }
        var other = new WebSocketHttpHeaders();
        other.setOrigin("https://evil.example");
        assertThatThrownBy(() -> ChatClient.connect(uri, other)).hasMessageContaining("could not connect");
    }

    @Test
    void dropsASocketThatStopsAnsweringPings() throws Exception {
        try (Socket raw = new Socket("localhost", port)) {
            raw.setSoTimeout(5000);
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws/chat HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = raw.getInputStream();
            String response = readHeaders(in);
            assertThat(response).startsWith("HTTP/1.1 101");

            // never answer: read pings until the server gives up on us
            boolean sawPing = false;
            long started = System.nanoTime();
            while (true) {
                int header = in.read();
                if (header == -1) {
                    break;
                }
                int opcode = header & 0x0F;
                int length = in.read() & 0x7F;
                in.readNBytes(length);
                if (opcode == 0x9) {
                    sawPing = true;
                }
                if (opcode == 0x8) {
                    break;
                }
            }
            assertThat(sawPing).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            headers.append((char) b);
        }
        return headers.toString();
    }
}

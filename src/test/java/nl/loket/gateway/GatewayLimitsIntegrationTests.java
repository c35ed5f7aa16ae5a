package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/**
 * Limits that need their own settings: small budgets (refilled so slowly that no test waits for it,
 * except the frame budget's), a fast heartbeat, one allowed origin. Each test comes from its own
 * client address, set by the forwarded header of the one trusted proxy (127.0.0.1), as behind a proxy:
 * the budgets live in the Redis every test context shares, and 127.0.0.1 is the other contexts' address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "loket.gateway.limits.frames-per-socket=10, 10/1s", "loket.gateway.limits.sockets-per-address=6, 1/1h",
    "loket.gateway.limits.conversations-per-address=3, 1/1h", "loket.gateway.limits.sockets-per-conversation=2, 1/1h",
    "loket.gateway.limits.messages-per-conversation=3, 1/1h", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
    "loket.gateway.heartbeat=200ms", "loket.gateway.allowed-origins=https://www.polderenergie.nl"})
class GatewayLimitsIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @Test
    void answersAFloodWithRateLimitedAndServesAgainAfterASecond() throws InterruptedException {
        try (ChatClient chat = from("198.51.100.8")) {
            chat.hello(Map.of("lang", "en"));
            for (int i = 0; i < 30; i++) {
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
    void countsOversizedAndBinaryFramesAgainstTheFrameBudget() {
        try (ChatClient binary = from("198.51.100.1"); ChatClient oversized = from("198.51.100.1")) {
            for (int i = 0; i < 30; i++) {
                binary.sendBinary(new byte[] {1, 2, 3});
                oversized.sendRaw("x".repeat(5000));
            }
            binary.awaitError("rate_limited");
            oversized.awaitError("rate_limited");
            assertThat(binary.isOpen()).isTrue();
            assertThat(oversized.isOpen()).isTrue();
        }
    }

    @Test
    void refusesSocketsFromOneAddressBeyondItsBudgetButNotFromAnother() {
        List<ChatClient> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                opened.add(from("198.51.100.2"));
            }
            ChatClient seventh = from("198.51.100.2");
            opened.add(seventh);
            assertThat(seventh.awaitError("rate_limited").path("message").asString()).contains("connections");
            await().atMost(Duration.ofSeconds(10)).until(() -> !seventh.isOpen());
            assertThat(opened.subList(0, 6)).allSatisfy(chat -> {
                assertThat(chat.isOpen()).isTrue();
                assertThat(chat.frames()).isEmpty();
            });

            ChatClient elsewhere = from("198.51.100.3");
            opened.add(elsewhere);
            assertThat(elsewhere.hello(Map.of()).path("status").asString()).isEqualTo("bot");
        } finally {
            opened.forEach(ChatClient::close);
        }
    }

    @Test
    void startsNewConversationsFromOneAddressOnlyWithinItsBudgetAndStillResumesThem() {
        JsonNode first = null;
        for (int i = 0; i < 3; i++) {
            try (ChatClient chat = from("198.51.100.4")) {
                JsonNode welcome = chat.hello(Map.of());
                first = first == null ? welcome : first;
            }
        }
        var spoofing = headersFrom("198.51.100.4");
        spoofing.add("Forwarded", "for=203.0.113.9"); // not the configured header: it changes nothing
        spoofing.add("X-Real-IP", "203.0.113.9");
        try (ChatClient fourth = ChatClient.connect(chatUri(), spoofing)) {
            fourth.send(Map.of("type", "hello"));
            assertThat(fourth.awaitError("rate_limited").path("message").asString()).contains("new conversations");
            assertThat(fourth.isOpen()).isTrue();
            // resuming is not starting: the same socket may still pick up its conversation
            JsonNode resumed = fourth.hello(Map.of("conversationId", first.path("conversationId").asString(),
                    "token", first.path("token").asString()));
            assertThat(resumed.path("conversationId").asString()).isEqualTo(first.path("conversationId").asString());
        }
        try (ChatClient elsewhere = from("198.51.100.5")) {
            assertThat(elsewhere.hello(Map.of()).path("status").asString()).isEqualTo("bot");
        }
    }

    @Test
    void holdsAConversationToItsSocketBudgetAndGivesASocketBackWhenOneCloses() {
        try (ChatClient first = from("198.51.100.6")) {
            JsonNode welcome = first.hello(Map.of());
            Map<String, Object> resume = Map.of("type", "hello", "conversationId",
                    welcome.path("conversationId").asString(), "token", welcome.path("token").asString());
            ChatClient second = from("198.51.100.6");
            second.send(resume).awaitType("welcome");
            try (ChatClient third = from("198.51.100.6")) {
                third.send(resume);
                assertThat(third.awaitError("rate_limited").path("message").asString()).contains("too many places");

                second.close();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    third.send(resume);
                    assertThat(third.frames()).anyMatch(f -> f.path("type").asString().equals("welcome"));
                });
            }
        }
    }

    @Test
    void holdsAConversationToItsMessageBudgetYetAcknowledgesAResendAfterAReconnect() {
        JsonNode welcome;
        long third;
        try (ChatClient chat = from("198.51.100.7")) {
            welcome = chat.hello(Map.of("lang", "en"));
            for (int i = 1; i <= 3; i++) {
                chat.send(Map.of("type", "message", "clientMsgId", "m-" + i, "text", "question " + i));
            }
            third = chat.await("ack m-3", f -> f.path("clientMsgId").asString().equals("m-3")).path("seq").asLong();
            chat.send(Map.of("type", "message", "clientMsgId", "m-4", "text", "question 4"));
            assertThat(chat.awaitError("rate_limited").path("message").asString()).contains("messages");
        }
        try (ChatClient again = from("198.51.100.7")) {
            again.hello(Map.of("conversationId", welcome.path("conversationId").asString(), "token",
                    welcome.path("token").asString()));
            // the ack of m-3 was lost with the connection: the widget sends it again
            again.send(Map.of("type", "message", "clientMsgId", "m-3", "text", "question 3"));
            assertThat(again.awaitType("ack").path("seq").asLong()).isEqualTo(third);
        }
    }

    @Test
    void acceptsSocketsOnlyFromTheAllowedOrigins() {
        URI uri = URI.create("ws://localhost:" + port + "/ws/chat");
        var allowed = headersFrom("198.51.100.9");
        allowed.setOrigin("https://www.polderenergie.nl");
        try (ChatClient chat = ChatClient.connect(uri, allowed)) {
            assertThat(chat.hello(Map.of()).path("status").asString()).isEqualTo("bot");
        }
        var other = headersFrom("198.51.100.9");
        other.setOrigin("https://evil.example");
        assertThatThrownBy(() -> ChatClient.connect(uri, other)).hasMessageContaining("could not connect");
    }

    @Test
    void dropsASocketThatStopsAnsweringPings() throws Exception {
        try (Socket raw = new Socket("localhost", port)) {
            raw.setSoTimeout(5000);
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws/chat HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 198.51.100.10\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
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

    private ChatClient from(String address) {
        return ChatClient.connect(chatUri(), headersFrom(address));
    }

    private static WebSocketHttpHeaders headersFrom(String address) {
        var headers = new WebSocketHttpHeaders();
        headers.add("X-Forwarded-For", address);
        return headers;
    }

    private URI chatUri() {
        return URI.create("ws://localhost:" + port + "/ws/chat");
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

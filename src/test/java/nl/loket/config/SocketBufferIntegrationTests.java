package nl.loket.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import nl.loket.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * What keeps an idle customer socket small (docs/benchmarks.md, "Idle sockets"): the shipped socket buffers
 * (loket.websocket.socket-buffer-bytes, 2 KiB) are smaller than the largest frame a customer may send and
 * than the event it comes back as, and both must still arrive whole; and no permessage-deflate.
 */
class SocketBufferIntegrationTests extends LoketIntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    GatewayProperties gateway;

    @Autowired
    WebSocketProperties properties;

    @Test
    void tomcatUsesTheConfiguredBuffers() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        String bytes = Integer.toString(properties.socketBufferBytes());
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString(bytes);
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(bytes);
        assertThat(properties.socketBufferBytes()).isLessThan(gateway.maxFrameBytes());
    }

    @Test
    void aFrameOfTheMaximumSizeRoundTripsAndOneByteMoreIsTooLarge() {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "nl"));
            int room = gateway.maxFrameBytes() - frame("max", "").length(); // ASCII: one byte a character
            chat.sendRaw(frame("max", "meterstand-".repeat(room).substring(0, room)));

            assertThat(chat.awaitType("ack").path("clientMsgId").asString()).isEqualTo("max");
            String stored = chat.awaitEvent(e -> e.path("author").asString().equals("customer")).path("text").asString();
            assertThat(frame("max", stored).getBytes(StandardCharsets.UTF_8)).hasSize(gateway.maxFrameBytes());

            chat.sendRaw(frame("over", stored + "!"));
            chat.awaitError("too_large");
            chat.send(Map.of("type", "message", "clientMsgId", "after", "text", "nog daar?"));
            assertThat(chat.awaitType("ack").path("clientMsgId").asString()).isEqualTo("after");
        }
    }

    @Test
    void refusesPermessageDeflateThatBrowsersOffer() throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /ws/chat HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var response = new StringBuilder();
            var in = socket.getInputStream();
            while (!response.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).as("the upgrade response so far: %s", response).isNotNegative();
                response.append((char) b);
            }

            assertThat(response.toString()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }

    private static String frame(String id, String text) {
        return "{\"type\":\"message\",\"clientMsgId\":\"" + id + "\",\"text\":\"" + text + "\"}";
    }
}

package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A {@code hello} built to break the server: it gets a stable error and leaves nothing behind. */
class HostileHelloIntegrationTests extends LoketIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void refusesALastSeqBeyondTheLogAndLeavesNoSubscriptionBehind() {
        double before = subscriptions();
        String id;
        String token;
        try (ChatClient chat = connect()) {
            JsonNode welcome = chat.hello(Map.of("lang", "en"));
            id = welcome.path("conversationId").asString();
            token = welcome.path("token").asString();
        }

        List<ChatClient> hostile = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                ChatClient chat = connect();
                hostile.add(chat);
                chat.send(Map.of("type", "hello", "conversationId", id, "token", token, "lastSeq", Long.MAX_VALUE));
                assertThat(chat.awaitType("error").path("code").asString()).isEqualTo("bad_frame");
            }
            // the socket is still usable: a hello that makes sense after the refused one works
            ChatClient last = hostile.getLast();
            last.send(Map.of("type", "hello", "conversationId", id, "token", token, "lastSeq", 0));
            assertThat(last.awaitType("welcome").path("conversationId").asString()).isEqualTo(id);
            assertThat(last.isOpen()).isTrue();
        } finally {
            hostile.forEach(ChatClient::close);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(subscriptions()).isEqualTo(before));
    }

    private double subscriptions() {
        return meters.get("loket.conversation.subscriptions").gauge().value();
    }
}

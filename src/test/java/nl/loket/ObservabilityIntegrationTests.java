package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservabilityIntegrationTests extends LoketIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsHealthWithRedisWithoutSignIn() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\"");
    }

    @Test
    void exposesOpenSocketsAndMessagesByAuthorToPrometheus() throws Exception {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "message", "clientMsgId", "metrics", "text", "count me"));
            chat.awaitEvent(e -> e.path("author").asString().equals("bot"));

            HttpResponse<String> metrics = get("/actuator/prometheus");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern("loket_sockets_open\\{channel=\"chat\"[^}]*} [1-9]")
                    .containsPattern("loket_messages_total\\{author=\"customer\"[^}]*} [1-9]")
                    .containsPattern("loket_messages_total\\{author=\"bot\"[^}]*} [1-9]");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

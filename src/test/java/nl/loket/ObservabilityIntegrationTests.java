package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/** Health is open but bare; details and metrics need the MONITORING role (the demo's scrape account). */
class ObservabilityIntegrationTests extends LoketIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsOnlyTheHealthStatusWithoutSignIn() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("redis").doesNotContain("diskSpace").doesNotContain("version");
    }

    @Test
    void showsTheHealthDetailsToTheScrapeAccount() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "prometheus:demo");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\"").contains("\"version\"");
    }

    @Test
    void refusesMetricsWithoutTheMonitoringRole() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "prometheus:wrong").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "anna:demo").statusCode()).as("an agent is no scraper").isEqualTo(403);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    }

    @Test
    void exposesOpenSocketsAndMessagesByAuthorToPrometheus() throws Exception {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "message", "clientMsgId", "metrics", "text", "count me"));
            chat.awaitEvent(e -> e.path("author").asString().equals("bot"));

            HttpResponse<String> metrics = get("/actuator/prometheus", "prometheus:demo");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern("loket_sockets_open\\{channel=\"chat\"[^}]*} [1-9]")
                    .containsPattern("loket_messages_total\\{author=\"customer\"[^}]*} [1-9]")
                    .containsPattern("loket_messages_total\\{author=\"bot\"[^}]*} [1-9]")
                    .containsPattern("loket_console_signins_total\\{outcome=\"succeeded\"[^}]*} [1-9]");
        }
    }

    /** A deployment that moved the actuator to a port only its monitoring network reaches. */
    @Nested
    @TestPropertySource(properties = "management.server.port=0")
    class OnTheManagementPort {

        @LocalManagementPort
        int managementPort;

        @Test
        void servesTheActuatorThereOnlyAndStillWantsTheRole() throws Exception {
            assertThat(get(port, "/actuator/prometheus", "prometheus:demo").statusCode()).isEqualTo(404);
            assertThat(get(managementPort, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(managementPort, "/actuator/prometheus", "prometheus:demo").statusCode()).isEqualTo(200);
            HttpResponse<String> health = get(managementPort, "/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("redis");
        }
    }

    private HttpResponse<String> get(String path, String credentials) throws Exception {
        return get(port, path, credentials);
    }

    private HttpResponse<String> get(int toPort, String path, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + toPort + path));
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

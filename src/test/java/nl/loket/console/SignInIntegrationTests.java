package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.loket.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real sign-in form: after the allowed failures the page says so, the same for a name that does not exist. */
class SignInIntegrationTests extends LoketIntegrationTest {

    @Test
    void sendsALockedOutNameToTheLockedMessageWhetherOrNotItExists() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("nobody-here", "guess" + i)).endsWith("/console/login.html?error");
        }
        assertThat(signIn("nobody-here", "guess")).endsWith("/console/login.html?locked");
        assertThat(signIn("anna", "demo")).as("another account is unaffected").endsWith("/console/");
    }

    private String signIn(String name, String password) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode csrf = Frames.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/console/csrf")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String form = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + csrf.path("parameterName").asString()
                + "=" + csrf.path("token").asString();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The real sign-in form: after the allowed failures the page says so, the same for a name that does not exist. */
class SignInIntegrationTests extends LoketIntegrationTest {

    @Test
    void sendsALockedOutNameToTheLockedMessageWhetherOrNotItExists() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("nobody-here", "guess" + i, null)).endsWith("/console/login.html?error");
        }
        assertThat(signIn("nobody-here", "guess", null)).endsWith("/console/login.html?locked");
        assertThat(signIn("anna", "demo", null)).as("another account is unaffected").endsWith("/console/");
    }

    /** Its own context: locking the test's own address would lock every other sign-in test out. */
    @Nested
    @TestPropertySource(properties = "loket.console.sign-in.max-failures-per-address=3")
    class WithoutATrustedProxy {

        @Test
        void countsTheSocketsAddressWhateverForwardedHeaderTheClientSends() throws Exception {
            for (int i = 0; i < 3; i++) {
                assertThat(signIn("guess" + i, "guess", "198.51.100." + i)).endsWith("/console/login.html?error");
            }
            assertThat(signIn("anna", "demo", "198.51.100.99")).as("a made-up X-Forwarded-For changes nothing")
                    .endsWith("/console/login.html?locked");
        }
    }

    private String signIn(String name, String password, String forwardedFor) throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode csrf = Frames.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/console/csrf")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String form = "username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + csrf.path("parameterName").asString()
                + "=" + csrf.path("token").asString();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        var response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}

package nl.loket.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionClientTests {

    private static final String BASE = "https://api.example.nl/self-service";

    @Test
    void aValueIsOneEncodedPathSegmentBelowTheBaseUrl() {
        assertThat(ActionClient.uri(BASE, "/customers/{id}/instalment", Map.of("id", "C-1001")))
                .contains(URI.create(BASE + "/customers/C-1001/instalment"));
        assertThat(ActionClient.uri(BASE + "/", "/x/{id}", Map.of("id", "a b/c?d#e@evil.example:80")))
                .contains(URI.create(BASE + "/x/a%20b%2Fc%3Fd%23e%40evil.example%3A80"));
    }

    @Test
    void noValueCanLeaveThePathOrTheBaseUrl() {
        assertThat(ActionClient.uri(BASE, "/x/{id}", Map.of("id", ".."))).isEmpty();
        assertThat(ActionClient.uri(BASE, "/x/{id}", Map.of("id", ""))).isEmpty();
        assertThat(ActionClient.uri(BASE, "/x/{id}", Map.of())).isEmpty();
        assertThat(ActionClient.uri(BASE, "{id}", Map.of("id", "evil.example"))).isEmpty();
    }

    @Test
    void theBaseUrlIsAnHttpAddressWithoutQuery() {
        assertThat(ActionClient.uri("", "/x", Map.of())).isEmpty();
        assertThat(ActionClient.uri("file:///etc", "/passwd", Map.of())).isEmpty();
        assertThat(ActionClient.uri(BASE + "?key=1", "/x", Map.of())).isEmpty();
    }
}

package nl.loket.action;

import static nl.loket.action.ActionTestSupport.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code ./mvnw spring-boot:run} shows: a demo customer signed in and a meter reading submitted, nothing else running. */
class DemoActionIntegrationTests extends LoketIntegrationTest {

    @Test
    void theDemoSubmitsAMeterReadingWithoutAnyOtherSystem() throws Exception {
        HttpResponse<String> signed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/demo-only/signed-customer")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(200);
        Map<?, ?> customer = JsonMapper.builder().build().readValue(signed.body(), Map.class);

        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "en", "customer", customer));
            assertThat(ask(chat, "d1", "I want to submit my meter reading").path("text").asString())
                    .isEqualTo("I can submit your meter reading for you right here. Shall we?");
            ask(chat, "d2", "Yes, let's do that");
            ask(chat, "d3", "871685900001234567");
            ask(chat, "d4", "4321");
            assertThat(ask(chat, "d5", "today").path("text").asString()).startsWith("I will submit: meter "
                    + "871685900001234567, reading 4321, read on ");

            JsonNode result = ask(chat, "d6", "Yes, send it");

            assertThat(result.path("kind").asString()).isEqualTo("action");
            assertThat(result.path("text").asString())
                    .matches("Your meter reading has been submitted\\. Your reference is MR-\\d{4}-\\d+\\.");
        }
    }
}

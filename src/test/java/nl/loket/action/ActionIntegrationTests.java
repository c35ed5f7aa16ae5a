package nl.loket.action;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.action.ActionTestSupport.BACKEND;
import static nl.loket.action.ActionTestSupport.ask;
import static nl.loket.action.ActionTestSupport.replies;
import static nl.loket.action.ActionTestSupport.reply;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import nl.loket.gateway.SignedCustomers;
import nl.loket.handover.Handover;
import nl.loket.handover.HandoverPacket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every shipped action end to end over the customer WebSocket, with WireMock as the organisation's back-end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "loket.gateway.max-frames-per-second=1000")
class ActionIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
        for (String property : ActionTestSupport.properties()) {
            String[] pair = property.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void backend() {
        BACKEND.resetAll();
        BACKEND.stubFor(post("/api/meter-readings").willReturn(okJson(
                "{\"status\": \"accepted\", \"reference\": \"MR-2026-12345\"}")));
        BACKEND.stubFor(put("/api/customers/C-1001/instalment").willReturn(okJson(
                "{\"reference\": \"TB-77\", \"message\": \"Vanaf 1 januari.\"}")));
        BACKEND.stubFor(post("/api/moves").willReturn(okJson("{\"reference\": \"MV-9\"}")));
        BACKEND.stubFor(post("/api/payment-arrangements").willReturn(okJson(
                "{\"reference\": \"BR-3\", \"message\": \"Je krijgt binnen 2 werkdagen bericht.\"}")));
    }

    private ChatClient signedIn() {
        return signedIn(SignedCustomers.signed(context, "C-1001", "Sanne de Vries", "sanne@example.nl"));
    }

    private ChatClient signedIn(Map<String, Object> customer) {
        ChatClient chat = ChatClient.connect(port);
        Map<String, Object> hello = new HashMap<>(Map.of("lang", "nl"));
        if (customer != null) {
            hello.put("customer", customer);
        }
        chat.hello(hello);
        return chat;
    }

    /** Offer, yes, EAN, reading, date: up to the summary. */
    private static JsonNode meterReadingUpToTheSummary(ChatClient chat) {
        JsonNode offer = ask(chat, "m1", "ik wil mijn meterstand doorgeven");
        assertThat(replies(offer)).containsExactly("Ja, graag", "Nee, bedankt");
        assertThat(ask(chat, "m2", "Ja, graag").path("text").asString()).startsWith("Wat is de EAN-code van je meter?");
        assertThat(ask(chat, "m3", "871685900001234567").path("text").asString()).startsWith("Wat is de meterstand");
        assertThat(ask(chat, "m4", "12345").path("text").asString()).startsWith("Op welke dag");
        return ask(chat, "m5", "vandaag");
    }

    /** Asks for the action with one of its phrases and says yes to the offer; returns what the bot says then. */
    private static JsonNode start(ChatClient chat, String id, String phrase) {
        assertThat(replies(ask(chat, id + "-offer", phrase))).containsExactly("Ja, graag", "Nee, bedankt");
        return ask(chat, id, "Ja, graag");
    }

    private double count(String action, String stage) {
        var counter = meters.find("loket.actions").tags("action", action, "stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void submitsAMeterReadingOfferedByItsPhraseEndToEnd() {
        double completed = count("meterstand-doorgeven", "completed");
        try (ChatClient chat = signedIn()) {
            JsonNode summary = meterReadingUpToTheSummary(chat);
            assertThat(summary.path("text").asString()).startsWith("Ik geef dit door: meter 871685900001234567, stand "
                    + "12345, afgelezen op ");
            assertThat(replies(summary)).containsExactly("Ja, versturen", "Nee, niet versturen");

            JsonNode result = ask(chat, "m6", "Ja, versturen");

            assertThat(result.path("kind").asString()).isEqualTo("action");
            assertThat(result.path("text").asString())
                    .isEqualTo("Je meterstand is doorgegeven. Je referentie is MR-2026-12345.");
        }
        BACKEND.verify(1, postRequestedFor(urlEqualTo("/api/meter-readings"))
                .withHeader("Authorization", equalTo(ActionTestSupport.TOKEN))
                .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
                .withRequestBody(equalToJson("{\"customerId\": \"C-1001\", \"ean\": \"871685900001234567\", "
                        + "\"reading\": 12345, \"readOn\": \"${json-unit.any-string}\"}")));
        assertThat(count("meterstand-doorgeven", "completed")).isEqualTo(completed + 1);
    }

    @Test
    void theResultIsInTheHandoverPacketWhenTheCustomerLaterNeedsAPerson() {
        try (ChatClient chat = signedIn()) {
            String id = chat.frames().getFirst().path("conversationId").asString();
            meterReadingUpToTheSummary(chat);
            ask(chat, "r1", "Ja, versturen");

            ask(chat, "r2", "ik wil een medewerker spreken");

            HandoverPacket packet = context.getBean(Handover.class).packet(id).orElseThrow();
            assertThat(packet.botAttempts()).filteredOn(a -> "action".equals(a.tier())).singleElement()
                    .satisfies(a -> {
                        assertThat(a.text()).isEqualTo("Je meterstand is doorgegeven. Je referentie is MR-2026-12345.");
                        assertThat(a.entryId()).isEqualTo("meterstand-doorgeven");
                        assertThat(a.outcome()).isEqualTo("completed");
                    });
            assertThat(packet.botAttempts()).noneMatch(a -> a.text().startsWith("Wat is de EAN-code"));
        }
    }

    @Test
    void asksAgainWithAClearMessageForEveryKindOfBadValue() {
        try (ChatClient chat = signedIn()) {
            start(chat, "b1", "ik wil mijn meterstand doorgeven");
            assertThat(ask(chat, "b3", "541685900001234567").path("text").asString())
                    .startsWith("Dat is geen EAN-code: die heeft 18 cijfers en begint met 871.");
            assertThat(ask(chat, "b4", "8716859").path("text").asString()).startsWith("Dat is geen EAN-code");
            ask(chat, "b5", "871685900001234567");
            assertThat(ask(chat, "b6", "12,5").path("text").asString())
                    .startsWith("Dat is geen heel getal van 0 tot 999999.");
            ask(chat, "b7", "12345");
            assertThat(ask(chat, "b8", "1-1-2020").path("text").asString()).startsWith("Dat is geen datum van ");
            assertThat(ask(chat, "b9", "31-02-2026").path("text").asString()).startsWith("Dat is geen datum van ");
            ask(chat, "b10", "Stoppen");

            assertThat(start(chat, "i1", "ik wil mijn termijnbedrag aanpassen").path("text").asString())
                    .startsWith("Welk bedrag wil je per maand betalen?");
            assertThat(ask(chat, "i2", "1000").path("text").asString())
                    .startsWith("Dat is geen bedrag van € 20 tot € 500.");
            ask(chat, "i3", "Stoppen");

            start(chat, "v1", "ik wil mijn verhuizing doorgeven");
            assertThat(ask(chat, "v2", "12345").path("text").asString())
                    .startsWith("Dat is geen Nederlandse postcode");
            ask(chat, "v3", "1234 ab");
            assertThat(ask(chat, "v4", "twaalf").path("text").asString()).startsWith("Dat is geen huisnummer");
            ask(chat, "v5", "Stoppen");

            JsonNode months = start(chat, "p1", "ik wil een betalingsregeling aanvragen");
            assertThat(replies(months)).containsExactly("3", "6", "12", "Stoppen");
            assertThat(ask(chat, "p2", "9").path("text").asString()).startsWith("Kies een van de mogelijkheden.");
        }
        assertThat(BACKEND.getAllServeEvents()).isEmpty();
    }

    @Test
    void changesTheMonthlyInstalmentFromTheFaqAnswersQuickReply() {
        try (ChatClient chat = signedIn()) {
            JsonNode answer = ask(chat, "f1", "hoe pas ik mijn termijnbedrag aan");
            assertThat(answer.path("tier").asString()).isEqualTo("faq");
            assertThat(replies(answer)).first().isEqualTo("Termijnbedrag aanpassen");

            ask(chat, "f2", "Termijnbedrag aanpassen");
            JsonNode summary = ask(chat, "f3", "€ 85,5");
            assertThat(summary.path("text").asString()).isEqualTo("Je nieuwe termijnbedrag wordt € 85.50 per maand. "
                    + "Klopt dat?");
            JsonNode result = ask(chat, "f4", "Ja, versturen");

            assertThat(result.path("text").asString()).isEqualTo("Je termijnbedrag is aangepast naar € 85.50. "
                    + "Je referentie is TB-77.");
        }
        BACKEND.verify(1, putRequestedFor(urlEqualTo("/api/customers/C-1001/instalment"))
                .withRequestBody(equalToJson("{\"amount\": 85.50, \"currency\": \"EUR\"}")));
    }

    @Test
    void registersAMoveWithPostcodeHouseNumberAndDate() {
        try (ChatClient chat = signedIn()) {
            ask(chat, "v1", "ik wil mijn verhuizing doorgeven");
            ask(chat, "v2", "Ja, graag");
            ask(chat, "v3", "1234ab");
            ask(chat, "v4", "12 a");
            JsonNode summary = ask(chat, "v5", "vandaag");
            assertThat(summary.path("text").asString()).contains("naar 1234AB 12-A. Klopt dat?");

            assertThat(ask(chat, "v6", "Ja, versturen").path("text").asString()).startsWith(
                    "Je verhuizing is doorgegeven. Je referentie is MV-9;");
        }
        BACKEND.verify(1, postRequestedFor(urlEqualTo("/api/moves")).withRequestBody(equalToJson(
                "{\"customerId\": \"C-1001\", \"postcode\": \"1234AB\", \"houseNumber\": \"12-A\", "
                        + "\"keyDate\": \"${json-unit.any-string}\"}")));
    }

    @Test
    void requestsAPaymentArrangementWithAChoice() {
        try (ChatClient chat = signedIn()) {
            ask(chat, "p1", "ik wil een betalingsregeling aanvragen");
            ask(chat, "p2", "Ja, graag");
            JsonNode summary = ask(chat, "p3", "6 maanden");
            assertThat(summary.path("text").asString()).isEqualTo("Ik vraag een betalingsregeling aan over 6 maanden. "
                    + "Klopt dat?");

            assertThat(ask(chat, "p4", "Ja, versturen").path("text").asString()).isEqualTo(
                    "Je aanvraag is ontvangen (referentie BR-3). Je krijgt binnen 2 werkdagen bericht.");
        }
        BACKEND.verify(1, postRequestedFor(urlEqualTo("/api/payment-arrangements"))
                .withRequestBody(equalToJson("{\"customerId\": \"C-1001\", \"months\": \"6\"}")));
    }

    @Test
    void sendsNothingWhenTheCustomerDeclinesCancelsOrSaysNoToTheSummary() {
        try (ChatClient chat = signedIn()) {
            ask(chat, "d1", "ik wil mijn meterstand doorgeven");
            assertThat(ask(chat, "d2", "Nee, bedankt").path("text").asString())
                    .isEqualTo("Prima. Waarmee kan ik je verder helpen?");
        }
        try (ChatClient chat = signedIn()) { // a new chat: the same question twice would hand it over
            start(chat, "c1", "ik wil mijn meterstand doorgeven");
            ask(chat, "c2", "871685900001234567");
            assertThat(ask(chat, "c3", "Stoppen").path("text").asString())
                    .isEqualTo("Prima, ik heb niets verstuurd. Waarmee kan ik je verder helpen?");
        }
        try (ChatClient chat = signedIn()) {
            meterReadingUpToTheSummary(chat);
            assertThat(ask(chat, "n1", "Nee, niet versturen").path("text").asString())
                    .isEqualTo("Prima, ik heb niets verstuurd. Waarmee kan ik je verder helpen?");
        }
        assertThat(BACKEND.getAllServeEvents()).isEmpty();
    }

    @Test
    void answersAQuestionMidFormAndAsksTheFieldAgain() {
        try (ChatClient chat = signedIn()) {
            start(chat, "q1", "ik wil mijn meterstand doorgeven");

            JsonNode answer = ask(chat, "q2", "Hoe geef ik mijn meterstand door?");

            assertThat(answer.path("text").asString()).startsWith("Je geeft je meterstand door in de Polder Energie app")
                    .contains("Terug naar meterstand doorgeven: Wat is de EAN-code van je meter?");
            assertThat(ask(chat, "q3", "871685900001234567").path("text").asString()).startsWith("Wat is de meterstand");
        }
    }

    @Test
    void aCustomerWhoAsksForAPersonMidFormTakesTheValuesToTheHandover() {
        try (ChatClient chat = signedIn()) {
            String id = chat.frames().getFirst().path("conversationId").asString();
            start(chat, "h1", "ik wil mijn meterstand doorgeven");
            ask(chat, "h2", "871685900001234567");

            ask(chat, "h3", "ik wil een medewerker spreken");

            assertThat(redis.<String, String>opsForHash().entries("loket:handover:{c:" + id + "}:details"))
                    .containsEntry("Meterstand doorgeven: ean", "871685900001234567");
        }
        assertThat(BACKEND.getAllServeEvents()).isEmpty();
    }

    @Test
    void theTalkToAPersonButtonMidFormTakesTheValuesToTheHandoverToo() {
        try (ChatClient chat = signedIn()) {
            String id = chat.frames().getFirst().path("conversationId").asString();
            start(chat, "t1", "ik wil mijn meterstand doorgeven");
            ask(chat, "t2", "871685900001234567");

            chat.send(Map.of("type", "handover"));
            reply(chat);

            assertThat(redis.<String, String>opsForHash().entries("loket:handover:{c:" + id + "}:details"))
                    .containsEntry("Meterstand doorgeven: ean", "871685900001234567");
            assertThat(count("meterstand-doorgeven", "abandoned")).isPositive();
        }
    }

    @Test
    void anUnverifiedForgedOrExpiredCustomerIsToldToSignInOrTalkToAPerson() {
        var forged = new HashMap<>(SignedCustomers.signed(context, "C-1001", "Sanne de Vries", "sanne@example.nl"));
        forged.put("id", "C-2002");
        var expired = SignedCustomers.signed(context, "C-1001", "Sanne de Vries", "sanne@example.nl",
                Duration.ofHours(1));
        for (Map<String, Object> customer : new java.util.ArrayList<Map<String, Object>>(java.util.Arrays.asList(
                null, forged, expired))) {
            try (ChatClient chat = signedIn(customer)) {
                JsonNode reply = start(chat, "u1", "ik wil mijn meterstand doorgeven");

                assertThat(reply.path("text").asString()).startsWith("Hiervoor moet ik zeker weten dat jij het bent");
                assertThat(replies(reply)).containsExactly("Ik wil een medewerker spreken");
            }
        }
        assertThat(BACKEND.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTimeoutEndsInAnHonestMessageAndAPersonWithTheValues() {
        BACKEND.stubFor(post("/api/meter-readings").willReturn(okJson("{\"status\": \"accepted\", \"reference\": "
                + "\"late\"}").withFixedDelay(8_000)));
        assertFailure("Sorry, ons systeem antwoordde niet op tijd");
    }

    @Test
    void aServerErrorEndsInAnHonestMessageAndAPersonWithTheValues() {
        BACKEND.stubFor(post("/api/meter-readings").willReturn(aResponse().withStatus(500)));
        assertFailure("Sorry, er ging iets mis in ons systeem");
    }

    @Test
    void anUnexpectedBodyIsNotTakenForSuccess() {
        BACKEND.stubFor(post("/api/meter-readings").willReturn(okJson("{\"status\": \"queued\"}")));
        assertFailure("Sorry, ik kan niet zien of dit is doorgekomen");
    }

    private void assertFailure(String message) {
        try (ChatClient chat = signedIn()) {
            String id = chat.frames().getFirst().path("conversationId").asString();
            meterReadingUpToTheSummary(chat);

            JsonNode result = ask(chat, "x1", "Ja, versturen");

            assertThat(result.path("kind").asString()).isEqualTo("action");
            assertThat(result.path("text").asString()).startsWith(message);
            assertThat(replies(result)).containsExactly("Ik wil een medewerker spreken");
            assertThat(redis.<String, String>opsForHash().entries("loket:handover:{c:" + id + "}:details"))
                    .containsEntry("Meterstand doorgeven: ean", "871685900001234567")
                    .containsEntry("Meterstand doorgeven: reading", "12345");
        }
        BACKEND.verify(1, postRequestedFor(urlEqualTo("/api/meter-readings")));
    }

    @Test
    void aConflictShowsTheBackEndsMessage() {
        BACKEND.stubFor(post("/api/meter-readings").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Voor deze datum is al een meterstand doorgegeven.\"}")));
        try (ChatClient chat = signedIn()) {
            meterReadingUpToTheSummary(chat);

            JsonNode result = ask(chat, "x1", "Ja, versturen");

            assertThat(result.path("text").asString())
                    .isEqualTo("Dat lukte niet: Voor deze datum is al een meterstand doorgegeven.");
            assertThat(replies(result)).containsExactly("Ik wil een medewerker spreken");
        }
    }

    @Test
    void aConfirmationIsSentOnceAcrossAReconnectAndADoubleClick() {
        BACKEND.stubFor(post("/api/meter-readings").willReturn(okJson(
                "{\"status\": \"accepted\", \"reference\": \"MR-1\"}").withFixedDelay(500)));
        String id;
        String token;
        long lastSeq;
        try (ChatClient chat = signedIn()) {
            JsonNode welcome = chat.frames().getFirst();
            id = welcome.path("conversationId").asString();
            token = welcome.path("token").asString();
            lastSeq = meterReadingUpToTheSummary(chat).path("seq").asLong();
            chat.send(Map.of("type", "message", "clientMsgId", "yes-1", "text", "Ja, versturen"));
            chat.awaitType("ack");
            chat.drop(); // the network goes before the result arrives
        }
        try (ChatClient again = ChatClient.connect(port)) {
            again.hello(Map.of("conversationId", id, "token", token, "lastSeq", lastSeq));
            again.send(Map.of("type", "message", "clientMsgId", "yes-1", "text", "Ja, versturen")); // the resend
            again.send(Map.of("type", "message", "clientMsgId", "yes-2", "text", "Ja, versturen")); // a double click

            JsonNode result = again.awaitEvent(e -> "action".equals(e.path("kind").asString()));
            assertThat(result.path("text").asString()).endsWith("MR-1.");
            JsonNode second = again.awaitEvent(e -> e.path("author").asString().equals("bot")
                    && e.path("seq").asLong() > result.path("seq").asLong());
            assertThat(second.path("text").asString()).isEqualTo("Dat is al verstuurd; er is niets dubbel verstuurd.");
        }
        BACKEND.verify(1, postRequestedFor(urlEqualTo("/api/meter-readings")));
    }
}

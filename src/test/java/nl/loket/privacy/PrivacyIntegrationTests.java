package nl.loket.privacy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Node;
import nl.loket.privacy.Scripted.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure and access requests against a real Loket (real sockets, WireMock as the model, the test Redis):
 * after an erasure, a scan of all of Redis finds nothing of the conversation; the logs of a whole
 * conversation hold none of the customer's details or words. Monday 10:00: the queues are open.
 */
class PrivacyIntegrationTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(TestClock.MONDAY_10);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    static Node node;
    static StringRedisTemplate redis;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        MODEL.start();
        Scripted.stubModel(MODEL);
        // every level Loket logs at, debug included: no level may hold a customer's words
        String[] properties = java.util.stream.Stream.concat(java.util.Arrays.stream(Scripted.modelProperties(MODEL)),
                java.util.stream.Stream.of("logging.level.nl.loket=DEBUG")).toArray(String[]::new);
        node = Node.start("privacy", CLOCK, properties);
        LOGS.start();
        root().addAppender(LOGS); // after the start: Boot's logging system resets the appenders
        redis = node.bean(StringRedisTemplate.class);
    }

    @AfterAll
    static void stop() {
        node.close();
        root().detachAppender(LOGS);
        MODEL.stop();
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @BeforeEach
    void clock() {
        CLOCK.set(TestClock.MONDAY_10);
    }

    @Test
    void erasingAConversationLeavesNothingOfItInRedisAndNoLogLineEverHeldTheCustomersWords() throws Exception {
        Person joke = Person.unique();
        Person other = Person.unique();
        LOGS.list.clear();
        String id;
        String kept;
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            id = Scripted.full(node, anna, joke);
            kept = Scripted.brief(node, other);
        }
        List<String> traces = new java.util.ArrayList<>(joke.personalData());
        traces.add(id);
        assertThat(RedisContents.holding(redis, traces)).as("stored before").isNotEmpty();

        HttpResponse<String> erased = send("DELETE", "/api/privacy/conversations/" + id, "sanne:demo");

        assertThat(erased.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(erased.body());
        assertThat(report.path("conversations").get(0).asString()).isEqualTo(id);
        assertThat(report.path("keys").asLong()).isGreaterThanOrEqualTo(6); // meta, log, msgids, routing, handover
        assertThat(RedisContents.holding(redis, traces)).as("left after the erasure").isEmpty();
        assertThat(RedisContents.holding(redis, List.of(kept, other.marker()))).as("another conversation is kept")
                .isNotEmpty();
        assertThat(send("GET", "/api/privacy/conversations/" + id, "sanne:demo").statusCode()).isEqualTo(404);

        List<String> leaks = LOGS.list.stream().map(PrivacyIntegrationTests::logged)
                .filter(line -> traces.subList(0, traces.size() - 1).stream().anyMatch(line::contains)).toList();
        assertThat(LOGS.list).as("the logs were captured").anyMatch(e -> e.getLoggerName().startsWith("nl.loket"));
        assertThat(leaks).as("log lines with the customer's details or words").isEmpty();
    }

    @Test
    void theCommandErasesEveryConversationOfACustomerIdAndNothingElse() {
        Person joke = Person.unique();
        Person other = Person.unique();
        String first = Scripted.brief(node, joke);
        String second = Scripted.brief(node, joke);
        String kept = Scripted.brief(node, other);

        var out = new ByteArrayOutputStream();
        int exit = command(out, "erase", "--customer", joke.id());

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("conversations").valueStream()
                .map(JsonNode::asString).toList()).containsExactlyInAnyOrder(first, second);
        assertThat(RedisContents.holding(redis, List.of(first, second, joke.id(), joke.marker(), joke.email())))
                .isEmpty();
        assertThat(RedisContents.holding(redis, List.of(kept))).isNotEmpty();
        assertThat(command(new ByteArrayOutputStream(), "erase", "--customer", joke.id())).as("nothing left: no error")
                .isZero();
    }

    @Test
    void anExportHoldsTheWholeLogThePacketAndTheDetailsAsJsonAndAsText() throws Exception {
        Person joke = Person.unique();
        String id;
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            id = Scripted.full(node, anna, joke);
        }

        JsonNode export = JSON.readTree(send("GET", "/api/privacy/conversations/" + id, "sanne:demo").body());

        assertThat(export.path("conversation").path("customer").path("name").asString()).isEqualTo(joke.name());
        assertThat(export.path("conversation").path("status").asString()).isEqualTo("closed");
        assertThat(export.path("events").valueStream().map(e -> e.path("kind").asString()))
                .contains("message", "status", "note", "action");
        assertThat(export.path("events").valueStream().map(e -> e.path("tier").asString("")))
                .contains("faq", "llm");
        JsonNode packet = export.path("stored").path("loket:handover:{c:" + id + "}:packet");
        assertThat(packet.path("details").path("customerNumber").asString()).isEqualTo(joke.number());
        assertThat(packet.path("customer").path("email").asString()).isEqualTo(joke.email());
        assertThat(export.path("stored").path("loket:insight:{c:" + id + "}:csat").path("score").asString())
                .isEqualTo("3");
        assertThat(export.toString()).doesNotContain("\"token\"");

        var out = new ByteArrayOutputStream();
        assertThat(command(out, "export", id, "--text")).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Conversation " + id).contains("customer: Hoe geef ik mijn meterstand door?")
                .contains("bot (faq): ").contains("bot (llm): Je geeft je stand door in de app.")
                .contains("[internal note]: " + joke.name() + " belt vaker over " + joke.marker())
                .contains("loket:handover:{c:" + id + "}:packet").contains(joke.number());
    }

    @Test
    void onlySupervisorsMayExportOrEraseAndBadRequestsGetAStableCode() throws Exception {
        String id = Scripted.brief(node, Person.unique());
        String path = "/api/privacy/conversations/" + id;
        assertThat(send("GET", path, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", path, "anna:demo").statusCode()).as("an agent").isEqualTo(403);
        assertThat(send("GET", path, "prometheus:demo").statusCode()).as("the scrape account").isEqualTo(403);
        HttpResponse<String> unknown = send("DELETE", "/api/privacy/conversations/not-an-id", "sanne:demo");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asString()).isEqualTo("unknown_conversation");
        HttpResponse<String> format = send("GET", path + "?format=pdf", "sanne:demo");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(format.body()).path("code").asString()).isEqualTo("bad_format");
        assertThat(send("GET", path, "sanne:demo").statusCode()).as("still there").isEqualTo(200);
        assertThat(command(new ByteArrayOutputStream(), "erase")).as("usage").isEqualTo(2);
    }

    private int command(ByteArrayOutputStream out, String... args) {
        return new PrivacyCommand(new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("LOKET_URL", node.http(),
                "LOKET_PRIVACY_USER", "sanne", "LOKET_PRIVACY_PASSWORD", "demo")).run(args);
    }

    private HttpResponse<String> send(String method, String path, String credentials) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.http() + path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String logged(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line : line + " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }
}

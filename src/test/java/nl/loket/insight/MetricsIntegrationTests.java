package nl.loket.insight;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Node;
import nl.loket.conversation.Author;
import nl.loket.conversation.Conversations;
import nl.loket.privacy.Scripted;
import nl.loket.privacy.Scripted.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Scripted conversations on a node of their own, then a scrape of {@code /actuator/prometheus} as the
 * monitoring account: every figure is what the scripts did, and every Loket metric says what it counts.
 */
class MetricsIntegrationTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(TestClock.MONDAY_10);
    static Node node;

    @BeforeAll
    static void start() {
        MODEL.start();
        Scripted.stubModel(MODEL);
        // a Redis database of its own: a paused context of another test class is a node that went away, and
        // this node would answer what it left (lease ran out) and count those answers in its metrics
        node = Node.start("metrics", CLOCK, Stream.concat(Stream.of("spring.data.redis.database=7"),
                Arrays.stream(Scripted.modelProperties(MODEL))).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        node.close();
        MODEL.stop();
    }

    @Test
    void theScrapeCountsWhatTheConversationsDidWithAHelpTextForEveryMetric() throws Exception {
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            List<String> ids = new ArrayList<>();
            ids.add(Scripted.full(node, anna, Person.unique())); // faq, llm, action, handover, agent, closed by the agent
            try (var customer = Clients.Customer.start(node, "en")) { // the bot alone, closed by the customer
                ids.add(customer.conversationId);
                customer.say("How do I submit a meter reading?");
                JsonNode answer = customer.bot();
                assertThat(answer.path("tier").asString()).isEqualTo("faq");
                customer.send("type", "feedback", "seq", answer.path("seq").asLong(), "helpful", false);
                customer.send("type", "close");
                customer.status("closed");
                customer.send("type", "csat", "score", 5);
                customer.await("csat_saved");
                customer.send("type", "csat", "score", 1);
                customer.await("csat_saved"); // the first answer counts
            }
            String scrape = scrape();

            assertThat(value(scrape, "loket_conversations_started_total", "lang", "nl")).isEqualTo(1);
            assertThat(value(scrape, "loket_conversations_started_total", "lang", "en")).isEqualTo(1);
            assertThat(value(scrape, "loket_answers_total", "outcome", "answered", "tier", "faq")).isEqualTo(2);
            assertThat(value(scrape, "loket_answers_total", "outcome", "answered", "tier", "llm")).isEqualTo(1);
            assertThat(value(scrape, "loket_llm_outcomes_total", "outcome", "answered")).isEqualTo(1);
            assertThat(value(scrape, "loket_handover_requested_total", "queue", "algemeen", "reason",
                    "asked_for_person")).isEqualTo(1);
            assertThat(value(scrape, "loket_queue_wait_seconds_count", "outcome", "taken", "queue", "algemeen"))
                    .isEqualTo(1);
            assertThat(value(scrape, "loket_time_to_human_seconds_count", "queue", "algemeen")).isEqualTo(1);
            assertThat(value(scrape, "loket_conversations_closed_total", "by", "agent", "handled", "person"))
                    .isEqualTo(1);
            assertThat(value(scrape, "loket_conversations_closed_total", "by", "customer", "handled", "bot"))
                    .as("resolved without a person").isEqualTo(1);
            assertThat(value(scrape, "loket_feedback_total", "helpful", "false", "tier", "faq")).isEqualTo(1);
            assertThat(value(scrape, "loket_answer_time_seconds_count", "tier", "faq")).isEqualTo(2);
            assertThat(value(scrape, "loket_csat_count", "handled", "bot")).isEqualTo(1);
            assertThat(value(scrape, "loket_csat_sum", "handled", "bot")).isEqualTo(5);
            assertThat(value(scrape, "loket_csat_count", "handled", "person")).isEqualTo(1);
            assertThat(value(scrape, "loket_csat_sum", "handled", "person")).isEqualTo(3);
            var conversations = node.bean(Conversations.class);
            long systemLines = ids.stream().flatMap(id -> conversations.eventsAfter(id, 0).stream())
                    .filter(e -> e.author() == Author.SYSTEM && e.kind().visibleToCustomer() && e.text() != null
                            && !e.text().isEmpty()).count(); // the customer's own close has no line of text
            assertThat(systemLines).as("queued, agent joined, closed by the agent").isEqualTo(3);
            assertThat(value(scrape, "loket_messages_total", "author", "system"))
                    .as("every notice and status line the customers read").isEqualTo(systemLines);
            assertThat(value(scrape, "loket_messages_total", "author", "agent")).isEqualTo(1);
            assertThat(value(scrape, "loket_queue_length", "queue", "algemeen")).isZero();
            assertThat(value(scrape, "loket_agents_online", "queue", "algemeen")).isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "loket_sockets_open", "channel", "console")).isEqualTo(1);
            assertThat(value(scrape, "loket_content_reloads_total", "content", "FAQ", "outcome", "clean")
                    + value(scrape, "loket_content_reloads_total", "content", "FAQ", "outcome", "with_warnings"))
                    .isEqualTo(1);
            assertThat(value(scrape, "loket_content_problems", "content", "queues")).isZero();
            assertThat(value(scrape, "loket_actions_total", "action", "betalingsregeling-aanvragen", "stage",
                    "completed")).isEqualTo(1);

            Matcher used = Pattern.compile("loket_[a-z_]+").matcher(java.nio.file.Files.readString(
                    java.nio.file.Path.of("docs/grafana-dashboard.json")));
            while (used.find()) {
                assertThat(scrape).as("the dashboard's " + used.group() + " is scraped")
                        .containsPattern("(?m)^" + used.group() + "[{ ]");
            }

            List<String> types = scrape.lines().filter(l -> l.startsWith("# TYPE loket_"))
                    .map(l -> l.split(" ")[2]).toList();
            assertThat(types).hasSizeGreaterThan(20);
            for (String metric : types) {
                assertThat(scrape).as("HELP of " + metric)
                        .containsPattern("(?m)^# HELP " + metric + " [A-Z][^\\n]{10,}$");
            }
        }
    }

    /** The sample's value: a metric with exactly these labels (and maybe others); 0 when there is none. */
    private static double value(String scrape, String metric, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            List<String> have = Arrays.asList(m.group(1).split(","));
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= have.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        return found ? sum : 0;
    }

    private static String scrape() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.http() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "prometheus:demo".getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}

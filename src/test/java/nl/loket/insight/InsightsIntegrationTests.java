package nl.loket.insight;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.loket.conversation.Conversations;
import nl.loket.privacy.Privacy;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Node;
import nl.loket.content.CheckCommand;
import nl.loket.llm.OpenAiWire;
import nl.loket.privacy.Scripted;
import nl.loket.privacy.Scripted.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scripted conversations on a day no other test uses, then the insights page's report and CSV for that
 * day: every figure is what the scripts did (FAQ answers, an LLM answer through WireMock, a question the
 * model declined twice in near-duplicate words, a payment arrangement, a handover, thumbs down, two CSAT
 * scores).
 */
class InsightsIntegrationTests {

    /** Wednesday 14 October 2026, 11:00 in Amsterdam: queues open, and no other test's conversations. */
    static final Instant WEDNESDAY = Instant.parse("2026-10-14T09:00:00Z");
    static final String DAY = "from=2026-10-14&to=2026-10-15";
    /** The day before, for English questions the bot could not answer (the clock only moves forward). */
    static final Instant TUESDAY = Instant.parse("2026-10-13T09:00:00Z");
    static final String TUESDAY_IN_ENGLISH = "from=2026-10-13&to=2026-10-14&lang=en";
    /** In the order they are asked: three ways to ask about crypto (no word in common), two about pets. */
    static final List<String> ENGLISH = List.of("Can I pay with bitcoin?", "Are pets allowed in the shop?",
            "Is paying in crypto possible?", "Do you accept cryptocurrency?", "Can I bring my dog to your office?");
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(TUESDAY);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Node node;
    static Person joke;
    /** A Dutch customer on Tuesday whose conversation a test erases. */
    static Person erased;
    static String erasedConversation;

    @BeforeAll
    static void startAndScript() {
        MODEL.start();
        Scripted.stubModel(MODEL);
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("bitcoin")).atPriority(1)
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER")))));
        for (String declined : List.of("crypto", "pets", "dog")) {
            MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing(declined)).atPriority(1)
                    .willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER")))));
        }
        node = Node.start("insights", CLOCK, Scripted.modelProperties(MODEL));
        for (String question : ENGLISH) {
            try (var customer = Clients.Customer.start(node, "en")) {
                customer.say(question);
                customer.bot();
            }
        }
        erased = Person.unique();
        try (var customer = new Clients.Customer(node, "nl", erased.hello(), null, null, 0)) {
            customer.say("Hoe geef ik mijn meterstand door, vraagt " + erased.marker() + "?");
            customer.bot();
            erasedConversation = customer.conversationId;
        }
        CLOCK.set(WEDNESDAY);
        joke = Person.unique();
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            Scripted.full(node, anna, joke); // faq meterstand-doorgeven, llm, action, handover, agent, CSAT 3
        }
        try (var customer = Clients.Customer.start(node, "nl")) { // the bot alone: thumbs down, CSAT 5
            customer.say("Hoe geef ik mijn meterstand door?");
            JsonNode answer = customer.bot();
            customer.send("type", "feedback", "seq", answer.path("seq").asLong(), "helpful", false);
            customer.send("type", "close");
            customer.status("closed");
            customer.send("type", "csat", "score", 5);
            customer.await("csat_saved");
        }
        for (String question : List.of("Kan ik met bitcoin betalen?",
                "Kan ik betalen met bitcoin, mijn naam is " + joke.name())) {
            try (var customer = new Clients.Customer(node, "nl", joke.hello(), null, null, 0)) {
                customer.say(question);
                customer.bot();
            }
        }
    }

    @AfterAll
    static void stop() {
        node.close();
        MODEL.stop();
    }

    @Test
    void everyFigureOfThePageIsWhatTheConversationsRecorded() throws Exception {
        JsonNode report = JSON.readTree(get("/console/api/insights?" + DAY, "eva").body());

        JsonNode value = report.path("value");
        assertThat(value.path("conversations").asInt()).isEqualTo(4);
        assertThat(value.path("resolvedWithoutPerson").asInt()).isEqualTo(3);
        assertThat(value.path("resolvedShare").asDouble()).isEqualTo(0.75);
        assertThat(value.path("handovers").asInt()).isEqualTo(1);
        assertThat(value.path("handoverRate").asDouble()).isEqualTo(0.25);
        assertThat(value.path("averageTimeToHumanSeconds").asDouble()).isPositive();
        JsonNode answers = value.path("answers");
        assertThat(answers.path("faq").asInt()).as("meterstand twice").isEqualTo(2);
        assertThat(answers.path("clarified").asInt()).isZero();
        assertThat(answers.path("llm").asInt()).as("the cat on the meter cupboard").isEqualTo(1);
        assertThat(answers.path("actionsCompleted").asInt()).as("the payment arrangement").isEqualTo(1);
        assertThat(answers.path("passedOn").asInt()).as("bitcoin twice").isEqualTo(2);
        assertThat(value.path("csat").path("bot").path("count").asInt()).isEqualTo(1);
        assertThat(value.path("csat").path("bot").path("average").asDouble()).isEqualTo(5.0);
        assertThat(value.path("csat").path("person").path("count").asInt()).isEqualTo(1);
        assertThat(value.path("csat").path("person").path("average").asDouble()).isEqualTo(3.0);
        JsonNode cost = value.path("cost"); // 4 x 6.00 without the bot; 4 x 0.50 + 1 x 6.00 with it
        assertThat(cost.path("withoutBot").asDouble()).isEqualTo(24.0);
        assertThat(cost.path("withBot").asDouble()).isEqualTo(8.0);
        assertThat(cost.path("saved").asDouble()).isEqualTo(16.0);
        assertThat(cost.path("savedShare").asDouble()).isEqualTo(0.6667);
        assertThat(cost.path("target").asDouble()).isEqualTo(0.25);
        assertThat(cost.path("targetMet").asBoolean()).isTrue();

        assertThat(report.path("weeks")).hasSize(1);
        assertThat(report.path("weeks").get(0).path("week").asString()).isEqualTo("2026-W42");
        assertThat(report.path("weeks").get(0).path("start").asString()).isEqualTo("2026-10-12");
        assertThat(report.path("weeks").get(0).path("conversations").asInt()).isEqualTo(4);
        assertThat(report.path("weeks").get(0).path("handoverRate").asDouble()).isEqualTo(0.25);

        JsonNode topic = report.path("topics").get(0);
        assertThat(topic.path("entryId").asString()).isEqualTo("meterstand-doorgeven");
        assertThat(topic.path("conversations").asInt()).isEqualTo(2);
        assertThat(topic.path("handovers").asInt()).isEqualTo(1);
        assertThat(topic.path("handoverRate").asDouble()).isEqualTo(0.5);
        assertThat(topic.path("llmConversations").asInt()).isZero();
        // the LLM's answer about the cat cited the app entry ([1]), and the customer still went to a person after it
        JsonNode cited = report.path("topics").get(1);
        assertThat(cited.path("entryId").asString()).isEqualTo("app-downloaden");
        assertThat(cited.path("conversations").asInt()).isEqualTo(1);
        assertThat(cited.path("llmConversations").asInt()).isEqualTo(1);
        assertThat(cited.path("handovers").asInt()).isEqualTo(1);
        assertThat(report.path("topics")).hasSize(2);

        assertThat(report.path("unanswered")).as("near-duplicates form one line").hasSize(1);
        JsonNode group = report.path("unanswered").get(0);
        assertThat(group.path("count").asInt()).isEqualTo(2);
        assertThat(group.path("examples").get(0).asString()).isEqualTo("Kan ik met bitcoin betalen?");
        assertThat(group.path("examples").get(1).asString()).as("redacted like for the LLM")
                .isEqualTo("Kan ik betalen met bitcoin, mijn naam is [name]");
        assertThat(report.toString()).doesNotContain(joke.name()).doesNotContain(joke.id())
                .doesNotContain(joke.email());
        assertThat(group.path("draftFile").asString()).isEqualTo("faq/nl/kan-ik-met-bitcoin-betalen.md");
        assertThat(group.path("draft").asString()).startsWith("---\nid: kan-ik-met-bitcoin-betalen\nlang: nl\n"
                + "title: \"Kan ik met bitcoin betalen?\"\nquestions:\n  - \"Kan ik met bitcoin betalen?\"\n"
                + "  - \"Kan ik betalen met bitcoin, mijn naam is [name]\"\n"
                + "  # - nog een manier waarop klanten dit vragen\n  # - nog een manier waarop klanten dit vragen\n"
                + "  # - nog een manier waarop klanten dit vragen\n")
                .contains("asked 2 times without a confident answer")
                .contains("Closest entry now: termijnbedrag-verhogen (Termijnbedrag verhogen).");

        assertThat(report.path("unhelpful")).hasSize(1);
        assertThat(report.path("unhelpful").get(0).path("entryId").asString()).isEqualTo("meterstand-doorgeven");
        assertThat(report.path("unhelpful").get(0).path("tier").asString()).isEqualTo("faq");
        assertThat(report.path("unhelpful").get(0).path("count").asInt()).isEqualTo(1);

        assertThat(report.path("handoverReasons")).hasSize(1);
        assertThat(report.path("handoverReasons").get(0).path("reason").asString()).isEqualTo("asked_for_person");
        assertThat(report.path("handoverReasons").get(0).path("count").asInt()).isEqualTo(1);

        JsonNode hits = report.path("entryHits");
        assertThat(hits.get(0).path("entryId").asString()).isEqualTo("meterstand-doorgeven");
        assertThat(hits.get(0).path("hits").asInt()).isEqualTo(2);
        assertThat(hits.valueStream().skip(1)).as("entries nobody hit are listed with 0").isNotEmpty()
                .allMatch(h -> h.path("hits").asInt() == 0);

        assertThat(report.path("actionHits").valueStream().map(h -> h.path("actionId").asString() + " "
                + h.path("completed").asInt() + "/" + h.path("rejected").asInt() + "/" + h.path("failed").asInt()))
                .as("every shipped action, the unused ones with 0").containsExactly(
                        "betalingsregeling-aanvragen 1/0/0", "meterstand-doorgeven 0/0/0",
                        "termijnbedrag-aanpassen 0/0/0", "verhuizing-doorgeven 0/0/0");
        assertThat(report.path("actionHits").get(0).path("title").asString()).isEqualTo("Betalingsregeling aanvragen");

        JsonNode english = JSON.readTree(get("/console/api/insights?" + DAY + "&lang=en", "sanne").body());
        assertThat(english.path("value").path("conversations").asInt()).isZero();
        assertThat(english.path("entryHits").valueStream()).allMatch(h -> h.path("lang").asString().equals("en"));
    }

    /**
     * English has the FAQ's semantic signal: questions that mean the same are one group although they share
     * no word, and the two subjects stay apart. Dutch (no signal as shipped) is grouped by words.
     */
    @Test
    void questionsWithoutAnAnswerAreGroupedByMeaningWhereTheFaqHasTheSignal() throws Exception {
        JsonNode report = JSON.readTree(get("/console/api/insights?" + TUESDAY_IN_ENGLISH, "eva").body());

        assertThat(report.path("value").path("conversations").asInt()).isEqualTo(5);
        assertThat(report.path("value").path("answers").path("passedOn").asInt()).isEqualTo(5);
        JsonNode groups = report.path("unanswered");
        assertThat(groups.valueStream().map(g -> g.path("count").asInt() + " " + g.path("groupedBy").asString()
                + " " + g.path("examples").valueStream().map(JsonNode::asString).toList()))
                .containsExactly("3 meaning [Can I pay with bitcoin?, Is paying in crypto possible?, "
                        + "Do you accept cryptocurrency?]",
                        "2 meaning [Are pets allowed in the shop?, Can I bring my dog to your office?]");
        assertThat(groups.get(0).path("draft").asString()).contains("lang: en\n")
                .contains("  - \"Do you accept cryptocurrency?\"\n");
        assertThat(Insights.words("Can I pay with bitcoin?")).as("by words they would be three groups")
                .doesNotContainAnyElementsOf(Insights.words("Do you accept cryptocurrency?"));

        JsonNode dutch = JSON.readTree(get("/console/api/insights?" + DAY, "eva").body()).path("unanswered");
        assertThat(dutch.get(0).path("groupedBy").asString()).isEqualTo("words");
    }

    /**
     * The value figures and the weekly trend come from the per-day counters, and they are what the stored
     * conversations give; an erased conversation leaves its counts behind (the page's trend does not need the
     * conversations), and no counter holds anything personal (a scan of Redis), kept longer than the retention.
     */
    @Test
    void theValueFiguresComeFromDayCountersThatAddUpToTheStoredConversations() throws Exception {
        Insights insights = node.bean(Insights.class);
        LocalDate tuesday = LocalDate.of(2026, 10, 13);
        LocalDate wednesday = LocalDate.of(2026, 10, 14);
        for (String lang : new String[] {null, "nl", "en"}) {
            String query = "from=2026-10-13&to=2026-10-15" + (lang == null ? "" : "&lang=" + lang);
            assertThat(JSON.readTree(get("/console/api/insights?" + query, "eva").body()).path("value"))
                    .as("counters and conversations, lang " + lang)
                    .isEqualTo(JSON.valueToTree(insights.valueOfStoredConversations(tuesday, wednesday.plusDays(1),
                            lang)));
        }

        String tuesdayInDutch = "from=2026-10-13&to=2026-10-14&lang=nl";
        assertThat(JSON.readTree(get("/console/api/insights?" + tuesdayInDutch, "eva").body())
                .path("value").path("conversations").asInt()).isEqualTo(1);
        assertThat(node.bean(Privacy.class).erase(erasedConversation)).isPresent();
        JsonNode afterErasure = JSON.readTree(get("/console/api/insights?" + tuesdayInDutch, "eva").body());
        assertThat(afterErasure.path("value").path("conversations").asInt()).as("counted, not stored").isEqualTo(1);
        assertThat(afterErasure.path("value").path("answers").path("faq").asInt()).isEqualTo(1);
        assertThat(afterErasure.path("weeks").get(0).path("conversations").asInt()).isEqualTo(1);
        assertThat(insights.valueOfStoredConversations(tuesday, wednesday, "nl").conversations()).isZero();

        StringRedisTemplate redis = node.bean(StringRedisTemplate.class);
        Set<String> keys = redis.keys("loket:insight:day:*");
        assertThat(keys).contains("loket:insight:day:2026-10-13", "loket:insight:day:2026-10-14");
        List<String> personal = new ArrayList<>(joke.personalData());
        personal.addAll(erased.personalData());
        personal.add(erasedConversation);
        personal.addAll(node.bean(Conversations.class).ids());
        for (String key : keys) {
            assertThat(key).matches("loket:insight:day:\\d{4}-\\d{2}-\\d{2}");
            Map<Object, Object> counts = redis.opsForHash().entries(key);
            assertThat(counts.keySet()).allSatisfy(field -> assertThat(field.toString())
                    .matches("(nl|en)\\|[a-z_]+(\\|[a-z0-9_-]+)?|(nl|en)\\|(topic|topic_llm|topic_handed|hits)\\|[a-z0-9-]+"
                            + "|(nl|en)\\|unhelpful\\|[a-z0-9-]*\\|[a-z]+|(nl|en)\\|reason_week\\|\\d{4}-W\\d{2}\\|[a-z_]+"
                            + "|(nl|en)\\|action\\|[a-z0-9-]+\\|[a-z]+"));
            assertThat(counts.values()).allSatisfy(n -> assertThat(n.toString()).matches("-?\\d+"));
            assertThat(counts.toString()).as(key).doesNotContain(personal);
            assertThat(redis.getExpire(key, TimeUnit.DAYS)).as("kept longer than the 30 days' retention")
                    .isGreaterThan(30);
        }
    }

    /**
     * The page and its CSV come from records written when the conversations happened: a request reads no
     * conversation and scans no key (Redis's own command statistics), and embeds no question again (each
     * English one is stored with its vector, Dutch ones, without the signal, without).
     */
    @Test
    void aPageRequestScansNothingAndEmbedsNothing() throws Exception {
        StringRedisTemplate redis = node.bean(StringRedisTemplate.class);
        node.bean(Insights.class).flush(); // the recounts of the other tests' conversations, due by now
        long scans = calls(redis, "scan");
        long streamReads = calls(redis, "xrange");

        assertThat(JSON.readTree(get("/console/api/insights?from=2026-10-13&to=2026-10-15", "eva").body())
                .path("unanswered")).hasSize(3);
        assertThat(get("/console/api/insights.csv?table=unanswered&" + DAY, "eva").statusCode()).isEqualTo(200);

        assertThat(calls(redis, "scan")).as("SCAN calls").isEqualTo(scans);
        assertThat(calls(redis, "xrange")).as("reads of a conversation's log").isEqualTo(streamReads);
        UnansweredQuestions stored = node.bean(UnansweredQuestions.class);
        List<UnansweredQuestions.Asked> tuesday = stored.of(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 14));
        assertThat(tuesday).filteredOn(a -> a.lang().equals("en")).hasSize(5)
                .allSatisfy(a -> assertThat(a.questions()).singleElement()
                        .satisfies(q -> assertThat(q.vector()).hasSizeGreaterThan(100)));
        List<UnansweredQuestions.Asked> wednesday = stored.of(LocalDate.of(2026, 10, 14), LocalDate.of(2026, 10, 15));
        assertThat(wednesday).hasSize(2).allSatisfy(a -> assertThat(a.lang()).isEqualTo("nl"))
                .allSatisfy(a -> assertThat(a.questions()).allSatisfy(q -> assertThat(q.meaning()).isNull()));
    }

    /** How often Redis ran a command since it started ({@code INFO commandstats}). */
    private static long calls(StringRedisTemplate redis, String command) {
        Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        String line = stats.getProperty("cmdstat_" + command, "calls=0,");
        return Long.parseLong(line.substring("calls=".length(), line.indexOf(',')));
    }

    @Test
    void everyTableDownloadsAsCsvWithTheSameFigures() throws Exception {
        HttpResponse<String> value = get("/console/api/insights.csv?table=value&" + DAY, "eva");
        assertThat(value.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(value.body()).startsWith("figure,value\r\n").contains("\r\nconversations,4\r\n")
                .contains("\r\nresolved_share,0.75\r\n").contains("\r\nhandover_rate,0.25\r\n")
                .contains("\r\ncsat_bot_average,5.0\r\n").contains("\r\ncsat_person_average,3.0\r\n")
                .contains("\r\ncost_saved,16.0\r\n").contains("\r\ntarget_met,true\r\n")
                .contains("\r\nanswers_faq,2\r\nanswers_clarified,0\r\nanswers_llm,1\r\nactions_completed,1\r\n"
                        + "answers_passed_on,2\r\n");
        assertThat(get("/console/api/insights.csv?table=action-hits&" + DAY, "eva").body())
                .startsWith("action,title,completed,rejected,failed\r\n"
                        + "betalingsregeling-aanvragen,Betalingsregeling aanvragen,1,0,0\r\n")
                .contains("\r\nverhuizing-doorgeven,Verhuizing doorgeven,0,0,0\r\n");
        assertThat(get("/console/api/insights.csv?table=topics&" + DAY, "eva").body())
                .isEqualTo("entry,title,conversations,llm_conversations,handovers,handover_rate,priority\r\n"
                        + "meterstand-doorgeven,Meterstand doorgeven,2,0,1,0.5,1.0\r\n"
                        + "app-downloaden,De app downloaden,1,1,1,1.0,1.0\r\n");
        assertThat(get("/console/api/insights.csv?table=unanswered&" + DAY, "eva").body())
                .contains("\r\n2,nl,words,\"Kan ik met bitcoin betalen? | Kan ik betalen met bitcoin, mijn naam is [name]\","
                        + "termijnbedrag-verhogen,Termijnbedrag verhogen\r\n");
        assertThat(get("/console/api/insights.csv?table=handover-reasons&" + DAY, "eva").body())
                .isEqualTo("week,reason,count\r\n2026-W42,asked_for_person,1\r\n");
        assertThat(get("/console/api/insights.csv?table=unhelpful&" + DAY, "eva").body())
                .isEqualTo("entry,title,tier,count\r\nmeterstand-doorgeven,Meterstand doorgeven,faq,1\r\n");
        assertThat(get("/console/api/insights.csv?table=weeks&" + DAY, "eva").body())
                .isEqualTo("week,start,conversations,resolved_share,handover_rate\r\n2026-W42,2026-10-12,4,0.75,0.25\r\n");
        assertThat(get("/console/api/insights.csv?table=entry-hits&" + DAY, "eva").body())
                .contains("\r\nmeterstand-doorgeven,Meterstand doorgeven,nl,2\r\n");
    }

    @Test
    void aDraftFaqFileIsWhatTheCheckAcceptsAndItAnswersTheGroupsQuestions(@TempDir Path faq) throws Exception {
        JsonNode group = JSON.readTree(get("/console/api/insights?" + DAY, "eva").body()).path("unanswered").get(0);
        Path fixture = Path.of("src/test/resources/faq-fixture");
        try (var files = Files.walk(fixture)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Path to = faq.resolve(fixture.relativize(from).toString());
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        }
        // what the editor does: save the draft where its name says, write the answer, run bin/faq-check
        Path draft = faq.resolve(group.path("draftFile").asString().substring("faq/".length()));
        Files.writeString(draft, group.path("draft").asString().replace("Schrijf hier het antwoord.",
                "Nee, bitcoin nemen we niet aan. Je betaalt met iDEAL of automatische incasso."));
        assertThat(check(faq, fixture)).as("two questions: the check says how many more it needs, on their line")
                .contains(draft + ":5: needs at least 5 example questions, found 2")
                .containsOnlyOnce(" errors, ").contains(": 1 errors, ");
        List<String> more = List.of("Accepteren jullie bitcoin?", "Kan ik in crypto betalen?",
                "Betalen met cryptomunten, kan dat?");
        String completed = Files.readString(draft);
        for (String question : more) {
            completed = completed.replaceFirst("  # - [^\n]*", "  - " + question);
        }
        Files.writeString(draft, completed);

        String printed = check(faq, fixture);

        assertThat(printed).contains(": 0 errors, ").doesNotContain(draft.toString())
                .contains("changed: 'Kan ik met bitcoin betalen?' (nl): none -> kan-ik-met-bitcoin-betalen")
                .contains("changed: 'Kan ik betalen met bitcoin, mijn naam is [name]' (nl): none -> "
                        + "kan-ik-met-bitcoin-betalen");
    }

    /** {@code bin/faq-check <faq> --against <before>}: what it prints. */
    private static String check(Path faq, Path before) {
        var out = new ByteArrayOutputStream();
        new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), CLOCK)
                .run(new String[] {faq.toString(), "--against", before.toString()});
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theAgentNeverSeesTheScoreOfTheirOwnChat() {
        CLOCK.set(Instant.parse("2026-10-15T09:00:00Z")); // the day after: the other tests' figures stay as they are
        Person customer = Person.unique();
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            String id = Scripted.full(node, anna, customer); // the score comes after the agent closed the chat

            anna.send("type", "inbox");
            anna.await("inbox");
            anna.send("type", "open", "conversationId", id, "lastSeq", 0);
            assertThat(anna.error("forbidden").path("conversationId").asString()).as("a closed chat is not reopened")
                    .isEqualTo(id);
            assertThat(anna.drain().toString()).as("everything the agent's console received")
                    .contains("Hallo " + customer.name()).doesNotContainIgnoringCase("csat")
                    .doesNotContain("Prima, " + customer.marker());
        }
    }

    @Test
    void editorsAndSupervisorsSeeThePageAgentsDoNot() throws Exception {
        assertThat(get("/console/insights.html", "eva").statusCode()).isEqualTo(200);
        assertThat(get("/console/insights.html", "sanne").statusCode()).isEqualTo(200);
        assertThat(get("/console/insights.html", "anna").statusCode()).as("an agent").isEqualTo(403);
        assertThat(get("/console/api/insights?" + DAY, "anna").statusCode()).isEqualTo(403);
        assertThat(get("/console/", "eva").statusCode()).as("an editor has no agent console").isEqualTo(403);
        HttpResponse<String> badDate = get("/console/api/insights?from=gisteren", "eva");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).path("code").asString()).isEqualTo("bad_date");
        assertThat(JSON.readTree(get("/console/api/insights.csv?table=secrets", "eva").body()).path("code")
                .asString()).isEqualTo("unknown_table");
        assertThat(JSON.readTree(get("/console/api/insights?from=2026-10-15&to=2026-10-14", "eva").body())
                .path("code").asString()).isEqualTo("bad_period");
    }

    private static HttpResponse<String> get(String path, String account) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.http() + path))
                .header("Cookie", Clients.sessionCookie(node, account, "demo")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

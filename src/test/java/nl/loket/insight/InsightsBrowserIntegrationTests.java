package nl.loket.insight;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.loket.Accessibility;
import nl.loket.Chromium;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Node;
import nl.loket.handover.Handover;
import nl.loket.llm.OpenAiWire;
import nl.loket.privacy.Scripted;
import nl.loket.privacy.Scripted.Person;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The insights page in Debian's Chromium, as an editor sees it after four weeks of scripted conversations
 * in September 2026 (a month no other test uses): the figures, the weekly chart, a draft FAQ file, the
 * CSV links; no accessibility violations, no script errors, no CSP violations. Saves
 * docs/screenshot-insights.png.
 */
class InsightsBrowserIntegrationTests {

    /** Tuesdays at 10:00 in Amsterdam (summer time): the queues are open. */
    static final List<Instant> WEEKS = List.of(Instant.parse("2026-09-01T08:00:00Z"),
            Instant.parse("2026-09-08T08:00:00Z"), Instant.parse("2026-09-15T08:00:00Z"),
            Instant.parse("2026-09-22T08:00:00Z"));
    static final List<String> ANSWERED = List.of("Hoe geef ik mijn meterstand door?", "Waar download ik de app?",
            "Ik heb geen stroom", "De app werkt niet", "Hoe geef ik mijn meterstand door?", "Is er een app?");
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(WEEKS.getFirst());
    static Node node;
    static Chromium chromium;

    @BeforeAll
    static void startAndScript() {
        chromium = Chromium.start();
        MODEL.start();
        Scripted.stubModel(MODEL);
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("bitcoin")).atPriority(1)
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER")))));
        node = Node.start("insights-browser", CLOCK, Scripted.modelProperties(MODEL));
        try (var anna = Clients.Agent.signIn(node, "anna", "demo")) {
            // week 36: 3 conversations, 1 to a person; 37: 4; 38: 5, 1 to a person; 39: 6
            alone(2, 5);
            Scripted.full(node, anna, Person.unique());
            week(1); // forward only: routing leases fall due on this clock
            alone(3, 4);
            unanswered("Kan ik met bitcoin betalen?");
            week(2);
            alone(3, 2);
            Scripted.full(node, anna, Person.unique());
            unanswered("Betalen met bitcoin, kan dat?");
            week(3);
            alone(6, 5);
        }
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (node != null) {
            node.close();
        }
        MODEL.stop();
    }

    /**
     * Moves the clock to the week's Tuesday, and waits for Anna's console to renew her presence there (it
     * is kept on this clock: a week later it has run out until her next heartbeat).
     */
    private static void week(int i) {
        CLOCK.set(WEEKS.get(i));
        Handover handover = node.bean(Handover.class);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handover.available("algemeen"));
    }

    /** {@code n} conversations the FAQ answers alone; the first one's customer gives {@code csat}. */
    private static void alone(int n, int csat) {
        for (int i = 0; i < n; i++) {
            try (var customer = Clients.Customer.start(node, "nl")) {
                customer.say(ANSWERED.get(i));
                customer.bot();
                customer.send("type", "close");
                customer.status("closed");
                if (i == 0) {
                    customer.send("type", "csat", "score", csat);
                    customer.await("csat_saved");
                }
            }
        }
    }

    private static void unanswered(String question) {
        try (var customer = Clients.Customer.start(node, "nl")) {
            customer.say(question);
            customer.bot();
        }
    }

    @Test
    void anEditorSeesTheMonthsValueTheTrendAndWhatToFixNext() throws Exception {
        List<String> problems = Chromium.problems();
        Page page = chromium.page(1400, 900, problems);
        signIn(page, "eva");
        page.waitForURL("**/console/insights.html");

        // this month: the clock stands at 22 September
        assertThat(page.locator("#status")).hasText("1 september 2026 tot en met 22 september 2026 · alle talen");
        assertThat(page.locator("html")).hasAttribute("lang", "nl");
        assertThat(page.locator("#console-link")).isHidden(); // an editor has no agent console
        @SuppressWarnings("unchecked")
        List<String> oneLanguageOnly = (List<String>) page.evaluate("() => { const t = window.LoketInsightTexts; "
                + "const nl = Object.keys(t.nl), en = Object.keys(t.en); "
                + "return nl.filter(k => !en.includes(k)).concat(en.filter(k => !nl.includes(k))); }");
        assertThat(oneLanguageOnly).as("insights texts in one language only").isEmpty();
        assertThat(page.locator("#from")).hasValue("2026-09-01");
        Locator figures = page.locator("#value .figure");
        assertThat(figures.nth(0)).containsText("18");
        assertThat(figures.nth(1)).containsText("88,9 %");
        assertThat(figures.nth(1)).containsText("16 gesprekken");
        assertThat(figures.nth(2)).containsText("11,1 %");
        assertThat(figures.nth(5)).containsText("3 / 5"); // both chats with a person: the script's score 3
        // 18 x 6.00 without the bot; 18 x 0.50 + 2 x 6.00 with it: 87.00 saved, 80.6 %
        assertThat(page.locator("#saving")).containsText("€ 87,00");
        assertThat(page.locator("#saving")).containsText("80,6 %");
        assertThat(page.locator("#saving .badge")).hasText("doel 25 %: gehaald");

        Locator bars = page.locator("#trend rect.bot");
        assertThat(bars).hasCount(4);
        assertThat(page.locator("#trend text.value")).hasText(new String[] {"3", "4", "5", "6"});
        assertThat(page.locator("#trend text.axis:not(.small)").filter(new Locator.FilterOptions().setHasText("week")))
                .hasText(new String[] {"week 36", "week 37", "week 38", "week 39"});
        assertThat(page.locator("#trend rect.person").nth(1)).hasAttribute("height", "0");
        assertThat(page.locator("#trend rect.person").nth(0).getAttribute("height")).isNotEqualTo("0");

        assertThat(page.locator("#answers li").nth(2)).containsText("Beantwoord door de AI-assistent");
        assertThat(page.locator("#answers li").nth(2).locator(".bar-value")).hasText("2");
        assertThat(page.locator("#answers li").nth(3).locator(".bar-value")).hasText("2"); // two payment arrangements

        Locator group = page.locator("#unanswered tbody tr");
        assertThat(group).hasCount(1);
        assertThat(group.locator("td").first()).hasText("2");
        group.locator("details.draft summary").click();
        assertThat(group.locator("pre")).containsText("id: kan-ik-met-bitcoin-betalen");
        assertThat(group.locator("pre")).containsText("  - \"Betalen met bitcoin, kan dat?\"");
        assertThat(page.locator("#unanswered a.csv")).hasAttribute("href",
                "/console/api/insights.csv?table=unanswered&from=2026-09-01&to=2026-09-23");
        assertThat(page.locator("[data-table=action-hits] tbody tr").first()).containsText("Betalingsregeling aanvragen");
        assertThat(page.locator("[data-table=action-hits] tbody tr").first().locator("td").nth(1)).hasText("2");
        assertThat(page.locator("[data-table=entry-hits] tbody tr.unused").first()).containsText("0");

        Accessibility.assertNoViolations(page, problems::clear);
        Files.createDirectories(Path.of("docs"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/screenshot-insights.png")).setFullPage(true));

        // another language: nothing in English this month, said as such
        page.selectOption("#lang", "en");
        page.click("button.show");
        assertThat(page.locator("#status")).containsText("English");
        assertThat(figures.nth(0)).containsText("0");
        assertThat(page.locator("#unanswered .empty-table")).hasText("Geen gegevens in deze periode.");

        assertThat(problems).as("script errors in the browser").isEmpty();
        assertThat(Chromium.cspViolations(page)).as("CSP violations").isEmpty();

        page.click("#logout button");
        page.waitForURL("**/console/login.html?signedOut");
        page.context().close();
    }

    /**
     * Sanne, a supervisor whose account speaks English, finds the link in her console and reads the page in
     * English; switched to Dutch, it stays Dutch for her next visit (as the console does). Saves
     * docs/screenshot-insights-en.png.
     */
    @Test
    void aSupervisorOpensTheInsightsFromTheConsoleInHerLanguage() {
        List<String> problems = Chromium.problems();
        Page page = chromium.page(1400, 900, problems);
        signIn(page, "sanne");
        page.waitForURL("**/console/");
        assertThat(page.locator("#insights-link")).hasText("Insights");
        page.click("#insights-link");
        page.waitForURL("**/console/insights.html");

        assertThat(page.locator("#status")).hasText("1 September 2026 up to and including 22 September 2026 · all languages");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#value-title")).hasText("What the assistant delivers");
        Locator figures = page.locator("#value .figure");
        assertThat(figures.nth(1)).containsText("Resolved without a person");
        assertThat(figures.nth(1)).containsText("88.9 %");
        assertThat(figures.nth(1)).containsText("16 conversations");
        assertThat(page.locator("#saving")).containsText("€87.00");
        assertThat(page.locator("#saving .badge")).hasText("target 25 %: met");
        assertThat(page.locator("#trend text.axis:not(.small)").filter(new Locator.FilterOptions().setHasText("week")))
                .hasText(new String[] {"week 36", "week 37", "week 38", "week 39"});
        assertThat(page.locator("#unanswered thead th").last()).hasText("Draft FAQ");
        assertThat(page.locator("#unanswered a.csv")).hasAttribute("aria-label",
                "Download CSV: questions without a confident answer");
        assertThat(page.locator("#console-link")).isVisible();
        Accessibility.assertNoViolations(page, problems::clear);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/screenshot-insights-en.png")).setFullPage(true));

        page.selectOption("#ui-lang", "nl");
        assertThat(page.locator("#value-title")).hasText("Wat de assistent oplevert");
        assertThat(page.locator("#status")).hasText("1 september 2026 tot en met 22 september 2026 · alle talen");
        page.reload();
        assertThat(page.locator("#value .figure").nth(1)).containsText("16 gesprekken");
        assertThat(problems).as("script errors in the browser").isEmpty();
        assertThat(Chromium.cspViolations(page)).as("CSP violations").isEmpty();
        page.context().close();
    }

    /** Anna is an agent only: no link in her console, and the page itself refuses her. */
    @Test
    void aPlainAgentHasNoLinkToTheInsights() {
        List<String> problems = Chromium.problems();
        Page page = chromium.page(1400, 900, problems);
        signIn(page, "anna");
        page.waitForURL("**/console/");
        assertThat(page.locator("#connection")).hasText("verbonden");
        assertThat(page.locator("#insights-link")).isHidden();
        assertThat(page.locator("#insights-link")).hasAttribute("hidden", "");
        assertThat(problems).as("script errors in the browser").isEmpty();
        assertThat(page.navigate(node.http() + "/console/insights.html").status()).isEqualTo(403);
        page.context().close();
    }

    private static void signIn(Page page, String name) {
        page.navigate(node.http() + "/console/");
        page.waitForURL("**/console/login.html");
        page.fill("#username", name);
        page.fill("#password", "demo");
        page.click("#sign-in:enabled");
    }
}

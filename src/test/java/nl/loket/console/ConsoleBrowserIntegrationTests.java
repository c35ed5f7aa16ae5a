package nl.loket.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ReducedMotion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.loket.Accessibility;
import nl.loket.Chromium;
import nl.loket.TestClock;
import nl.loket.conversation.Conversations;
import nl.loket.handover.Handover;
import nl.loket.handover.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agents work in the console in a real browser (Debian's Chromium), as they would all day. */
class ConsoleBrowserIntegrationTests {

    private static final Path CHROMIUM = Chromium.BINARY;
    private static final List<String> ARGS = Chromium.ARGS;
    private static final String WATCH_CSP = Chromium.WATCH_CSP;
    static Node node;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium: apt-get install -y chromium");
        node = Node.start("browser-node", new TestClock(TestClock.MONDAY_10));
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(ARGS));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            playwright.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        Handover handover = node.bean(Handover.class);
        for (String agent : List.of("anna", "bram", "sanne")) {
            handover.presence(agent, handover.queueNames(), Presence.OFFLINE);
        }
        // every test starts with empty queues and agents holding no chats
        var conversations = node.bean(Conversations.class);
        handover.waiting(handover.queueNames()).forEach(chat -> conversations.close(chat.conversationId(),
                "test_cleanup"));
        for (String agent : List.of("anna", "bram", "sanne")) {
            handover.chatsOf(agent).forEach(id -> conversations.close(id, "test_cleanup"));
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900)
                .setReducedMotion(ReducedMotion.REDUCE).setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"));
        context.setDefaultTimeout(10_000);
        context.addInitScript(WATCH_CSP);
        page = context.newPage();
        page.onPageError(error -> problems.add("page error: " + error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anAgentSignsInAcceptsAChatAndReplies() throws Exception {
        signIn("anna");
        try (var customer = new Clients.Customer(node, "nl", Map.of("name", "Joke de Vries"), null, null, 0)) {
            customer.say("Mijn voorschot is te hoog <b>echt</b>");
            customer.bot();
            customer.queueUp();

            Locator chat = page.locator(".waiting-chat[data-conversation-id='" + customer.conversationId + "']");
            chat.waitFor();
            assertThat(chat.textContent()).contains("Joke de Vries").contains("<b>echt</b>");
            chat.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Aannemen")).click();

            Locator pane = pane(customer.conversationId);
            assertThat(pane).hasAttribute("data-status", "agent");
            assertThat(pane.locator(".packet-fields").textContent()).contains("Klantnummer: 12345678")
                    .doesNotContain("customerNumber")
                    .contains("Mijn voorschot is te hoog <b>echt</b>");
            pane.locator(".canned").selectOption("greeting:nl");
            assertThat(pane.locator(".text").inputValue()).startsWith("Goedendag");
            pane.locator(".text").fill("Hallo Joke, ik pas je voorschot aan.");
            pane.locator(".send").click();

            JsonNode reply = customer.event("the agent's reply", f -> "agent".equals(f.path("author").asString()));
            assertThat(reply.path("text").asString()).isEqualTo("Hallo Joke, ik pas je voorschot aan.");
            assertThat(reply.path("agentName").asString()).as("the customer sees the display name").isEqualTo("Anna");
            customer.say("Top, dank je!");
            pane.locator(".history li.customer:has-text('Top, dank je!')").waitFor();
        }
        assertClean();
    }

    @Test
    void anAgentWorksSeveralChatsInTabsWithTheWholeWidth() throws Exception {
        signIn("anna");
        try (var joke = new Clients.Customer(node, "nl", Map.of("name", "Joke de Vries"), null, null, 0);
                var piet = new Clients.Customer(node, "nl", Map.of("name", "Piet Bakker"), null, null, 0)) {
            joke.say("hoe geef ik mijn meterstand door");
            assertThat(joke.bot().path("text").asString()).contains("**meterstand**");
            joke.queueUp();
            piet.queueUp();

            Locator waitingJoke = page.locator(".waiting-chat[data-conversation-id='" + joke.conversationId + "']");
            assertThat(waitingJoke).containsText("klant vroeg om een medewerker");
            assertThat(page.locator(".side")).not().containsText("asked_for_person");
            waitingJoke.locator("button.accept").click();
            assertThat(page.locator(".pane[data-status='agent']")).hasCount(1);
            page.locator(".waiting-chat[data-conversation-id='" + piet.conversationId + "'] button.accept").click();
            assertThat(page.locator(".pane[data-status='agent']")).hasCount(2);
            Locator tabs = page.getByRole(AriaRole.TAB);
            assertThat(tabs).hasCount(2);
            assertThat(tabs.nth(0)).containsText("Joke de Vries");
            assertThat(tabs.nth(1)).containsText("Piet Bakker");
            assertThat(tabs.nth(1)).hasAttribute("aria-selected", "true");

            tabs.nth(0).click();
            Locator jokePane = pane(joke.conversationId);
            assertThat(jokePane).isVisible();
            assertThat(pane(piet.conversationId)).isHidden();
            // the bot's answer as the customer saw it: Markdown rendered, no asterisks
            Locator answer = jokePane.locator(".history li.bot").first();
            assertThat(answer.locator("strong")).hasText("meterstand");
            assertThat(answer).not().containsText("**");
            // no LLM on this node: the label says the summary was put together without a model, not by the assistant
            assertThat(jokePane.locator(".summary-label")).hasText("Samengesteld uit het gesprek, zonder taalmodel.");
            // in the agent's language with the reason in words (it read "Handed over because: asked_for_person")
            assertThat(jokePane.locator(".summary-text")).containsText("Overgedragen omdat: klant vroeg om een medewerker.");
            assertThat(jokePane.locator(".summary-text")).containsText("De assistent antwoordde 1 keer; laatst: FAQ");
            assertThat(jokePane.locator(".summary-text")).containsText("Gegevens: Klantnummer: 12345678.");
            assertThat(jokePane.locator(".packet")).not().containsText("asked_for_person");
            assertThat(jokePane.locator(".packet-fields")).containsText("klant vroeg om een medewerker");
            sideBySide(jokePane, 1400, 900);
            screenshot("docs/screenshot-console.png");
            assertNoAxeViolations();

            // a draft stays with its chat across a tab switch and a reload
            jokePane.locator(".text").fill("Hoi Joke, ik zoek je meterstand op");
            tabs.nth(1).click();
            Locator pietPane = pane(piet.conversationId);
            pietPane.locator(".text").fill("Dag Piet, een ogenblik");
            tabs.nth(0).click();
            assertThat(jokePane.locator(".text")).hasValue("Hoi Joke, ik zoek je meterstand op");
            page.reload();
            page.waitForSelector("#connection.ok");
            assertThat(page.getByRole(AriaRole.TAB)).hasCount(2);
            assertThat(jokePane).isVisible();
            assertThat(jokePane.locator(".text")).hasValue("Hoi Joke, ik zoek je meterstand op");
            assertThat(pietPane.locator(".text")).hasValue("Dag Piet, een ogenblik");

            // closing the chat disables what can no longer be done, and keeps what was typed
            jokePane.locator(".close").click();
            assertThat(jokePane).hasAttribute("data-status", "closed");
            for (String action : List.of(".send", ".close", ".handback", ".transfer", ".note", ".suggest")) {
                assertThat(jokePane.locator(action)).isDisabled();
            }
            assertThat(jokePane.locator(".pane-notice")).containsText("gesloten");
            assertThat(jokePane.locator(".text")).hasValue("Hoi Joke, ik zoek je meterstand op");
            jokePane.locator(".text").press("Enter");
            assertThat(jokePane.locator(".text")).hasValue("Hoi Joke, ik zoek je meterstand op");

            // the other chat is still worked normally, and the language switches per agent
            page.getByRole(AriaRole.TAB).nth(1).click();
            assertThat(pietPane.locator(".send")).isEnabled();
            pietPane.locator(".send").click();
            assertThat(piet.event("the agent's reply", f -> "agent".equals(f.path("author").asString()))
                    .path("text").asString()).isEqualTo("Dag Piet, een ogenblik");
            assertThat(pietPane.locator(".text")).hasValue("");
            page.locator("#lang").selectOption("en");
            assertThat(pietPane.locator(".send")).hasText("Send");
            assertThat(page.locator(".side h2").first()).containsText("Waiting");
            assertThat(pietPane.locator(".history li.customer .who").first()).containsText("customer");
            page.setViewportSize(1920, 1080);
            sideBySide(pietPane, 1920, 1080);
            screenshot("docs/screenshot-console-1920.png");
            page.reload();
            assertThat(page.locator("#lang")).hasValue("en");
            @SuppressWarnings("unchecked")
            List<String> missing = (List<String>) page.evaluate("() => { const t = window.LoketConsoleTexts; "
                    + "const nl = Object.keys(t.nl), en = Object.keys(t.en); "
                    + "return nl.filter(k => !en.includes(k)).concat(en.filter(k => !nl.includes(k))); }");
            assertThat(missing).as("console texts in one language only").isEmpty();
        }
        assertClean();
    }

    /** The inbox, the chat and its packet side by side in one row, the chat the widest, the summary in view. */
    private void sideBySide(Locator pane, int width, int height) {
        BoundingBox side = page.locator(".side").boundingBox();
        BoundingBox chat = pane.locator(".chat").boundingBox();
        BoundingBox packet = pane.locator(".packet").boundingBox();
        assertThat(side.x + side.width).isLessThanOrEqualTo(chat.x + 1);
        assertThat(chat.x + chat.width).isLessThanOrEqualTo(packet.x + 1);
        assertThat(packet.x + packet.width).isLessThanOrEqualTo(width + 1);
        assertThat(Math.abs(chat.y - packet.y)).as("chat and packet in one row").isLessThan(2);
        assertThat(chat.width).as("the chat pane uses most of the width").isGreaterThan(width * 0.5)
                .isGreaterThan(side.width + packet.width - 1);
        assertThat(chat.y + chat.height).isLessThanOrEqualTo(height + 1);
        BoundingBox summary = pane.locator(".summary-box").boundingBox();
        assertThat(summary.y + summary.height).as("the summary is not cut off").isLessThanOrEqualTo(height);
    }

    private void signIn(String agent) {
        page.navigate("http://localhost:" + node.port + "/console/");
        page.waitForURL("**/console/login.html");
        page.fill("#username", agent);
        page.fill("#password", "demo");
        page.click("#sign-in:enabled");
        page.waitForSelector("#connection.ok");
        page.waitForSelector("#agent:has-text('" + agent + "')");
    }

    private Locator pane(String conversationId) {
        return page.locator(".pane[data-conversation-id='" + conversationId + "']");
    }

    private void screenshot(String path) throws Exception {
        Files.createDirectories(Path.of(path).getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(path)));
    }

    private void assertClean() {
        @SuppressWarnings("unchecked")
        List<Object> csp = (List<Object>) page.evaluate("() => window.__cspViolations || []");
        assertThat(problems).as("script errors in the browser").isEmpty();
        assertThat(csp).as("CSP violations").isEmpty();
    }

    private void assertNoAxeViolations() {
        assertClean();
        Accessibility.assertNoViolations(page, problems::clear);
    }
}

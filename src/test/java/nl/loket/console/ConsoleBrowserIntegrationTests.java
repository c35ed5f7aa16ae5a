package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.loket.TestClock;
import nl.loket.handover.Handover;
import nl.loket.handover.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An agent signs in to the console in a real browser (Debian's Chromium), accepts a chat and replies. */
class ConsoleBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    static Node node;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium: apt-get install -y chromium");
        node = Node.start("browser-node", new TestClock(TestClock.MONDAY_10));
        Handover handover = node.bean(Handover.class);
        for (String agent : List.of("anna", "bram", "sanne")) {
            handover.presence(agent, handover.queueNames(), Presence.OFFLINE);
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anAgentSignsInAcceptsAChatAndReplies() throws Exception {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(ARGS))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    problems.add(m.text());
                }
            });
            page.navigate("http://localhost:" + node.port + "/console/");
            page.waitForURL("**/console/login.html");
            page.fill("#username", "anna");
            page.fill("#password", "demo");
            page.click("#sign-in:enabled");
            page.waitForSelector("#connection.ok");
            page.waitForSelector("#agent:has-text('anna')");

            try (var customer = new Clients.Customer(node, "nl", Map.of("name", "Joke de Vries"), null, null, 0)) {
                customer.say("Mijn voorschot is te hoog <b>echt</b>");
                customer.bot();
                HandoverAcrossNodesIntegrationTests.queueUp(customer);

                Locator chat = page.locator(".waiting-chat[data-conversation-id='" + customer.conversationId + "']");
                chat.waitFor();
                assertThat(chat.textContent()).contains("Joke de Vries").contains("<b>echt</b>");
                chat.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();

                Locator pane = page.locator(".pane[data-conversation-id='" + customer.conversationId + "']");
                pane.locator(".pane-status:has-text('agent')").waitFor();
                assertThat(pane.locator(".packet-fields").textContent()).contains("12345678")
                        .contains("Mijn voorschot is te hoog <b>echt</b>");
                pane.locator(".canned").selectOption("greeting:nl");
                assertThat(pane.locator(".text").inputValue()).startsWith("Goedendag");
                pane.locator(".text").fill("Hallo Joke, ik pas je voorschot aan.");
                pane.locator(".send").click();

                JsonNode reply = customer.event("the agent's reply", f -> "agent".equals(f.path("author").asString()));
                assertThat(reply.path("text").asString()).isEqualTo("Hallo Joke, ik pas je voorschot aan.");
                assertThat(reply.path("agentName").asString()).isEqualTo("anna");
                customer.say("Top, dank je!");
                pane.locator(".history li.customer:has-text('Top, dank je!')").waitFor();

                Files.createDirectories(Path.of("target/screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/console.png"))
                        .setFullPage(true));
            }
            assertThat(problems).as("console errors in the browser (CSP violations show up here)").isEmpty();
        }
    }
}

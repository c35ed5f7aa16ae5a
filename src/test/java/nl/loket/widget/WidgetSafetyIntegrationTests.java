package nl.loket.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.Source;
import org.junit.jupiter.api.Test;

/**
 * Text from every source is shown as text, never run. The XSS checks run on a page WITHOUT a CSP,
 * so they prove the widget's rendering is safe on its own, not that the CSP caught it.
 */
class WidgetSafetyIntegrationTests extends BrowserTestSupport {

    private static final String IMG = "<img src=x onerror=\"window.__xss='img'\">";
    private static final String SCRIPT = "<script>window.__xss='script'</script>";
    private static final String SVG = "<svg onload=\"window.__xss='svg'\"></svg>";
    private static final String LINK = "[klik hier](javascript:window.__xss='link')";
    private static final String NOTICES = """
            [{"id":"storing","title":"<img src=x onerror=\\"window.__xss='notice-title'\\">Storing",
              "html":"<img src=x onerror=\\"window.__xss='notice-html'\\">",
              "markdown":"<script>window.__xss='notice'</script> Er is een **storing** in [Almere](javascript:alert(1)).",
              "from":"2026-01-01T00:00:00Z","until":"2099-01-01T00:00:00Z"}]
            """;
    private static final String FIND_INJECTED = """
            () => {
              const root = document.querySelector('#loket-widget').shadowRoot;
              const bad = 'img, script, iframe, object, embed, [onerror], [onload], [onmouseover], a[href^="javascript"]';
              return root.querySelectorAll(bad).length + document.querySelectorAll('img[src="x"], svg[onload]').length;
            }""";

    @Test
    void payloadsFromEveryPathAreShownAsTextAndNeverRun() {
        try (var tab = browser.withoutCsp()) {
            tab.page.route("**/api/notices**", route -> route.fulfill(new Route.FulfillOptions()
                    .setContentType("application/json").setBody(NOTICES)));
            tab.go(url("/")).openChat();

            // notice (before the chat)
            assertThat(tab.page.locator("#loket-widget .notice-card h3")).hasText(
                    "<img src=x onerror=\"window.__xss='notice-title'\">Storing");
            assertThat(tab.page.locator("#loket-widget .notice-card strong")).hasText("storing");

            // customer text
            tab.send(IMG + " " + SCRIPT);
            assertThat(tab.customerMessages().last().locator(".bubble")).hasText(IMG + " " + SCRIPT);
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();

            // an FAQ answer, with its source and quick replies
            conversations.appendFromBot(id, new ConversationEvent.BotMessage(SVG + " " + LINK, "faq",
                    List.of(new Source("x", IMG)), List.of(new QuickReply(IMG, SCRIPT)), Map.of()));
            assertThat(tab.botMessages().last().locator(".bubble")).hasText(SVG + " klik hier");
            assertThat(tab.botMessages().last().locator(".sources")).hasText("Bron: " + IMG);

            // an LLM answer being streamed
            long question = lastCustomerSeq(id);
            // one piece at a time: the fan-out does not keep two deltas in order yet (reported to the lead)
            conversations.streamDelta(id, question, IMG);
            assertThat(tab.page.locator("#loket-widget .streaming .bubble")).hasText(IMG);
            conversations.streamDelta(id, question, " " + LINK);
            assertThat(tab.page.locator("#loket-widget .streaming .bubble")).hasText(IMG + " klik hier");

            // an agent, with a hostile name
            queueAndHandToAgent(id, 1, IMG);
            conversations.appendFromAgent(id, new ConversationEvent.AgentMessage(IMG, SCRIPT + " " + SVG, null));
            var agentMessage = tab.page.locator("#loket-widget .log > li.from-agent").last();
            assertThat(agentMessage.locator(".bubble")).hasText(SCRIPT + " " + SVG);
            assertThat(agentMessage.locator(".name")).hasText(IMG);

            tab.page.waitForTimeout(300); // an onerror handler would have fired by now
            assertThat(tab.page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            assertThat(tab.page.evaluate(FIND_INJECTED)).isEqualTo(0);
            tab.screenshot("14-xss-as-text");
            tab.assertClean();
        }
    }

    @Test
    void rendersTheSafeMarkdownSubsetWithDomNodesOnly() {
        try (var tab = browser.desktop().go(url("/"))) {
            String html = (String) tab.page.evaluate("""
                    src => { const d = document.createElement('div'); d.appendChild(LoketWidget.renderMarkdown(src));
                             return d.innerHTML; }""",
                    "Je **meterstand** geef je *zelf* door:\n\n- in de `app`\n- op [Mijn Polder](https://example.nl/mijn)\n\n"
                            + "1. stap een\n2. stap twee\n\nZie https://example.nl/hulp. Niet [dit](data:text/html,x).");
            assertThat(html).isEqualTo("<p>Je <strong>meterstand</strong> geef je <em>zelf</em> door:</p>"
                    + "<ul><li>in de <code>app</code></li><li>op <a href=\"https://example.nl/mijn\" target=\"_blank\""
                    + " rel=\"noopener noreferrer\">Mijn Polder</a></li></ul>"
                    + "<ol><li>stap een</li><li>stap twee</li></ol>"
                    + "<p>Zie <a href=\"https://example.nl/hulp\" target=\"_blank\" rel=\"noopener noreferrer\">"
                    + "https://example.nl/hulp</a>. Niet dit.</p>");
            tab.assertClean();
        }
    }

    @Test
    void theDemoPageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self' ws: wss:").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.body()).contains("/widget.js").doesNotContain("style=\"", "onclick", "<style");
    }
}

package nl.loket.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.loket.Accessibility;

/**
 * Debian's Chromium driven by Playwright (STACK.md section 6): no browser download, so CI needs
 * only {@code apt-get install chromium}. Pages ask for reduced motion: headless Chromium advances
 * CSS animations only when it paints, so screenshots would catch the panel half faded in. Every page records CSP violations and script errors, and
 * {@link Tab#assertClean()} fails the test on any of them.
 */
final class WidgetBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic");
    /** Reports violations from inside the widget's shadow root too: the event is composed. */
    private static final String WATCH_CSP = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI), true);
            """;

    private final Playwright playwright;
    private final Browser browser;

    WidgetBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true).setArgs(CHROMIUM_ARGS));
    }

    Tab desktop() {
        return tab(1280, 800);
    }

    Tab tab(int width, int height) {
        return tab(width, height, false);
    }

    /** The demo page with its CSP switched off: proves the widget is safe on sites without one. */
    Tab withoutCsp() {
        return tab(1280, 800, true);
    }

    private Tab tab(int width, int height, boolean bypassCsp) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setBypassCSP(bypassCsp).setAcceptDownloads(true).setReducedMotion(ReducedMotion.REDUCE).setLocale("nl-NL").setTimezoneId("Europe/Amsterdam"));
        context.setDefaultTimeout(10_000);
        context.addInitScript(WATCH_CSP);
        return new Tab(context);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** One browser context (its own localStorage) with one page. */
    static final class Tab implements AutoCloseable {

        final BrowserContext context;
        final Page page;
        final List<String> problems = new CopyOnWriteArrayList<>();

        Tab(BrowserContext context) {
            this.context = context;
            this.page = context.newPage();
            page.onPageError(error -> problems.add("page error: " + error));
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    problems.add("console: " + message.text());
                }
            });
        }

        Tab go(String url) {
            page.navigate(url);
            page.locator("#loket-widget .launcher").waitFor();
            return this;
        }

        Locator launcher() {
            return page.locator("#loket-widget .launcher");
        }

        Locator panel() {
            return page.locator("#loket-widget .panel");
        }

        Locator input() {
            return page.locator("#loket-widget textarea");
        }

        Locator items() {
            return page.locator("#loket-widget .log > li");
        }

        Locator botMessages() {
            return page.locator("#loket-widget .log > li.from-bot:not(.streaming)");
        }

        Locator customerMessages() {
            return page.locator("#loket-widget .log > li.from-customer");
        }

        Locator disclosure() {
            return page.locator("#loket-widget .disclosure");
        }

        Tab openChat() {
            launcher().click();
            try {
                disclosure().waitFor();
            } catch (RuntimeException e) {
                screenshot("failed-to-start");
                throw new AssertionError("the chat did not start; problems on the page: " + problems + "; widget: "
                        + page.evaluate("() => document.querySelector('#loket-widget').shadowRoot.innerHTML"), e);
            }
            return this;
        }

        Tab send(String text) {
            input().fill(text);
            input().press("Enter");
            return this;
        }

        /** The conversation the widget keeps in localStorage. */
        String conversationId() {
            Object id = page.evaluate("() => { const k = Object.keys(localStorage).find(k => k.startsWith('loket:'));"
                    + " return k ? JSON.parse(localStorage.getItem(k)).conversationId : null; }");
            return (String) id;
        }

        void screenshot(String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        }

        /** No CSP violation, no uncaught script error. */
        void assertClean() {
            List<String> all = new ArrayList<>(problems);
            @SuppressWarnings("unchecked")
            List<Object> csp = (List<Object>) page.evaluate("() => window.__cspViolations || []");
            csp.forEach(v -> all.add("CSP: " + v));
            assertThat(all).as("CSP violations and script errors").isEmpty();
        }

        /** Also checks {@link #assertClean()} first: axe itself injects a style element, which the CSP blocks. */
        void assertNoAxeViolations() {
            assertClean();
            Accessibility.assertNoViolations(page, problems::clear);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}

package nl.loket;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium under Playwright for a page test: one browser per test class, pages that record
 * script errors and CSP violations ({@link #problems}), for the console's pages.
 */
public final class Chromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");
    /** Records CSP violations in {@code window.__cspViolations}, from inside shadow roots too (the event is composed). */
    public static final String WATCH_CSP = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI), true);
            """;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BINARY)
                .setHeadless(true).setArgs(ARGS));
    }

    /** Skips the test class when Debian's chromium is not installed. */
    public static Chromium start() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "needs Debian's chromium: apt-get install -y chromium");
        return new Chromium();
    }

    /** A new context (its own cookies) with one page, Dutch, in Amsterdam, reduced motion. */
    public Page page(int width, int height, List<String> problems) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setReducedMotion(ReducedMotion.REDUCE).setLocale("nl-NL").setTimezoneId("Europe/Amsterdam")
                .setAcceptDownloads(true));
        context.setDefaultTimeout(10_000);
        context.addInitScript(WATCH_CSP);
        Page page = context.newPage();
        page.onPageError(error -> problems.add("page error: " + error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                problems.add(m.text());
            }
        });
        return page;
    }

    /** The CSP violations the page recorded so far. */
    @SuppressWarnings("unchecked")
    public static List<Object> cspViolations(Page page) {
        return (List<Object>) page.evaluate("() => window.__cspViolations || []");
    }

    public static List<String> problems() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

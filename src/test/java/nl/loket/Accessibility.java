package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** axe-core's WCAG 2.2 AA rules (and best practices) on a page, for the widget's and the console's browser tests. */
public final class Accessibility {

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    private Accessibility() {
    }

    /**
     * Fails with every violation and where it is. axe injects a style element, which the page's CSP
     * blocks: {@code forgetWhatAxeCaused} clears the caller's record of it, and the page's is cleared here.
     */
    public static void assertNoViolations(Page page, Runnable forgetWhatAxeCaused) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        forgetWhatAxeCaused.run();
        page.evaluate("() => { window.__cspViolations = []; }");
        String report = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(results.getViolations()).as(report).isEmpty();
    }
}

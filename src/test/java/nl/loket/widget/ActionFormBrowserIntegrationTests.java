package nl.loket.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The demo as a customer sees it in a browser: the demo site signs in its demo customer, and a meter
 * reading is submitted to the demo back-end through the widget's form, with the keyboard only.
 */
class ActionFormBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void submitsAMeterReadingInTheWidgetWithTheKeyboardOnly() {
        try (var tab = browser.desktop().go(url("/"))) {
            Page page = tab.page;
            page.waitForSelector("html[data-demo-customer]");
            tab.launcher().focus();
            page.keyboard().press("Enter");
            tab.disclosure().waitFor();
            assertThat(tab.input()).isFocused();
            page.keyboard().type("ik wil mijn meterstand doorgeven");
            page.keyboard().press("Enter");

            Locator offer = tab.botMessages().last();
            assertThat(offer.locator(".quick button")).hasText(new String[] {"Ja, graag", "Nee, bedankt"});
            page.keyboard().press("Shift+Tab");
            page.keyboard().press("Shift+Tab");
            assertThat(offer.locator(".quick button").first()).isFocused();
            page.keyboard().press("Enter");

            Locator ean = tab.page.locator("#loket-widget .field-form[data-field=ean] input");
            assertThat(ean).isFocused();
            assertThat(page.locator("#loket-widget .field-form label")).hasText("Wat is de EAN-code van je meter?");
            page.keyboard().type("8716");
            page.keyboard().press("Enter");

            Locator again = tab.page.locator("#loket-widget .field-form[data-field=ean] input");
            assertThat(again).isFocused();
            assertThat(again).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#loket-widget .field-error")).isVisible();
            assertThat(page.locator("#loket-widget .sr-only p").last()).containsText("Dat is geen EAN-code");
            tab.assertNoAxeViolations();
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("docs/screenshot-action.png")));
            page.keyboard().type("871685900001234567");
            page.keyboard().press("Enter");

            assertThat(tab.page.locator("#loket-widget .field-form[data-field=reading] input")).isFocused();
            page.keyboard().type("4321");
            page.keyboard().press("Enter");
            assertThat(tab.page.locator("#loket-widget .field-form[data-field=date] input")).isFocused();
            page.keyboard().type("vandaag");
            page.keyboard().press("Enter");

            Locator summary = tab.botMessages().last();
            assertThat(summary.locator(".bubble")).containsText("meter 871685900001234567, stand 4321");
            assertThat(summary.locator(".quick button").first()).isFocused();
            assertThat(summary.locator(".quick button").first()).hasText("Ja, versturen");
            page.keyboard().press("Enter");

            assertThat(tab.botMessages().last().locator(".bubble"))
                    .containsText("Je meterstand is doorgegeven. Je referentie is MR-");
            tab.assertNoAxeViolations();
        }
    }
}

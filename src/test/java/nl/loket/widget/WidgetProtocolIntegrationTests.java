package nl.loket.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Protocol details the widget must honour: its own typing budget, and frames the server does not
 * send yet (a discarded stream, an estimated wait), added by the proxy as the server would send them.
 */
class WidgetProtocolIntegrationTests extends BrowserTestSupport {

    @Test
    void sendsTypingOnlyToAPersonAndAtMostEveryThreeSeconds() {
        try (var tab = browser.desktop()) {
            var proxy = SocketProxy.on(tab.page);
            tab.go(url("/")).openChat().send("Xyzzy eerst de assistent");
            assertThat(tab.botMessages()).hasCount(1);
            tab.input().pressSequentially("de assistent hoeft dit niet te weten");
            assertThat(proxy.frames("typing")).isEmpty();

            queueAndHandToAgent(tab.conversationId(), 1, "Sanne");
            assertThat(tab.page.locator("#loket-widget .subtitle")).hasText("Je chat met Sanne");
            tab.input().fill("");
            long start = System.nanoTime();
            tab.input().pressSequentially("ik typ een langer bericht", new com.microsoft.playwright.Locator
                    .PressSequentiallyOptions().setDelay(60));
            long typedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(typedMs).isLessThan(3000);
            assertThat(proxy.frames("typing")).hasSize(1);

            tab.page.waitForTimeout(3100 - typedMs);
            tab.input().pressSequentially(" en nog meer");
            eventually(() -> assertThat(proxy.frames("typing")).hasSize(2));
            tab.assertClean();
        }
    }

    @Test
    void aDiscardedStreamDisappears() {
        try (var tab = browser.desktop()) {
            var proxy = SocketProxy.on(tab.page);
            tab.go(url("/")).openChat().send("Xyzzy een vraag");
            assertThat(tab.botMessages()).hasCount(1);
            long question = lastCustomerSeq(tab.conversationId());

            proxy.sendToWidget("{\"type\":\"delta\",\"replyTo\":" + question + ",\"text\":\"Een half antwoord\"}");
            var streaming = tab.page.locator("#loket-widget .log > li.streaming");
            assertThat(streaming.locator(".bubble")).hasText("Een half antwoord");
            assertThat(streaming.locator(".time")).hasText("Antwoord wordt geschreven…");

            proxy.sendToWidget("{\"type\":\"delta\",\"replyTo\":" + question + ",\"text\":\"\",\"discard\":true}");
            assertThat(streaming).hasCount(0);
            assertThat(tab.botMessages()).hasCount(1);
            tab.assertClean();
        }
    }

    @Test
    void showsTheEstimatedWaitWhenTheQueueSaysIt() {
        try (var tab = browser.desktop()) {
            var proxy = SocketProxy.on(tab.page);
            tab.go(url("/?lang=en")).openChat().send("Xyzzy a question");
            assertThat(tab.botMessages()).hasCount(1);
            long next = conversations.eventsAfter(tab.conversationId(), 0).getLast().seq() + 1;

            proxy.sendToWidget("{\"type\":\"event\",\"seq\":" + next + ",\"kind\":\"status\",\"author\":\"system\","
                    + "\"status\":\"queued\",\"queuePosition\":3,\"attributes\":{\"estimatedWait\":\"240\"}}");

            assertThat(tab.page.locator("#loket-widget .status-line").last()).hasText(
                    "You are in the queue for an agent. You are number 3 in line. Expected wait: about 4 min.");
            assertThat(tab.page.locator("#loket-widget .person")).isDisabled();
            tab.screenshot("15-queued-en");
            tab.assertClean();
        }
    }
}

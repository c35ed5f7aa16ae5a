package nl.loket.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import org.junit.jupiter.api.Test;

/** Nothing lost, nothing doubled: the socket dies, acks get lost, stored conversations disappear. */
class WidgetResilienceIntegrationTests extends BrowserTestSupport {

    @Test
    void aMessageWhoseAckWasLostIsResentWithTheSameIdAndShownOnce() {
        try (var tab = browser.desktop()) {
            var proxy = SocketProxy.on(tab.page);
            tab.go(url("/")).openChat().send("Eerste vraag");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();

            // the server stores the second question, but the ack and everything after it is lost
            proxy.swallowServerFrames.set(true);
            tab.send("Tweede vraag");
            eventually(() -> assertThat(customerMessages(id, "Tweede vraag")).hasSize(1));
            proxy.refuseNewSockets.set(true);
            tab.context.setOffline(true);
            proxy.dropCurrentSocket();

            assertThat(tab.page.locator("#loket-widget .connection")).hasText("Geen verbinding. We proberen het opnieuw…");
            tab.send("Derde vraag");
            assertThat(tab.page.locator("#loket-widget .pending .state").last())
                    .hasText("Nog niet verstuurd, volgt zodra er verbinding is");
            tab.screenshot("12-offline");

            proxy.swallowServerFrames.set(false);
            proxy.refuseNewSockets.set(false);
            tab.context.setOffline(false); // the browser's "online" event: the widget retries at once

            assertThat(tab.page.locator("#loket-widget .connection")).isHidden();
            assertThat(tab.page.locator("#loket-widget .pending")).hasCount(0);
            assertThat(tab.customerMessages().locator(".bubble"))
                    .hasText(new String[] {"Eerste vraag", "Tweede vraag", "Derde vraag"});
            assertThat(tab.botMessages()).hasCount(3);
            eventually(() -> {
                assertThat(customerMessages(id, "Tweede vraag")).hasSize(1);
                assertThat(customerMessages(id, "Derde vraag")).hasSize(1);
            });
            List<String> secondIds = proxy.messageIdsFor("Tweede vraag");
            assertThat(secondIds).hasSizeGreaterThanOrEqualTo(2).containsOnly(secondIds.getFirst());
            assertThat(proxy.hellos().getLast().path("lastSeq").asLong()).isPositive();
            tab.screenshot("13-back-online");
            tab.assertClean();
        }
    }

    @Test
    void aStoredConversationTheServerDoesNotKnowIsReplacedAndUnsentMessagesMoveAlong() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.page.evaluate("key => localStorage.setItem(key, JSON.stringify({conversationId: 'c-unknown',"
                    + " token: 'nope', lastSeq: 7, savedAt: Date.now(),"
                    + " outbox: [{clientMsgId: 'm-offline-1', text: 'Bericht van gisteren'}]}))",
                    "loket:http://localhost:" + port);
            tab.page.reload();
            tab.openChat();

            assertThat(tab.page.locator("#loket-widget .status-line").first())
                    .hasText("Je vorige chat is verlopen. We zijn een nieuwe chat begonnen.");
            assertThat(tab.customerMessages().locator(".bubble")).hasText("Bericht van gisteren");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();
            assertThat(id).isNotEqualTo("c-unknown");
            eventually(() -> assertThat(customerMessages(id, "Bericht van gisteren")).hasSize(1));
            tab.assertClean();
        }
    }

    @Test
    void aStoredConversationWithTheWrongTokenIsNotReadButReplaced() {
        String someoneElses = conversations.start("nl", null, null).conversation().id();
        conversations.appendCustomerMessage(someoneElses, "m-private", "Mijn IBAN is NL00BANK0123456789");
        try (var tab = browser.desktop().go(url("/"))) {
            tab.page.evaluate("([key, id]) => localStorage.setItem(key, JSON.stringify({conversationId: id,"
                    + " token: 'guessed', lastSeq: 0, savedAt: Date.now()}))",
                    List.of("loket:http://localhost:" + port, someoneElses));
            tab.page.reload();
            tab.openChat().send("Hallo");

            assertThat(tab.botMessages()).hasCount(1);
            assertThat(tab.page.locator("#loket-widget .log")).not().containsText("IBAN");
            assertThat(tab.conversationId()).isNotEqualTo(someoneElses);
            assertThat(conversations.eventsAfter(someoneElses, 0)).extracting(ConversationEvent::author)
                    .containsExactly(Author.CUSTOMER);
            tab.assertClean();
        }
    }
}

package nl.loket.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.WebSocketRoute;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Nothing lost, nothing doubled: the socket dies, acks get lost, stored conversations disappear. */
class WidgetResilienceIntegrationTests extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMessageWhoseAckWasLostIsResentWithTheSameIdAndShownOnce() {
        try (var tab = browser.desktop()) {
            var proxy = new SocketProxy();
            tab.page.routeWebSocket(Pattern.compile(".*/ws/chat$"), proxy::accept);
            tab.go(url("/")).openChat().send("Eerste vraag");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();

            // the server stores the second question, but the ack and everything after it is lost
            proxy.swallowServerFrames.set(true);
            tab.send("Tweede vraag");
            eventually(() -> assertThat(customerMessages(id, "Tweede vraag")).hasSize(1));
            proxy.refuseNewSockets.set(true);
            proxy.dropCurrentSocket();

            assertThat(tab.page.locator("#loket-widget .connection")).hasText("Geen verbinding. We proberen het opnieuw…");
            tab.send("Derde vraag");
            assertThat(tab.page.locator("#loket-widget .pending .state").last())
                    .hasText("Nog niet verstuurd, volgt zodra er verbinding is");
            tab.screenshot("12-offline");

            proxy.swallowServerFrames.set(false);
            proxy.refuseNewSockets.set(false);

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

    /** Sits between the widget and the server: can drop the socket, refuse new ones, and swallow frames. */
    static final class SocketProxy {

        final AtomicBoolean refuseNewSockets = new AtomicBoolean();
        final AtomicBoolean swallowServerFrames = new AtomicBoolean();
        final List<String> fromWidget = new CopyOnWriteArrayList<>();
        private final List<WebSocketRoute> pageSides = new CopyOnWriteArrayList<>();

        void accept(WebSocketRoute page) {
            if (refuseNewSockets.get()) {
                page.close();
                return;
            }
            WebSocketRoute server = page.connectToServer();
            pageSides.add(page);
            page.onMessage(frame -> {
                fromWidget.add(frame.text());
                server.send(frame.text());
            });
            server.onMessage(frame -> {
                if (!swallowServerFrames.get()) {
                    page.send(frame.text());
                }
            });
        }

        void dropCurrentSocket() {
            pageSides.getLast().close();
        }

        List<JsonNode> frames(String type) {
            return fromWidget.stream().map(JSON::readTree).filter(f -> type.equals(f.path("type").asString()))
                    .toList();
        }

        List<JsonNode> hellos() {
            return frames("hello");
        }

        List<String> messageIdsFor(String text) {
            return frames("message").stream().filter(f -> text.equals(f.path("text").asString()))
                    .map(f -> f.path("clientMsgId").asString()).toList();
        }
    }
}

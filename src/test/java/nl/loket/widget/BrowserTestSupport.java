package nl.loket.widget;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.loket.TestClock;
import nl.loket.TestRedis;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Holder;
import nl.loket.conversation.Transition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A running Loket on a random port with real Redis, and one Chromium shared by a test class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTestSupport {

    static WidgetBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    MessageSource texts;

    /** The server's clock, which is also the page's: a test that cares about the time sets it. */
    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @BeforeAll
    static void startBrowser() {
        browser = new WidgetBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @AfterEach
    void clockBackToTheRunsMoment() {
        clock.reset();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** What the bot itself says, as the server will say it: the tests follow the message files. */
    String text(String key, String lang) {
        return texts.getMessage(key, null, Locale.forLanguageTag(lang));
    }

    /** A bot text with arguments ({0}, {1}) filled in by the server: any text in their place. */
    java.util.regex.Pattern textWithArguments(String key, String lang) {
        String[] parts = text(key, lang).split("\\{\\d+}", -1);
        // escaped by hand, not with Pattern.quote: Playwright hands the pattern to JavaScript, which has no quoting with Q and E
        return java.util.regex.Pattern.compile(java.util.Arrays.stream(parts).map(p -> p.replaceAll("\\W", "\\\\$0"))
                .collect(java.util.stream.Collectors.joining(".+")));
    }

    List<ConversationEvent> customerMessages(String conversationId, String text) {
        return conversations.eventsAfter(conversationId, 0).stream()
                .filter(e -> e.author() == Author.CUSTOMER && text.equals(e.text()))
                .toList();
    }

    long lastCustomerSeq(String conversationId) {
        return conversations.eventsAfter(conversationId, 0).stream().filter(e -> e.author() == Author.CUSTOMER)
                .reduce((a, b) -> b).orElseThrow().seq();
    }

    /** What the handover and console modules will do: queue the conversation, then an agent takes it. */
    void queueAndHandToAgent(String conversationId, int queuePosition, String agentName) {
        conversations.changeStatus(conversationId, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                new ConversationEvent.StatusChange(0, null, ConversationStatus.QUEUED, null, null, queuePosition, null, Map.of()));
        conversations.changeStatus(conversationId, Transition.of(ConversationStatus.QUEUED, new Holder.Agent(agentName, "algemeen")),
                new ConversationEvent.StatusChange(0, null, ConversationStatus.AGENT, null, agentName, null, null, Map.of()));
    }

    static void eventually(Runnable assertion) {
        Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                .untilAsserted(assertion::run);
    }
}

package nl.loket.widget;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import nl.loket.TestClock;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.handover.Handover;
import nl.loket.llm.LlmTier;
import nl.loket.llm.OpenAiWire;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The widget against the whole of Loket, nothing stood in for: the real LLM tier streaming from
 * WireMock in OpenAI's wire format, and a real agent who signs in to the console in a second
 * browser context. One Spring context for both. The FAQ is the fixed test FAQ, so content edits
 * cannot move a question to another tier; the clock stands on a Monday morning (while it keeps
 * running), so opening hours never fail the test at night.
 */
class WidgetEndToEndIntegrationTests extends BrowserTestSupport {

    static final String CHAT = "/v1/chat/completions";
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());

    static {
        MODEL.start();
        Runtime.getRuntime().addShutdownHook(new Thread(MODEL::stop));
    }

    @DynamicPropertySource
    static void llmAndFaq(DynamicPropertyRegistry registry) {
        registry.add("loket.llm.base-url", () -> MODEL.baseUrl() + "/v1");
        registry.add("loket.llm.api-key", () -> "test-key");
        registry.add("loket.llm.model", () -> "gpt-4o-mini");
        registry.add("loket.faq.dir", () -> "src/test/resources/faq-fixture");
    }

    @Autowired
    Faq faq;
    @Autowired
    LlmTier llm;
    @Autowired
    Handover handover;

    @BeforeEach
    void freshModelAndEmptyQueues() {
        clock.set(TestClock.MONDAY_10);
        MODEL.resetAll();
        // chats other test classes left waiting (same Redis) would take the first places in the queue
        handover.waiting(handover.queueNames()).forEach(chat ->
                conversations.close(chat.conversationId(), "test_cleanup"));
    }

    @Test
    void streamsTheRealLlmTiersAnswerAsItIsWrittenThenShowsItsSource() {
        String question = "Waarom is mijn termijnbedrag hoger dan mijn buurman?";
        List<FaqEntry> sources = faq.retrieve(question, "nl", llm.topK());
        assertThat(sources).as("the test FAQ offers sources for this question").isNotEmpty();
        assertThat(faq.match(question, "nl").confident()).as("the FAQ tier must not answer it").isFalse();
        List<String> tokens = List.of("Je termijnbedrag", " hangt af", " van je eigen", " verbruik", " en je tarief,",
                " niet van", " dat van", " je buurman", " [1]", ".");
        String answer = "Je termijnbedrag hangt af van je eigen verbruik en je tarief, niet van dat van je buurman.";
        stubModel("buurman", tokens);

        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat();
            recordStreamedText(tab.page);
            tab.send(question);

            Locator streaming = tab.page.locator("#loket-widget .log > li.streaming");
            assertThat(streaming.locator(".bubble")).containsText("hangt af");
            assertThat(streaming.locator(".time")).hasText("Antwoord wordt geschreven…");
            tab.screenshot("20-llm-streaming");

            Locator reply = tab.botMessages().last();
            assertThat(reply.locator(".bubble")).hasText(answer);
            assertThat(streaming).hasCount(0);
            assertThat(reply.locator(".sources")).hasText("Bron: " + sources.getFirst().title());
            assertThat(reply.locator("button[aria-label='Nuttig antwoord']")).isVisible();
            tab.screenshot("21-llm-answer-with-source");

            assertGrewInSteps(streamedTexts(tab.page), answer);
            ConversationEvent.BotMessage stored = lastBotEvent(tab.conversationId());
            assertThat(stored.tier()).isEqualTo("llm");
            assertThat(stored.text()).isEqualTo(answer);
            // the model saw the FAQ's best entry as source 1: the widget's source is the one it cited
            MODEL.verify(1, postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing("buurman"))
                    .withRequestBody(containing("number=\\\"1\\\" title=\\\"" + sources.getFirst().title())));
            tab.assertClean();
        }
    }

    @Test
    void anUncitedAnswerIsWithdrawnFromTheScreenAndTheHonestFallbackShown() {
        String question = "Krijg ik korting als ik verhuis naar een kleiner huis?";
        assertThat(faq.retrieve(question, "nl", llm.topK())).isNotEmpty();
        stubModel("kleiner huis", List.of("Ja, je krijgt", " vijftig euro", " korting", " bij elke", " verhuizing", "."));

        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat();
            recordStreamedText(tab.page);
            tab.send(question);

            Locator streaming = tab.page.locator("#loket-widget .log > li.streaming");
            assertThat(streaming.locator(".bubble")).containsText("vijftig euro");
            tab.screenshot("22-llm-uncited-streaming");

            Locator reply = tab.botMessages().last();
            assertThat(reply.locator(".bubble")).hasText(text("router.cannot-answer", "nl"));
            assertThat(streaming).hasCount(0);
            assertThat(reply.locator(".sources")).hasCount(0);
            assertThat(reply.locator(".quick button")).hasText(text("router.ask-person.label", "nl"));
            assertThat(tab.page.locator("#loket-widget .log")).not().containsText("korting bij elke");
            tab.screenshot("23-llm-withdrawn-fallback");

            assertThat(streamedTexts(tab.page)).as("the uncited text was on screen before it was withdrawn")
                    .anyMatch(t -> t.contains("vijftig euro"));
            assertThat(lastBotEvent(tab.conversationId()).attributes()).containsEntry("llm", "blocked:uncited");
            tab.assertClean();
        }
    }

    @Test
    void askingForAPersonReachesAnAgentInTheConsoleAndBack() {
        try (var console = browser.tab(1400, 900); var tab = browser.desktop().go(url("/"))) {
            Page agent = console.page;
            agent.navigate(url("/console/"));
            agent.waitForURL("**/console/login.html");
            agent.fill("#username", "anna");
            agent.fill("#password", "demo");
            agent.click("#sign-in:enabled"); // enabled once login.js has the CSRF token
            assertThat(agent.locator("#connection")).hasClass("connection ok");
            assertThat(agent.locator("#agent")).containsText("anna");
            assertThat(agent.locator("#presence")).hasValue("online");
            assertThat(agent.locator("#availability")).containsText("algemeen: beschikbaar");

            FaqEntry entry = faq.byId("meterstand-doorgeven").orElseThrow();
            tab.openChat().send("Hoe geef ik mijn meterstand door?");
            assertThat(tab.botMessages().last().locator(".sources")).hasText("Bron: " + entry.title());
            String id = tab.conversationId();

            tab.page.locator("#loket-widget .person").click();
            // the queue's details: skip each one the bot asks for, as a customer may
            Locator skip = tab.page.locator("#loket-widget .log > li:last-child .quick button",
                    new Page.LocatorOptions().setHasText(text("handover.skip.label", "nl")));
            Locator queued = tab.page.locator("#loket-widget .status-line", new Page.LocatorOptions()
                    .setHasText("Je staat in de wachtrij"));
            for (int asked = 0; queued.count() == 0; asked++) {
                assertThat(asked).as("details the bot asked for").isLessThan(5);
                skip.or(queued).first().waitFor();
                if (queued.count() == 0) {
                    int shown = tab.items().count();
                    skip.click();
                    // our "skip" and the bot's next question (or the queue's status line)
                    eventually(() -> assertThat(tab.items().count()).isGreaterThanOrEqualTo(shown + 2));
                }
            }
            assertThat(tab.page.locator("#loket-widget .status-line").last())
                    .containsText("Je staat in de wachtrij voor een medewerker. Je bent nummer 1 in de rij.");
            assertThat(tab.page.locator("#loket-widget .subtitle")).hasText("In de wachtrij");
            assertThat(tab.page.locator("#loket-widget .person")).isDisabled();
            tab.screenshot("24-queued-for-an-agent");

            Locator waiting = agent.locator(".waiting-chat[data-conversation-id='" + id + "']");
            assertThat(waiting).containsText("Hoe geef ik mijn meterstand door?");
            assertThat(waiting).containsText("#1 · algemeen");
            console.screenshot("30-console-inbox");
            waiting.locator("button.accept").click();

            Locator pane = agent.locator(".pane[data-conversation-id='" + id + "']");
            assertThat(pane.locator(".pane-status")).containsText("bij medewerker Anna");
            assertThat(pane.locator(".packet-fields")).containsText("Hoe geef ik mijn meterstand door?");
            assertThat(pane.locator(".attempts")).containsText(entry.title());
            assertThat(tab.page.locator("#loket-widget .status-line").last()).hasText("Anna neemt je chat over.");
            assertThat(tab.page.locator("#loket-widget .subtitle")).hasText("Je chat met Anna");

            pane.locator(".text").pressSequentially("Hoi! Ik kijk even mee", new Locator.PressSequentiallyOptions()
                    .setDelay(20));
            assertThat(tab.page.locator("#loket-widget .typing")).hasText("Anna is aan het typen…");
            tab.screenshot("25-agent-typing");
            pane.locator(".text").press("Enter");

            Locator fromAgent = tab.page.locator("#loket-widget .log > li.from-agent").last();
            assertThat(fromAgent.locator(".name")).hasText("Anna"); // the display name, not the login
            assertThat(fromAgent.locator(".bubble")).hasText("Hoi! Ik kijk even mee");
            assertThat(tab.page.locator("#loket-widget .typing")).isHidden();

            tab.input().pressSequentially("Top, mijn meter staat op 12345");
            assertThat(pane.locator(".typing")).hasText("klant typt…");
            tab.input().press("Enter");
            assertThat(pane.locator(".history li.customer").last()).containsText("Top, mijn meter staat op 12345");
            tab.screenshot("26-chatting-with-agent");
            console.screenshot("31-console-chat");

            pane.locator(".handback").click();
            assertThat(tab.page.locator("#loket-widget .status-line").last()).hasText("Je chat weer met de assistent.");
            assertThat(tab.page.locator("#loket-widget .subtitle")).hasText("Digitale assistent");
            assertThat(tab.page.locator("#loket-widget .person")).isEnabled();
            assertThat(pane.locator(".pane-status")).hasText("bij de assistent");
            eventually(() -> assertThat(status(id)).isEqualTo(ConversationStatus.BOT));
            tab.screenshot("27-back-to-the-assistant");
            console.screenshot("32-console-handed-back");
            tab.page.setViewportSize(375, 740);
            tab.screenshot("28-mobile-back-to-the-assistant");
            agent.setViewportSize(375, 740);
            console.screenshot("33-console-mobile");
            tab.assertClean();
            console.assertClean();
        }
    }

    private void stubModel(String questionWord, List<String> tokens) {
        // dribbled over 3 s in 12 pieces, so the browser sees the answer grow (and the idle timeout of 5 s holds)
        MODEL.stubFor(post(urlEqualTo(CHAT)).withRequestBody(containing(questionWord))
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(tokens)).withChunkedDribbleDelay(12, 3000)));
    }

    /** Every distinct text the streaming bubble shows, in order, recorded in the page itself. */
    private static void recordStreamedText(Page page) {
        page.evaluate("""
                () => {
                  window.__streamed = [];
                  const root = document.querySelector('#loket-widget').shadowRoot;
                  new MutationObserver(() => {
                    const bubble = root.querySelector('.log > li.streaming .bubble');
                    const text = bubble ? bubble.textContent.trim() : '';
                    if (text && window.__streamed[window.__streamed.length - 1] !== text) window.__streamed.push(text);
                  }).observe(root, {subtree: true, childList: true, characterData: true});
                }""");
    }

    @SuppressWarnings("unchecked")
    private static List<String> streamedTexts(Page page) {
        return (List<String>) page.evaluate("() => window.__streamed");
    }

    private static void assertGrewInSteps(List<String> shown, String answer) {
        assertThat(shown).as("the streamed text, step by step").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < shown.size(); i++) {
            assertThat(shown.get(i)).as("each step extends the one before").startsWith(shown.get(i - 1));
        }
        assertThat(answer).as("what was streamed is the start of the answer").startsWith(shown.getLast());
    }

    private ConversationEvent.BotMessage lastBotEvent(String conversationId) {
        return conversations.eventsAfter(conversationId, 0).stream()
                .filter(ConversationEvent.BotMessage.class::isInstance).map(ConversationEvent.BotMessage.class::cast)
                .reduce((a, b) -> b).orElseThrow();
    }

    private ConversationStatus status(String conversationId) {
        return conversations.find(conversationId).orElseThrow().status();
    }
}

package nl.loket.widget;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import nl.loket.TestClock;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Source;
import nl.loket.conversation.QuickReply;
import nl.loket.conversation.Holder;
import nl.loket.conversation.Transition;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer's view of Loket in a real browser, on the demo page under its strict CSP. Expected
 * answers come from the FAQ content and the message files, so editing either does not break these.
 */
class WidgetIntegrationTests extends BrowserTestSupport {

    @Autowired
    Faq faq;

    @Autowired
    nl.loket.insight.Satisfaction satisfaction;

    @Test
    void answersFromTheFaqInDutchWithDisclosureSourceAndChoices() {
        FaqEntry entry = faq.byId("meterstand-doorgeven").orElseThrow();
        clock.set(TestClock.MONDAY_10); // inside the January rates notice's window: the page shows it
        try (var tab = browser.desktop().go(url("/"))) {
            tab.screenshot("01-demo-page-closed");
            tab.openChat();
            assertThat(tab.disclosure()).hasText(text("disclosure", "nl"));
            assertThat(tab.input()).isFocused();
            String[] notices = faq.activeNotices("nl").stream().map(FaqEntry::title).toArray(String[]::new);
            assertThat(notices).isNotEmpty();
            assertThat(tab.page.locator("#loket-widget .notice-card h3")).hasText(notices);

            tab.send("Hoe geef ik mijn meterstand door?");

            assertThat(tab.customerMessages().last().locator(".name")).hasText("Jij");
            assertThat(tab.customerMessages().last().locator(".bubble")).hasText("Hoe geef ik mijn meterstand door?");
            Locator answer = tab.botMessages().first();
            assertThat(answer.locator(".name")).hasText("Assistent");
            assertThat(answer.locator(".bubble")).containsText("Je geeft je meterstand door");
            assertThat(answer.locator(".bubble a")).hasAttribute("href", "https://www.polderenergie.nl/mijn-polder");
            assertThat(answer.locator(".bubble a")).hasAttribute("rel", "noopener noreferrer");
            assertThat(answer.locator(".bubble li")).hasCount(2);
            assertThat(answer.locator(".sources")).hasText("Bron: " + entry.title());
            // the action the entry links to first ("do it here", actions/meterstand-doorgeven.yml), then the entry's own
            assertThat(answer.locator(".quick button")).hasText(java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("Meterstand doorgeven"), entry.quickReplies().stream()
                            .map(QuickReply::label)).toArray(String[]::new));
            assertThat(answer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Nuttig antwoord")
                    .setExact(true))).isVisible();
            tab.screenshot("02-faq-answer-nl");

            QuickReply choice = entry.quickReplies().getFirst();
            answer.locator(".quick button").nth(1).click();
            assertThat(tab.customerMessages().last().locator(".bubble")).hasText(choice.value());
            assertThat(tab.botMessages()).hasCount(2);
            assertThat(answer.locator(".quick")).hasCount(0);
            tab.assertClean();
        }
    }

    @Test
    void saysHonestlyWhenItHasNoAnswer() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat().send("Xyzzy plugh qwerty?");

            Locator answer = tab.botMessages().last();
            assertThat(answer.locator(".bubble")).hasText(text("router.cannot-answer", "nl"));
            assertThat(answer.locator(".sources")).hasCount(0);
            assertThat(answer.locator(".feedback")).hasCount(0);
            assertThat(answer.locator(".quick button")).hasText(text("router.ask-person.label", "nl"));
            tab.assertClean();
        }
    }

    @Test
    void speaksEnglishOnTheEnglishPage() {
        FaqEntry entry = faq.byId("meter-reading").orElseThrow();
        try (var tab = browser.desktop().go(url("/?lang=en"))) {
            assertThat(tab.page.locator("h1")).containsText("Green power");
            tab.openChat();
            assertThat(tab.disclosure()).hasText(text("disclosure", "en"));
            assertThat(tab.input()).hasAttribute("aria-label", "Your message");

            tab.send("How do I submit my meter reading?");

            assertThat(tab.customerMessages().last().locator(".name")).hasText("You");
            assertThat(tab.botMessages().last().locator(".name")).hasText("Assistant");
            assertThat(tab.botMessages().last().locator(".sources")).hasText("Source: " + entry.title());
            assertThat(tab.page.locator("#loket-widget .person")).hasText("Talk to a person");
            tab.screenshot("03-faq-answer-en");
            tab.assertClean();
        }
    }

    @Test
    void talkToAPersonOffersTheOptionsWhenNobodyIsAvailable() {
        clock.set(TestClock.MONDAY_10); // the queues are open, and no agent is signed in
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat();
            tab.page.locator("#loket-widget .person").click();

            Locator notice = tab.page.locator("#loket-widget .log > li.notice").last();
            assertThat(notice.locator(".bubble")).hasText(textWithArguments("handover.nobody-available", "nl"));
            assertThat(notice.locator(".quick button")).hasText(new String[] {
                text("handover.leave-message.label", "nl"), text("handover.carry-on.label", "nl")});
            Locator carryOn = notice.locator(".quick button", new Locator.LocatorOptions()
                    .setHasText(text("handover.carry-on.label", "nl")));
            tab.screenshot("04-nobody-available");

            carryOn.click();

            assertThat(tab.customerMessages().last().locator(".bubble")).hasText(text("handover.carry-on.value", "nl"));
            assertThat(notice.locator(".quick")).hasCount(0);
            String id = tab.conversationId();
            eventually(() -> assertThat(customerMessages(id, text("handover.carry-on.value", "nl"))).hasSize(1));
            tab.assertClean();
        }
    }

    @Test
    void thumbsUpIsStoredOnTheAnswer() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat().send("Wat kost stroom?");
            Locator answer = tab.botMessages().last();
            answer.locator("button[aria-label='Nuttig antwoord']").click();

            assertThat(answer.locator("button[aria-label='Nuttig antwoord']")).hasAttribute("aria-pressed", "true");
            assertThat(answer.locator(".thanks")).isVisible();
            String id = tab.conversationId();
            eventually(() -> assertThat(conversations.eventsAfter(id, 0)).filteredOn(ConversationEvent.BotMessage.class::isInstance)
                    .extracting(e -> ((ConversationEvent.BotMessage) e).helpful()).containsExactly(true));
            tab.assertClean();
        }
    }

    @Test
    void reloadContinuesTheConversationWithItsHistory() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat().send("Eerste vraag");
            assertThat(tab.botMessages()).hasCount(1);
            tab.send("Tweede vraag");
            assertThat(tab.botMessages()).hasCount(2);
            String id = tab.conversationId();

            tab.page.reload();
            tab.openChat();

            assertThat(tab.customerMessages().locator(".bubble")).hasText(new String[] {"Eerste vraag", "Tweede vraag"});
            assertThat(tab.botMessages()).hasCount(2);
            assertThat(tab.disclosure()).hasCount(1);
            assertThat(tab.conversationId()).isEqualTo(id);
            tab.screenshot("05-after-reload");
            tab.assertClean();
        }
    }

    /** News is told from history by the seq the welcome names, not by how soon after the welcome it comes. */
    @Test
    void announcesAnAnswerRightAfterTheStartButNotTheHistoryAfterAReload() {
        try (var tab = browser.desktop().go(url("/"))) {
            Locator announced = tab.page.locator("#loket-widget .sr-only p");
            tab.openChat().send("Hoe geef ik mijn meterstand door?"); // answered within milliseconds of the welcome

            assertThat(announced.last()).containsText("Assistent: ");

            tab.page.reload();
            tab.openChat();
            assertThat(tab.botMessages()).hasCount(1);
            tab.send("Tweede vraag");
            assertThat(tab.botMessages()).hasCount(2);
            assertThat(announced).hasCount(1); // the new answer only: the replayed one is not read out again
            assertThat(announced.first()).not().containsText("meterstand");
        }
    }

    @Test
    void endingTheChatAndDownloadingTheTranscript() throws Exception {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat().send("Kan ik mijn termijnbedrag aanpassen?");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();

            tab.page.locator("#loket-widget button.end").click();
            tab.page.getByText("Ja, beëindigen").click();

            assertThat(tab.page.locator("#loket-widget .status-line").last()).hasText("De chat is beëindigd.");
            assertThat(tab.page.locator("#loket-widget .new-chat")).isVisible();
            assertThat(tab.input()).isHidden();
            eventually(() -> assertThat(conversations.find(id).orElseThrow().status())
                    .isEqualTo(ConversationStatus.CLOSED));
            tab.screenshot("06-closed");

            Download download = tab.page.waitForDownload(() -> tab.page.locator("#loket-widget button.download").click());
            String transcript = Files.readString(download.path());
            assertThat(transcript).contains("Gespreksnummer (noem dit bij een vraag over je gegevens): " + id)
                    .contains("Jij: Kan ik mijn termijnbedrag aanpassen?")
                    .contains("Assistent: " + lastBotText(id))
                    .contains("De chat is beëindigd.");
            Files.createDirectories(WidgetBrowser.SCREENSHOTS);
            Files.writeString(WidgetBrowser.SCREENSHOTS.resolve("transcript.txt"), transcript);

            tab.page.locator("#loket-widget .new-chat").click();
            assertThat(tab.customerMessages()).hasCount(0);
            tab.send("Nieuwe vraag");
            assertThat(tab.botMessages()).hasCount(1);
            assertThat(tab.conversationId()).isNotEqualTo(id);
            tab.assertClean();
        }
    }

    @Test
    void whenTheChatEndsItAsksOneSatisfactionQuestionAndStoresTheAnswer() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat().send("Kan ik mijn termijnbedrag aanpassen?");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();
            tab.page.locator("#loket-widget button.end").click();
            tab.page.getByText("Ja, beëindigen").click();

            Locator form = tab.page.locator("#loket-widget form.csat");
            assertThat(form.locator("legend")).hasText("Hoe tevreden ben je over dit gesprek?");
            assertThat(form.locator("input[type=radio]")).hasCount(5);
            tab.assertNoAxeViolations();
            form.locator("button[type=submit]").click();
            assertThat(form.locator(".csat-problem")).isVisible(); // no score chosen: said, nothing sent
            assertThat(form.locator("#loket-csat-1")).isFocused();
            form.locator("label[for=loket-csat-4]").click();
            form.locator("textarea").fill("Snel geholpen");
            form.locator("button[type=submit]").click();

            assertThat(tab.page.locator("#loket-widget .csat-thanks")).hasText("Bedankt voor je beoordeling!");
            eventually(() -> assertThat(satisfaction.of(id)).hasValue(
                    new nl.loket.insight.Satisfaction.Score(4, "Snel geholpen", "bot")));
            tab.assertClean();
        }
    }

    @Test
    void worksWithTheKeyboardOnly() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.page.locator("body").focus();
            for (int i = 0; i < 30 && !isFocused(tab.launcher()); i++) {
                tab.page.keyboard().press("Tab");
            }
            assertThat(tab.launcher()).isFocused();
            tab.page.keyboard().press("Enter");
            assertThat(tab.panel()).isVisible();
            assertThat(tab.input()).isFocused();

            tab.page.keyboard().type("Xyzzy met het toetsenbord");
            tab.page.keyboard().press("Enter");
            assertThat(tab.botMessages()).hasCount(1);

            // Shift+Tab from the message field reaches the quick reply of the answer; Enter chooses it
            tab.input().focus();
            Locator quick = tab.botMessages().last().locator(".quick button");
            for (int i = 0; i < 10 && !isFocused(quick); i++) {
                tab.page.keyboard().press("Shift+Tab");
            }
            assertThat(quick).isFocused();
            tab.page.keyboard().press("Enter");
            assertThat(tab.customerMessages().last().locator(".bubble")).hasText(text("router.ask-person.value", "nl"));

            tab.page.keyboard().press("Escape");
            assertThat(tab.panel()).isHidden();
            assertThat(tab.launcher()).isFocused();
            assertThat(tab.launcher()).hasAttribute("aria-expanded", "false");
            tab.assertClean();
        }
    }

    @Test
    void hasNoAccessibilityViolationsClosedOpenAndOnAPhone() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.assertNoAxeViolations();
            tab.openChat().send("Hoe zit het met **mijn** rekening?");
            assertThat(tab.botMessages()).hasCount(1);
            tab.assertNoAxeViolations();
            tab.assertClean();
        }
        try (var tab = browser.tab(375, 740).go(url("/"))) {
            tab.screenshot("07-mobile-closed");
            tab.openChat().send("Kan ik mijn meterstand doorgeven?");
            assertThat(tab.botMessages()).hasCount(1);
            tab.screenshot("08-mobile-open");
            assertThat(tab.panel().evaluate("p => getComputedStyle(p).animationName")).as("prefers-reduced-motion")
                    .isEqualTo("none");
            tab.assertNoAxeViolations();
            tab.assertClean();
        }
    }

    @Test
    void showsQueueAgentJoiningTypingAndTheAgentsMessages() {
        try (var tab = browser.desktop().go(url("/"))) {
            // a question nobody answers: asking for a person here would start the real handover
            tab.openChat().send("Xyzzy over mijn termijnbedrag");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();

            conversations.changeStatus(id, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                    new ConversationEvent.StatusChange(0, null, ConversationStatus.QUEUED, null, null, 2, null, Map.of()));
            assertThat(tab.page.locator("#loket-widget .status-line").last())
                    .hasText("Je staat in de wachtrij voor een medewerker. Je bent nummer 2 in de rij.");
            assertThat(tab.page.locator("#loket-widget .subtitle")).hasText("In de wachtrij");

            conversations.changeStatus(id, Transition.of(ConversationStatus.QUEUED, new Holder.Agent("sanne", "algemeen")),
                    new ConversationEvent.StatusChange(0, null, ConversationStatus.AGENT, null, "Sanne", null, null, Map.of()));
            assertThat(tab.page.locator("#loket-widget .status-line").last()).hasText("Sanne neemt je chat over.");
            conversations.signalTyping(id, Author.AGENT);
            assertThat(tab.page.locator("#loket-widget .typing")).hasText("Sanne is aan het typen…");

            conversations.appendFromAgent(id, new ConversationEvent.AgentMessage("Sanne",
                    "Hoi! Ik zie je vraag. Zal ik je **termijnbedrag** aanpassen?", null));
            Locator agentMessage = tab.page.locator("#loket-widget .log > li.from-agent").last();
            assertThat(agentMessage.locator(".name")).hasText("Sanne");
            assertThat(agentMessage.locator(".bubble strong")).hasText("termijnbedrag");
            assertThat(tab.page.locator("#loket-widget .typing")).isHidden();
            assertThat(tab.page.locator("#loket-widget .person")).isDisabled();

            tab.send("Ja graag");
            eventually(() -> assertThat(customerMessages(id, "Ja graag")).hasSize(1));
            tab.screenshot("09-agent-chat");
            tab.assertNoAxeViolations();
            tab.assertClean();
        }
    }

    @Test
    void streamsAnAnswerAndReplacesItWithTheFinalOneWithItsSources() {
        try (var tab = browser.desktop().go(url("/"))) {
            tab.openChat().send("Waarom is mijn rekening hoger?");
            assertThat(tab.botMessages()).hasCount(1);
            String id = tab.conversationId();
            long question = lastCustomerSeq(id);

            Locator streaming = tab.page.locator("#loket-widget .log > li.streaming");
            // one piece at a time: the fan-out does not keep two deltas in order yet (reported to the lead)
            conversations.streamDelta(id, question, "Je termijnbedrag ");
            assertThat(streaming.locator(".bubble")).hasText("Je termijnbedrag");
            conversations.streamDelta(id, question, "is **verhoogd**");
            assertThat(streaming.locator(".bubble")).hasText("Je termijnbedrag is verhoogd");
            assertThat(streaming.locator(".bubble strong")).hasText("verhoogd");
            tab.screenshot("10-streaming");

            conversations.appendFromBot(id, new ConversationEvent.BotMessage(
                    "Je termijnbedrag is **verhoogd** omdat je verbruik steeg.", "llm",
                    List.of(new Source("termijnbedrag", "Termijnbedrag aanpassen")), List.of(), Map.of()));

            assertThat(streaming).hasCount(0);
            assertThat(tab.botMessages()).hasCount(2);
            Locator answer = tab.botMessages().last();
            assertThat(answer.locator(".bubble")).hasText("Je termijnbedrag is verhoogd omdat je verbruik steeg.");
            assertThat(answer.locator(".sources")).hasText("Bron: Termijnbedrag aanpassen");
            tab.screenshot("11-answer-with-source");
            tab.assertClean();
        }
    }

    @Test
    void passesTheHostSitesCustomerIdentityInHello() {
        try (var tab = browser.desktop().go(url("/"))) {
            // the demo site signs in its own demo customer once the page loaded: after that, the host's identity wins
            tab.page.waitForSelector("html[data-demo-customer]");
            tab.page.evaluate("() => LoketWidget.identify({id: 'klant-42', name: 'Jan Jansen',"
                    + " email: 'jan@example.nl', issuedAt: '1700000000', signature: 'ab12'})");
            tab.openChat().send("Waar blijft mijn jaarafrekening?");
            assertThat(tab.botMessages()).hasCount(1);

            String customer = conversations.find(tab.conversationId()).orElseThrow().customer();
            assertThat(customer).contains("\"id\":\"klant-42\"", "\"name\":\"Jan Jansen\"",
                    "\"email\":\"jan@example.nl\"", "\"verified\":false");
            tab.assertClean();
        }
    }

    private String lastBotText(String conversationId) {
        return conversations.eventsAfter(conversationId, 0).stream().filter(e -> e.author() == Author.BOT)
                .reduce((a, b) -> b).orElseThrow().text();
    }

    private static boolean isFocused(Locator locator) {
        return (Boolean) locator.evaluate("e => e.matches(':focus')");
    }
}

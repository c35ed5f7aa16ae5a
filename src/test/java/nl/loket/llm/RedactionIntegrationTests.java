package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.llm.LlmTestContext.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.loket.handover.HandoverPacket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Loket knows about the customer (the host site's description, the details collected for a
 * handover) never reaches the model, also where no pattern would find it: a first name on its
 * own, a street without a number's usual cue.
 */
class RedactionIntegrationTests extends LlmIntegrationTest {

    private static final String JOKE = "{\"id\":\"C-991\",\"name\":\"Joke Smit\",\"email\":\"joke@example.nl\","
            + "\"verified\":true}";

    @Autowired
    LlmSummarizer summarizer;

    private String conversationOfJoke(String... messages) {
        String joke = conversations.start("nl", null, JOKE).conversation().id();
        for (int i = 0; i < messages.length; i++) {
            conversations.appendCustomerMessage(joke, "j" + i, messages[i] + " " + tag());
        }
        return joke;
    }

    @Test
    void theCustomersOwnNameFromTheSiteIsRedactedInTheQuestionAndTheHistory() {
        stub(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER"))));
        String joke = conversationOfJoke("Joke hier, goedemorgen");

        llm.answer(new LlmRequest(joke, 2, "Kan Smit ook in de app? " + tag(), "nl",
                conversations.eventsAfter(joke, 0), SOURCES));

        String body = MODEL.findAll(requestsOfThisTest()).getFirst().getBodyAsString();
        assertThat(body).doesNotContain("Joke", "Smit", "C-991").contains("[name] hier");
    }

    @Test
    void theSummaryPromptHasNeitherTheNameNorTheCollectedAddress() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).withRequestBody(containing("Summarise"))
                .willReturn(OpenAiWire.completion("De klant wil verhuizen.")));
        String joke = conversationOfJoke("Joke hier, ik verhuis", "Het nieuwe huis is Hoge Veld 7, vanaf maart");
        var packet = new HandoverPacket(HandoverPacket.VERSION, joke,
                new HandoverPacket.Customer("C-991", "Joke Smit", "joke@example.nl", true, "nl", null), "verhuizen",
                List.of("Joke hier, ik verhuis " + tag(), "Het nieuwe huis is Hoge Veld 7, vanaf maart " + tag()),
                List.of(), "asked_for_person", null, "default", null, null, 0, Map.of("address", "Hoge Veld 7"), Map.of(), null, null);

        summarizer.summarize(packet);

        String body = MODEL.findAll(postRequestedFor(urlEqualTo(CHAT)).withRequestBody(containing("Summarise"))
                .withRequestBody(containing(tag()))).getFirst().getBodyAsString();
        assertThat(body).doesNotContain("Joke", "Hoge Veld").contains("[name] hier", "[address]");
    }

    @Test
    void aDraftForTheAgentHasNeitherTheNameNorTheDetailsItWasGiven() {
        MODEL.stubFor(post(urlEqualTo(CHAT)).willReturn(OpenAiWire.completion("NO_ANSWER")));
        String joke = conversationOfJoke("Stuur de meter naar Hoge Veld 7, groet Joke");

        llm.draft(new LlmRequest(joke, 2, "Wanneer komt de meter? " + tag(), "nl", conversations.eventsAfter(joke, 0),
                SOURCES, Map.of("address", "Hoge Veld 7", "customerNumber", "48213")));

        String body = MODEL.findAll(requestsOfThisTest()).getFirst().getBodyAsString();
        assertThat(body).doesNotContain("Joke", "Hoge Veld").contains("[address], groet [name]");
    }
}

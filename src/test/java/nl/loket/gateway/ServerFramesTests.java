package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.QuickReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServerFramesTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ServerFrames frames = new ServerFrames(json);

    @Test
    void aCustomerSeesTheirPlaceAndWaitInSecondsButNoModuleDetails() {
        var queued = new ConversationEvent.StatusChange(4, null, ConversationStatus.QUEUED, "Je bent nummer 2",
                null, 2, List.of(new QuickReply("Verder", "verder")),
                Map.of("reason", "asked_for_person", "queue", "algemeen", "estimatedWaitMinutes", "3"));

        JsonNode frame = json.readTree(frames.event(queued).getPayload());

        assertThat(frame.path("type").asString()).isEqualTo("event");
        assertThat(frame.path("kind").asString()).isEqualTo("status");
        assertThat(frame.path("author").asString()).isEqualTo("system");
        assertThat(frame.path("status").asString()).isEqualTo("queued");
        assertThat(frame.path("queuePosition").asInt()).isEqualTo(2);
        assertThat(frame.path("estimatedWait").asLong()).isEqualTo(180);
        assertThat(frame.path("quickReplies").path(0).path("value").asString()).isEqualTo("verder");
        assertThat(frame.has("attributes")).isFalse();
    }

    @Test
    void aCustomerDoesNotSeeTheIdTheirMessageWasDedupedOn() {
        JsonNode frame = json.readTree(frames.event(new ConversationEvent.CustomerMessage(1, null, "hoi", "c-1"))
                .getPayload());

        assertThat(frame.has("clientMsgId")).isFalse();
        assertThat(frame.path("author").asString()).isEqualTo("customer");
        assertThat(frame.path("text").asString()).isEqualTo("hoi");
        assertThat(frame.has("agentName")).isFalse();
    }
}

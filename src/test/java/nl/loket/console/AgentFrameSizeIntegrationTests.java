package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agent channel takes the 4,000-character texts docs/console-protocol.md promises, over a real socket. */
class AgentFrameSizeIntegrationTests extends LoketIntegrationTest {

    @Test
    void storesANoteOfFourThousandCharactersAndAnswersALongerOneWithBadFrame() {
        // quotes and line breaks are escaped in JSON, so the frame is longer than the text
        String note = "De klant belde over \"factuur 2026-11\"\nen wil terugbellen. ".repeat(80).substring(0, 3999) + ".";
        try (ChatClient customer = connect()) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            try (var supervisor = new Frames("ws://localhost:" + port + "/ws/agent",
                    Clients.sessionCookie("http://localhost:" + port, "sanne", "demo"))) {
                supervisor.await("welcome");

                supervisor.send("type", "note", "conversationId", id, "text", note, "clientMsgId", "long");
                assertThat(ack(supervisor, "long").path("seq").asLong()).isPositive();

                supervisor.send("type", "note", "conversationId", id, "text", note + "!", "clientMsgId", "too-long");
                JsonNode error = supervisor.await("error bad_frame", f -> "error".equals(f.path("type").asString()));
                assertThat(error.path("code").asString()).isEqualTo("bad_frame");
                assertThat(error.path("message").asString()).contains("4000");

                // the socket is still there: nothing the agent writes next is lost
                supervisor.send("type", "note", "conversationId", id, "text", "kort", "clientMsgId", "short");
                assertThat(ack(supervisor, "short").path("seq").asLong()).isPositive();
            }
        }
    }

    private static JsonNode ack(Frames agent, String clientMsgId) {
        return agent.await("ack " + clientMsgId, f -> "ack".equals(f.path("type").asString())
                && clientMsgId.equals(f.path("clientMsgId").asString()));
    }
}

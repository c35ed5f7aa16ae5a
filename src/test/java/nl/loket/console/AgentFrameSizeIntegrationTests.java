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
    void readsANoteOfFourThousandCharactersAndAnswersALongerOneWithBadFrame() {
        // quotes and line breaks are escaped in JSON, so the frame is longer than the text
        String note = "De klant belde over \"factuur 2026-11\"\nen wil terugbellen. ".repeat(80).substring(0, 3999) + ".";
        try (ChatClient customer = connect()) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            try (var supervisor = new Frames("ws://localhost:" + port + "/ws/agent",
                    Clients.sessionCookie("http://localhost:" + port, "sanne", "demo"))) {
                supervisor.await("welcome");

                // the chat is the bot's, so the note is refused as not_yours: proof that the whole frame was read
                // and its text passed the size check (before, the socket closed with 1009 and nothing came back)
                supervisor.send("type", "note", "conversationId", id, "text", note, "clientMsgId", "long");
                assertThat(error(supervisor).path("code").asString()).isEqualTo("not_yours");

                supervisor.send("type", "note", "conversationId", id, "text", note + "!", "clientMsgId", "too-long");
                JsonNode error = error(supervisor);
                assertThat(error.path("code").asString()).isEqualTo("bad_frame");
                assertThat(error.path("message").asString()).contains("4000");

                // the socket is still there: the next frame is answered too
                supervisor.send("type", "note", "conversationId", id, "text", "kort", "clientMsgId", "short");
                assertThat(error(supervisor).path("code").asString()).isEqualTo("not_yours");
            }
        }
    }

    private static JsonNode error(Frames agent) {
        return agent.await("an error", f -> "error".equals(f.path("type").asString()));
    }
}

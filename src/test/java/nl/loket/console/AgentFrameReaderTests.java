package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.loket.handover.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class AgentFrameReaderTests {

    private final AgentFrameReader reader = new AgentFrameReader(JsonMapper.builder().build());

    @Test
    void readsEveryFrameOfTheProtocolIntoItsRecord() {
        assertThat(reader.read("{\"type\":\"presence\",\"status\":\"away\"}"))
                .isEqualTo(new AgentFrame.SetPresence(Presence.AWAY));
        assertThat(reader.read("{\"type\":\"inbox\"}")).isEqualTo(new AgentFrame.InboxRequest());
        assertThat(reader.read("{\"type\":\"callbacks\"}")).isEqualTo(new AgentFrame.CallbacksRequest());
        assertThat(reader.read("{\"type\":\"callback_done\",\"id\":\"t1\"}")).isEqualTo(new AgentFrame.CallbackDone("t1"));
        assertThat(reader.read("{\"type\":\"canned\"}")).isEqualTo(new AgentFrame.CannedRequest());
        assertThat(reader.read("{\"type\":\"open\",\"conversationId\":\"c\",\"lastSeq\":7}"))
                .isEqualTo(new AgentFrame.Open("c", 7));
        assertThat(reader.read("{\"type\":\"open\",\"conversationId\":\"c\"}")).isEqualTo(new AgentFrame.Open("c", 0));
        assertThat(reader.read("{\"type\":\"unsubscribe\",\"conversationId\":\"c\"}"))
                .isEqualTo(new AgentFrame.Unsubscribe("c"));
        assertThat(reader.read("{\"type\":\"packet\",\"conversationId\":\"c\"}"))
                .isEqualTo(new AgentFrame.PacketRequest("c"));
        assertThat(reader.read("{\"type\":\"accept\",\"conversationId\":\"c\"}")).isEqualTo(new AgentFrame.Accept("c"));
        assertThat(reader.read("{\"type\":\"message\",\"conversationId\":\"c\",\"text\":\" hoi \",\"clientMsgId\":\"m1\"}"))
                .isEqualTo(new AgentFrame.Write("c", "hoi", "m1", false));
        assertThat(reader.read("{\"type\":\"note\",\"conversationId\":\"c\",\"text\":\"psst\"}"))
                .isEqualTo(new AgentFrame.Write("c", "psst", null, true));
        assertThat(reader.read("{\"type\":\"typing\",\"conversationId\":\"c\"}")).isEqualTo(new AgentFrame.Typing("c"));
        assertThat(reader.read("{\"type\":\"transfer\",\"conversationId\":\"c\",\"queue\":\"klachten\"}"))
                .isEqualTo(new AgentFrame.Transfer("c", "klachten", null));
        assertThat(reader.read("{\"type\":\"transfer\",\"conversationId\":\"c\",\"agent\":\"anna\",\"queue\":\"\"}"))
                .isEqualTo(new AgentFrame.Transfer("c", null, "anna"));
        assertThat(reader.read("{\"type\":\"handback\",\"conversationId\":\"c\"}")).isEqualTo(new AgentFrame.HandBack("c"));
        assertThat(reader.read("{\"type\":\"close\",\"conversationId\":\"c\"}")).isEqualTo(new AgentFrame.Close("c"));
        assertThat(reader.read("{\"type\":\"suggest\",\"conversationId\":\"c\"}")).isEqualTo(new AgentFrame.Suggest("c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"open\"", "{}", "{\"type\":7}", "{\"type\":\"frobnicate\"}",
        "{\"type\":\"presence\",\"status\":\"asleep\"}", "{\"type\":\"open\"}", "{\"type\":\"open\",\"conversationId\":5}",
        "{\"type\":\"open\",\"conversationId\":\"c\",\"lastSeq\":-1}",
        "{\"type\":\"open\",\"conversationId\":\"c\",\"lastSeq\":\"3\"}",
        "{\"type\":\"open\",\"conversationId\":\"c\",\"lastSeq\":1.5}",
        "{\"type\":\"message\",\"conversationId\":\"c\"}", "{\"type\":\"message\",\"conversationId\":\"c\",\"text\":\"  \"}",
        "{\"type\":\"callback_done\"}", "{\"type\":\"transfer\",\"conversationId\":\"c\",\"agent\":[\"anna\"]}"})
    void refusesEveryMalformedFrameAsBadFrame(String frame) {
        assertThatThrownBy(() -> reader.read(frame)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.BAD_FRAME));
    }

    @Test
    void refusesTextOverTheLimitAndNamesTheChatTheFrameWasAbout() {
        String text = "x".repeat(AgentFrameReader.MAX_TEXT + 1);
        assertThatThrownBy(() -> reader.read("{\"type\":\"message\",\"conversationId\":\"c-9\",\"text\":\"" + text + "\"}"))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.code()).isEqualTo(ErrorCode.BAD_FRAME);
                    assertThat(r.getMessage()).contains("4000");
                    assertThat(r.conversationId()).isEqualTo("c-9");
                });
        assertThat(reader.read("{\"type\":\"message\",\"conversationId\":\"c\",\"text\":\""
                + "y".repeat(AgentFrameReader.MAX_TEXT) + "\"}")).isInstanceOf(AgentFrame.Write.class);
    }

    @Test
    void anUnknownTypeIsQuotedShortInTheMessage() {
        assertThatThrownBy(() -> reader.read("{\"type\":\"" + "z".repeat(20) + "\"}"))
                .hasMessage("unknown frame type '" + "z".repeat(20) + "'");
        assertThatThrownBy(() -> reader.read("{\"type\":\"" + "z".repeat(21) + "\"}"))
                .hasMessageContaining("longer than 20");
    }
}

package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class FrameReaderTests {

    private final FrameReader reader = new FrameReader(JsonMapper.builder().build());

    @Test
    void readsEveryClientFrame() {
        assertThat(reader.read("""
                {"type":"hello","conversationId":"c","token":"t","lastSeq":7,"lang":"en","page":"/p",
                 "customer":{"id":"42"}}""")).isInstanceOfSatisfying(ClientFrame.Hello.class, h -> {
                     assertThat(h.lastSeq()).isEqualTo(7);
                     assertThat(h.lang()).isEqualTo("en");
                     assertThat(h.customer().id()).isEqualTo("42");
                 });
        assertThat(reader.read("{\"type\":\"message\",\"clientMsgId\":\"m\",\"text\":\"hoi\"}"))
                .isEqualTo(new ClientFrame.Message("m", "hoi"));
        assertThat(reader.read("{\"type\":\"handover\"}")).isEqualTo(new ClientFrame.Handover(null));
        assertThat(reader.read("{\"type\":\"typing\"}")).isEqualTo(new ClientFrame.Typing());
        assertThat(reader.read("{\"type\":\"feedback\",\"seq\":3,\"helpful\":false}"))
                .isEqualTo(new ClientFrame.Feedback(3, false));
        assertThat(reader.read("{\"type\":\"close\"}")).isEqualTo(new ClientFrame.Close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "42", "\"hello\"", "[]", "{}", "{\"type\":1}", "{\"type\":\"bye\"}",
        "{\"type\":\"hello\",\"lastSeq\":-1}", "{\"type\":\"hello\",\"lastSeq\":1.5}",
        "{\"type\":\"hello\",\"lang\":\"fr\"}", "{\"type\":\"hello\",\"customer\":\"me\"}",
        "{\"type\":\"message\",\"clientMsgId\":\"m\"}", "{\"type\":\"message\",\"clientMsgId\":\"m\",\"text\":[]}",
        "{\"type\":\"feedback\",\"seq\":0,\"helpful\":true}", "{\"type\":\"feedback\",\"helpful\":true}",
        "{\"type\":\"feedback\",\"seq\":1}", "{\"type\":\"message\"",
        "{\"type\":\"hello\",\"customer\":{\"issuedAt\":\"31556889864403200\"}}",
        "{\"type\":\"hello\",\"customer\":{\"issuedAt\":1.5}}", "{\"type\":\"hello\",\"customer\":{\"name\":[]}}",
        "{\"type\":\"hello\",\"customer\":{\"signature\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}}"})
    void refusesMalformedFramesAsBadFrame(String frame) {
        assertThatThrownBy(() -> reader.read(frame)).isInstanceOfSatisfying(BadFrame.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRAME));
    }
}

package nl.loket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

class EchoSocketHandlerTests {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(EchoSocketHandler.Registration.class);

    @Test
    void isNotRegisteredByDefault() {
        context.run(c -> assertThat(c).doesNotHaveBean(EchoSocketHandler.Registration.class));
        context.withPropertyValues("loket.bench.echo-endpoint=false")
                .run(c -> assertThat(c).doesNotHaveBean(EchoSocketHandler.Registration.class));
    }

    @Test
    void isRegisteredWhenTheBenchmarkAsksForIt() {
        context.withPropertyValues("loket.bench.echo-endpoint=true")
                .run(c -> assertThat(c).hasSingleBean(EchoSocketHandler.Registration.class));
    }

    @Test
    void sendsEveryTextFrameBackUnchanged() throws Exception {
        var session = mock(WebSocketSession.class);
        var frame = new TextMessage("{\"type\":\"hello\"}");

        new EchoSocketHandler().handleTextMessage(session, frame);

        verify(session).sendMessage(frame);
    }
}

package nl.loket.config;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A bare echo socket at {@code /ws/echo}, the baseline the customer channel is measured against in
 * docs/benchmarks.md: same Tomcat, same buffers (WebSocketConfig), no Redis, no routing. Also at
 * {@code /ws/echo-plain}, which refuses the permessage-deflate extension that browsers and Gatling
 * ask for, to measure what compression costs per socket. Off unless
 * {@code loket.bench.echo-endpoint=true}, so it never runs in production by accident.
 */
class EchoSocketHandler extends TextWebSocketHandler {

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        session.sendMessage(message);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("loket.bench.echo-endpoint")
    static class Registration implements WebSocketConfigurer {

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new EchoSocketHandler(), "/ws/echo").setAllowedOriginPatterns("*");
            // WebSocketConfig's NoCompressionFilter takes permessage-deflate away from this one
            registry.addHandler(new EchoSocketHandler(), "/ws/echo-plain").setAllowedOriginPatterns("*");
        }
    }
}

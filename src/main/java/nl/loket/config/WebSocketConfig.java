package nl.loket.config;

import nl.loket.gateway.ChatSocketHandler;
import nl.loket.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

    /**
     * Tomcat keeps these buffers per socket and they dominate idle memory (docs/benchmarks.md).
     * The customer handler accepts partial messages and shrinks its sockets' text buffer again, so a
     * larger frame still arrives (in pieces) and gets {@code too_large}.
     */
    private static final int SOCKET_BUFFER_BYTES = 2048;
    /**
     * The agent handler reads whole frames: a 4,000-character text (docs/console-protocol.md) plus
     * JSON escapes and fields must fit, or Tomcat closes the socket with 1009 and the text is lost.
     */
    private static final int TEXT_BUFFER_CHARS = 16 * 1024;

    private final ChatSocketHandler chat;
    private final GatewayProperties gateway;

    WebSocketConfig(ChatSocketHandler chat, GatewayProperties gateway) {
        this.chat = chat;
        this.gateway = gateway;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(chat, "/ws/chat").setAllowedOriginPatterns(gateway.allowedOrigins().toArray(String[]::new));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(SOCKET_BUFFER_BYTES);
        return container;
    }
}

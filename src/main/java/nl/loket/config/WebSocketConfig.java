package nl.loket.config;

import java.util.regex.Pattern;
import nl.loket.demo.DemoMode;
import nl.loket.gateway.ChatSocketHandler;
import nl.loket.gateway.GatewayProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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

    /** An origin pattern whose host is only a wildcard lets every site embed the bot and spend its LLM budget. */
    private static final Pattern EVERY_SITE = Pattern.compile("([a-z][a-z0-9+.-]*://)?\\*(:[0-9*]+)?/?",
            Pattern.CASE_INSENSITIVE);

    private final ChatSocketHandler chat;
    private final GatewayProperties gateway;

    WebSocketConfig(ChatSocketHandler chat, GatewayProperties gateway, DemoMode demo) {
        this.chat = chat;
        this.gateway = gateway;
        if (gateway.allowedOrigins().stream().anyMatch(o -> EVERY_SITE.matcher(o.strip()).matches())) {
            demo.demoOnly("every site may open /ws/chat (loket.gateway.allowed-origins=" + gateway.allowedOrigins()
                    + ")", "set LOKET_GATEWAY_ALLOWED_ORIGINS to the sites that embed the widget, e.g. "
                    + "https://www.example.nl,https://*.example.nl");
        }
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(chat, "/ws/chat").setAllowedOriginPatterns(gateway.allowedOrigins().toArray(String[]::new));
    }

    /** Customer sockets (and the bench's {@code /ws/echo-plain}) get no permessage-deflate. */
    @Bean
    FilterRegistrationBean<NoCompressionFilter> noCompression() {
        var registration = new FilterRegistrationBean<>(new NoCompressionFilter());
        registration.addUrlPatterns("/ws/chat", "/ws/echo-plain");
        return registration;
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(SOCKET_BUFFER_BYTES);
        return container;
    }
}

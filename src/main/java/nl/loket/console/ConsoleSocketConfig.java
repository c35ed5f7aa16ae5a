package nl.loket.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers {@code /ws/agent}. No allowed origins are set, so Spring accepts only same-origin
 * browsers: another site cannot open an agent socket with the agent's session cookie.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSocketConfig implements WebSocketConfigurer {

    private final AgentSocketHandler handler;

    ConsoleSocketConfig(AgentSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/agent");
    }
}

package nl.loket.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket buffers from {@code loket.websocket.socket-buffer-bytes} (WebSocketProperties). A file of
 * its own: the {@code -Pjetty} comparison build (docs/benchmarks.md) has no Tomcat and leaves it out (pom.xml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
class TomcatSocketBuffers {

    @Bean
    TomcatConnectorCustomizer socketBuffers(WebSocketProperties properties) {
        String bytes = Integer.toString(properties.socketBufferBytes());
        return connector -> {
            connector.setProperty("socket.appReadBufSize", bytes);
            connector.setProperty("socket.appWriteBufSize", bytes);
        };
    }
}

package nl.loket.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Benchmarks only (docs/benchmarks.md, "Idle sockets"): Tomcat's per-connection socket read and write
 * buffers, 8 KiB each by default, are part of every idle socket's heap; this tries smaller ones.
 * Unset (the default) leaves Tomcat's own. A file of its own: the {@code -Pjetty} comparison build has no
 * Tomcat and leaves it out (pom.xml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
class TomcatSocketBuffers {

    @Bean
    TomcatConnectorCustomizer benchSocketBuffers(Environment environment) {
        Integer bytes = environment.getProperty("loket.bench.socket-buffer-bytes", Integer.class);
        return connector -> {
            if (bytes != null) {
                connector.setProperty("socket.appReadBufSize", bytes.toString());
                connector.setProperty("socket.appWriteBufSize", bytes.toString());
            }
        };
    }
}

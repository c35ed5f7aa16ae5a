package nl.loket.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param socketBufferBytes Tomcat's per-connection socket read and write buffers (8 KiB each in Tomcat,
 *     {@code socket.appReadBufSize} and {@code appWriteBufSize}); every idle socket keeps both, so they are
 *     a large part of its heap (docs/benchmarks.md, "Idle sockets"). A frame larger than the buffer is read
 *     and written in pieces; with TLS on Tomcat itself, Tomcat grows the read buffer to a TLS record.
 */
@Validated
@ConfigurationProperties("loket.websocket")
public record WebSocketProperties(@Min(1024) @DefaultValue("2048") int socketBufferBytes) {
}

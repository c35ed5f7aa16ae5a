package nl.loket.gateway;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFrameBytes a larger frame is answered with {@code too_large}
 * @param maxFramesPerSecond more frames per second on one connection are answered with {@code rate_limited}
 * @param allowedOrigins origin patterns that may open the socket ({@code *}: any site)
 * @param heartbeat how often the server pings; a socket that has not answered for three of these is closed
 * @param defaultLang the language when neither {@code hello.lang} nor the conversation has one
 * @param customerSecret HMAC-SHA256 secret shared with the host site for {@code hello.customer}; empty: never verified
 * @param customerMaxAge how old a signed {@code hello.customer} may be
 */
@Validated
@ConfigurationProperties("loket.gateway")
public record GatewayProperties(
        @Min(256) @DefaultValue("4096") int maxFrameBytes,
        @Min(1) @DefaultValue("5") int maxFramesPerSecond,
        @NotEmpty @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("nl") String defaultLang,
        @DefaultValue("") String customerSecret,
        @DefaultValue("10m") Duration customerMaxAge) {
}

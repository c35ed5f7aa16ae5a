package nl.loket.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFrameBytes a larger frame is answered with {@code too_large}
 * @param allowedOrigins origin patterns that may open the socket ({@code *}: any site)
 * @param heartbeat how often the server pings; a socket that has not answered for three of these is closed
 * @param defaultLang the language when neither {@code hello.lang} nor the conversation has one
 * @param customerSecret HMAC-SHA256 secret shared with the host site for {@code hello.customer}; empty: never verified
 * @param customerMaxAge how old a signed {@code hello.customer} may be
 * @param limits the abuse budgets; beyond one, the frame is answered with {@code rate_limited}
 */
@Validated
@ConfigurationProperties("loket.gateway")
public record GatewayProperties(
        @Min(256) @DefaultValue("4096") int maxFrameBytes,
        @NotEmpty @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("nl") String defaultLang,
        @DefaultValue("") String customerSecret,
        @DefaultValue("10m") Duration customerMaxAge,
        @Valid @DefaultValue Limits limits) {

    /**
     * Buckets with a burst (docs/protocol.md, "Limits"). The address is the client's as the servlet
     * container sees it: behind a proxy, only the forwarded header of a trusted proxy counts.
     *
     * @param framesPerSocket every complete frame on one socket, oversized and binary ones too (in memory)
     * @param socketsPerAddress sockets opened from one client address (IPv6: its /64)
     * @param conversationsPerAddress new conversations started from one client address
     * @param socketsPerConversation sockets on one conversation: taken on {@code hello}, given back on close
     * @param messagesPerConversation customer messages stored in one conversation; a resend of a stored one is free
     * @param llmCallsPerConversation model calls for one conversation's messages; when spent the bot skips the
     *     LLM and answers honestly that it cannot, with a handover offer (never {@code rate_limited})
     * @param llmCallsPerAddress model calls for the messages from one client address, likewise
     */
    public record Limits(
            @DefaultValue("30, 5/1s") Budget framesPerSocket,
            @DefaultValue("60, 60/1m") Budget socketsPerAddress,
            @DefaultValue("20, 60/1h") Budget conversationsPerAddress,
            @DefaultValue("5, 5/5m") Budget socketsPerConversation,
            @DefaultValue("20, 6/1m") Budget messagesPerConversation,
            @DefaultValue("10, 10/1h") Budget llmCallsPerConversation,
            @DefaultValue("60, 120/1h") Budget llmCallsPerAddress) {
    }
}

package nl.loket.conversation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long a conversation is kept after its last activity (GDPR: conversations expire)
 * @param replayLimit the most events one replay returns
 * @param maxEvents the events a conversation's log keeps (Redis MAXLEN ~: at least this many, the oldest go)
 */
@Validated
@ConfigurationProperties("loket.conversation")
public record ConversationProperties(
        @NotNull @DefaultValue("30d") Duration retention,
        @DefaultValue("5000") int replayLimit,
        @Min(100) @DefaultValue("5000") int maxEvents) {
}

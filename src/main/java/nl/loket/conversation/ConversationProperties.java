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
 * @param routingLease how long a node's claim to route a conversation's acknowledged messages lasts
 *     without renewal; after it another node answers what a dead node left
 * @param routingSweep how often a node renews its leases and looks for leases that ran out (well below the lease)
 * @param replicas how many Redis replicas must have an event before it counts as stored (Redis {@code WAIT});
 *     0: the primary's reply is enough
 * @param replicaTimeout how long to wait for them; past it the append is refused as not stored
 * @param viewTtl how long a node's registration as holding a live view of a conversation lasts; the node
 *     renews it every third of that while it holds the view, and a node that stopped is sent its events
 *     that long at most
 */
@Validated
@ConfigurationProperties("loket.conversation")
public record ConversationProperties(
        @NotNull @DefaultValue("30d") Duration retention,
        @DefaultValue("5000") int replayLimit,
        @Min(100) @DefaultValue("5000") int maxEvents,
        @NotNull @DefaultValue("15s") Duration routingLease,
        @NotNull @DefaultValue("3s") Duration routingSweep,
        @Min(0) @DefaultValue("0") int replicas,
        @NotNull @DefaultValue("1s") Duration replicaTimeout,
        @NotNull @DefaultValue("60s") Duration viewTtl) {
}

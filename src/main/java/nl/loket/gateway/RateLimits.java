package nl.loket.gateway;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.LuaScript;
import nl.loket.routing.LlmBudget;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The gateway's abuse budgets. Those per client address and per conversation are Bucket4j buckets in
 * Redis, so they hold across nodes; a bucket's key expires once it would be full again. The message
 * budget, taken on every customer message, is the same token bucket as one script
 * ({@code scripts/gateway-budget.lua}): one round trip instead of two. The frame
 * budget of one socket lives with the socket. Every refusal is counted in {@code loket.gateway.refused}.
 * The LLM's budgets are kept here too, for the router: a spent one skips the model, it refuses no frame.
 */
@Component
class RateLimits implements LlmBudget {

    private static final String PREFIX = "loket:gateway:";

    private static final RedisScript<Long> BUCKET = LuaScript.load("scripts/gateway-budget.lua", Long.class);

    private final LettuceConnectionFactory redis;
    private final StringRedisTemplate template;
    private final Clock clock;
    private final GatewayProperties.Limits limits;
    private final TimeMeter time;
    private final MeterRegistry meters;
    private volatile Proxy proxy;
    private final ReentrantLock building = new ReentrantLock();

    RateLimits(LettuceConnectionFactory redis, StringRedisTemplate template, GatewayProperties properties, Clock clock,
            MeterRegistry meters) {
        this.redis = redis;
        this.template = template;
        this.clock = clock;
        this.limits = properties.limits();
        this.time = timeOf(clock);
        this.meters = meters;
    }

    /** A fresh frame budget for one socket. */
    Bucket socketFrames() {
        return Bucket.builder().addLimit(limits.framesPerSocket().bandwidth()).withCustomTimePrecision(time).build();
    }

    boolean socketOpened(String address) {
        return take("sockets-per-address", PREFIX + "address:" + address + ":sockets", limits.socketsPerAddress());
    }

    boolean conversationStarted(String address) {
        return take("conversations-per-address", PREFIX + "address:" + address + ":conversations",
                limits.conversationsPerAddress());
    }

    boolean attached(String conversationId) {
        return take("sockets-per-conversation", socketsKey(conversationId), limits.socketsPerConversation());
    }

    /** Gives back what {@link #attached} took; a node that dies never gives back, the refill heals that. */
    void detached(String conversationId) {
        bucket(socketsKey(conversationId), limits.socketsPerConversation()).addTokens(1);
    }

    /** Taken on every customer message: one script call, not Bucket4j's read and compare-and-set. */
    boolean messageAllowed(String conversationId) {
        if (messageTokens(conversationId, 1)) {
            return true;
        }
        refused("messages-per-conversation");
        return false;
    }

    /** A message that turned out to be a resend stored nothing: it costs nothing. */
    void messageRefunded(String conversationId) {
        messageTokens(conversationId, -1);
    }

    private boolean messageTokens(String conversationId, int cost) {
        Budget budget = limits.messagesPerConversation();
        Long taken = template.execute(BUCKET, List.of(messagesKey(conversationId) + ":" + Long.toHexString(budget.version())
                + ":tokens"), Long.toString(budget.burst()), Long.toString(budget.tokens()),
                Long.toString(budget.period().toMillis()), Long.toString(clock.millis()), Integer.toString(cost));
        return taken != null && taken == 1;
    }

    @Override
    public boolean tryCall(String conversationId, String clientAddress) {
        if (!take("llm-calls-per-conversation", llmKey(conversationId), limits.llmCallsPerConversation())) {
            return false;
        }
        if (clientAddress == null || take("llm-calls-per-address", PREFIX + "address:" + clientAddress + ":llm",
                limits.llmCallsPerAddress())) {
            return true;
        }
        bucket(llmKey(conversationId), limits.llmCallsPerConversation()).addTokens(1); // this call is not made
        return false;
    }

    void refusedFrame() {
        refused("frames-per-socket");
    }

    /** The client's address as the container resolved it; an IPv6 client is counted by its /64, the usual end-user allocation. */
    static String addressOf(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        if (address instanceof Inet6Address) {
            try {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }
        return address == null ? remote.getHostString() : address.getHostAddress();
    }

    private boolean take(String limit, String key, Budget budget) {
        if (bucket(key, budget).tryConsume(1)) {
            return true;
        }
        refused(limit);
        return false;
    }

    /**
     * A bucket's key names its budget: nodes that run with another budget (during a configuration
     * change, or test contexts with their own clocks and budgets on one Redis) never share a bucket,
     * whose state would be meaningless under the other's capacity and clock.
     */
    private Bucket bucket(String key, Budget budget) {
        return buckets().builder().build(key + ":" + Long.toHexString(budget.version()), budget::configuration);
    }

    /**
     * The factory makes a new client each time it is started again (Spring's test contexts pause and
     * restart theirs), and a proxy on a stopped client fails every call: follow the current client.
     */
    private ProxyManager<String> buckets() {
        Object client = redis.getRequiredNativeClient();
        Proxy current = proxy;
        if (current != null && current.client() == client) {
            return current.buckets();
        }
        // a proxy opens a connection: a burst of first sockets must build one, not one per thread
        building.lock();
        try {
            current = proxy;
            if (current == null || current.client() != client) {
                current = new Proxy(client, proxyOn(client, time));
                proxy = current;
            }
            return current.buckets();
        } finally {
            building.unlock();
        }
    }

    private static ProxyManager<String> proxyOn(Object client, TimeMeter time) {
        var expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
        ProxyManager<byte[]> raw = switch (client) {
            case RedisClusterClient cluster ->
                Bucket4jLettuce.casBasedBuilder(cluster).clientClock(time).expirationAfterWrite(expiry).build();
            case RedisClient single ->
                Bucket4jLettuce.casBasedBuilder(single).clientClock(time).expirationAfterWrite(expiry).build();
            default -> throw new IllegalStateException("Redis through Lettuce is the only client Loket supports");
        };
        return raw.withMapper(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    private record Proxy(Object client, ProxyManager<String> buckets) {
    }

    private void refused(String limit) {
        Counter.builder("loket.gateway.refused").tag("limit", limit)
                .description("Frames and sockets refused with rate_limited, and model calls skipped, per budget").register(meters).increment();
    }

    /** Buckets shared by several nodes need wall-clock time; the application's clock, so tests can move it. */
    private static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    private static String socketsKey(String conversationId) {
        return Conversations.moduleKey("gateway", conversationId, ":sockets");
    }

    private static String llmKey(String conversationId) {
        return Conversations.moduleKey("gateway", conversationId, ":llm");
    }

    private static String messagesKey(String conversationId) {
        return Conversations.moduleKey("gateway", conversationId, ":messages");
    }
}

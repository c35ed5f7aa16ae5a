package nl.loket.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Durable routing: an acknowledged customer message is answered even when the node that
 * acknowledged it dies. The append script records the message as still to be routed, with this
 * node's lease on the conversation, in the same step as the message itself; the router's first
 * event for it (or {@link #route}'s end) clears it. This class renews the leases of what this node
 * routes, and any node sweeps for conversations whose lease ran out and takes them over
 * ({@link RoutingTakenOver}).
 */
@Component
class RoutingLeases implements SchedulingConfigurer {

    /** Conversation id -> when to look at its routing next (epoch ms, Redis time); written before each customer append. */
    static final String DUE = "loket:conversation:routing-due";
    private static final int MAX_TAKEOVERS = 3;
    private static final int SWEEP_BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(RoutingLeases.class);
    private static final RedisScript<List> ROUTING =
            LuaScript.load("scripts/conversation-routing.lua", List.class);
    private static final RedisScript<Long> INDEX =
            LuaScript.load("scripts/routing-due.lua", Long.class);

    private final StringRedisTemplate redis;
    private final ConversationStore store;
    private final ApplicationEventPublisher events;
    private final ConversationProperties properties;
    private final Counter takenOver;
    private final String node;
    /** What this node routes now: conversation id -> seqs; their leases are renewed while it does. */
    private final Map<String, Set<Long>> routing = new ConcurrentHashMap<>();
    /** The message the router is routing on this thread (a lane runs one message at a time). */
    private final ThreadLocal<Current> current = new ThreadLocal<>();

    RoutingLeases(StringRedisTemplate redis, ConversationStore store, ApplicationEventPublisher events,
            ConversationProperties properties, MeterRegistry meters, Environment environment) {
        this.redis = redis;
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.node = environment.getProperty("spring.application.name", "loket") + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.takenOver = Counter.builder("loket.routing.taken.over")
                .description("Acknowledged customer messages this node routed after the node that acknowledged "
                        + "them stopped renewing its lease")
                .register(meters);
    }

    /**
     * Called before a customer message is appended: puts the conversation in the index a sweeping
     * node reads (before, so a node that dies between the two leaves it findable), and says what
     * the append script records.
     */
    RouteNote beforeCustomerMessage(String conversationId) {
        lookWhenTheLeaseRunsOut(conversationId);
        return new RouteNote(lease(), node, 0);
    }

    /** This node acknowledged {@code seq} and routes it: renew the lease until it is done. */
    void acknowledged(String conversationId, long seq) {
        routing.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(seq);
    }

    /** What an append on this thread records: the message it answers, when it is the router's first event for it. */
    RouteNote noteFor(String conversationId) {
        Current now = current.get();
        return now != null && !now.answered && now.conversationId.equals(conversationId)
                ? new RouteNote(0, "", now.seq) : RouteNote.NONE;
    }

    /** The append with {@link #noteFor}'s note was stored: that message is routed. */
    void answered(RouteNote note, String conversationId) {
        Current now = current.get();
        if (note.answers() > 0 && now != null) {
            now.answered = true;
            forget(conversationId, now.seq);
        }
    }

    /**
     * Runs {@code work} as the routing of message {@code seq}. When it ends normally the message is
     * routed (the first event it appended said so atomically; else it is marked now). When it
     * throws, the record stays and the lease is no longer renewed: any node retries it after the lease.
     */
    void route(String conversationId, long seq, Runnable work) {
        var routed = new Current(conversationId, seq);
        current.set(routed);
        try {
            work.run();
            if (!routed.answered) {
                redis.execute(ROUTING, List.of(ConversationKeys.of(conversationId).routing()), "done", "0", node,
                        Long.toString(seq));
            }
        } finally {
            current.remove();
            forget(conversationId, seq);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::tick, properties.routingSweep());
    }

    /** Renews this node's leases, then takes over what dead nodes left. */
    void tick() {
        try {
            renew();
            sweep();
        } catch (DataAccessException e) {
            log.debug("routing leases not renewed or swept (Redis unavailable): {}", e.toString());
        }
    }

    private void renew() {
        String lease = Long.toString(lease());
        for (String conversationId : routing.keySet()) {
            redis.execute(ROUTING, List.of(ConversationKeys.of(conversationId).routing()), "renew", lease, node, "0");
        }
    }

    private void sweep() {
        Long now = redis.execute((RedisCallback<Long>) connection -> connection.serverCommands().time());
        Set<String> due = now == null ? null : redis.opsForZSet().rangeByScore(DUE, 0, now, 0, SWEEP_BATCH);
        if (due == null) {
            return;
        }
        for (String conversationId : due) {
            List<?> reply = redis.execute(ROUTING, List.of(ConversationKeys.of(conversationId).routing()), "claim",
                    Long.toString(lease()), node, Integer.toString(MAX_TAKEOVERS));
            switch (((Long) reply.get(0)).intValue()) {
                case 0 -> redis.execute(INDEX, List.of(DUE), "forget", conversationId);
                case 1 -> redis.opsForZSet().add(DUE, conversationId, (Long) reply.get(1));
                default -> {
                    lookWhenTheLeaseRunsOut(conversationId);
                    takeOver(conversationId, String.valueOf(reply.get(1)), reply.subList(2, reply.size()));
                }
            }
        }
    }

    private void lookWhenTheLeaseRunsOut(String conversationId) {
        redis.execute(INDEX, List.of(DUE), "look", conversationId, Long.toString(lease()));
    }

    private void takeOver(String conversationId, String from, List<?> seqs) {
        for (Object value : seqs) {
            long seq = (Long) value;
            if (seq < 0) {
                log.error("gave up routing message #{} of {}: {} nodes failed on it", -seq, conversationId,
                        MAX_TAKEOVERS + 1);
                continue;
            }
            List<ConversationEvent> message = store.eventsAfter(conversationId, seq - 1, seq);
            if (message.isEmpty()) {
                continue; // trimmed or expired with its conversation: nothing left to answer
            }
            log.info("routing message #{} of {}, acknowledged by {} whose lease ran out", seq, conversationId, from);
            acknowledged(conversationId, seq);
            takenOver.increment();
            events.publishEvent(new RoutingTakenOver(conversationId, message.getFirst(), from));
        }
    }

    private void forget(String conversationId, long seq) {
        routing.computeIfPresent(conversationId, (id, seqs) -> {
            seqs.remove(seq);
            return seqs.isEmpty() ? null : seqs;
        });
    }

    /** Lease times run on the Redis server's clock (the scripts read TIME): node clocks may disagree. */
    private long lease() {
        return properties.routingLease().toMillis();
    }

    /** What the append script writes for routing: a lease (ms) for a customer message, or the message an event answers. */
    record RouteNote(long lease, String node, long answers) {

        static final RouteNote NONE = new RouteNote(0, "", 0);
    }

    private static final class Current {

        final String conversationId;
        final long seq;
        boolean answered;

        Current(String conversationId, long seq) {
            this.conversationId = conversationId;
            this.seq = seq;
        }
    }
}

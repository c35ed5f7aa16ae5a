package nl.loket.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Delivers every appended event to the local subscribers of its conversation, whichever node
 * appended it. Each node listens on a channel of its own, subscribed once at start-up, and
 * registers in the conversation's view registry (in its own slot) while it holds a view; the
 * append script publishes to the registered nodes only, so what a node receives grows with the
 * views it holds, not with the number of nodes. A view registers before its catch-up, so nothing
 * slips between; the log fills any other gap: on every (re)subscription each live view catches up,
 * and so do the views of a conversation whose registration had lapsed when it is renewed.
 */
@Component
class EventFanout implements MessageListener, SubscriptionListener, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventFanout.class);
    /** Events, deltas and typing signals one view may have waiting before it counts as fallen behind. */
    private static final int MAX_WAITING = 500;

    private final ConversationStore store;
    private final ConversationProperties properties;
    /** This node in the view registries; its channel is {@link ConversationKeys#NODE_CHANNEL_PREFIX} and this. */
    private final String node;
    private final Map<String, Set<LiveSubscription>> local = new ConcurrentHashMap<>();
    private final Executor lanes = Executors.newVirtualThreadPerTaskExecutor();
    private final Counter heldReceived;
    private final Counter unheldReceived;

    EventFanout(ConversationStore store, ConversationProperties properties, RedisMessageListenerContainer container,
            Environment environment, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.node = environment.getProperty("spring.application.name", "loket") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        this.heldReceived = received(meters, "true");
        this.unheldReceived = received(meters, "false");
        container.addMessageListener(this, new ChannelTopic(ConversationKeys.NODE_CHANNEL_PREFIX + node));
    }

    private static Counter received(MeterRegistry meters, String held) {
        return Counter.builder("loket.conversation.fanout.received").tag("held", held)
                .description("Fan-out messages (events, deltas, typing) this node received, for a conversation "
                        + "it held a live view of or not (one it stopped holding, until its registration lapses)")
                .register(meters);
    }

    Subscription subscribe(String conversationId, long afterSeq, ConversationListener listener) {
        var subscription = new LiveSubscription(conversationId, afterSeq, listener);
        local.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(subscription);
        try {
            // held here, then registered, then caught up: what is appended after the catch-up's read is published here
            store.registerView(conversationId, node, properties.viewTtl());
            subscription.catchUp(Long.MAX_VALUE);
        } catch (RuntimeException e) {
            subscription.close(); // never leave a view behind that its socket does not know of
            throw e;
        }
        return subscription;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::renew, properties.viewTtl().dividedBy(3));
    }

    /**
     * Renews this node's registration for every conversation it holds a view of. Where it had lapsed
     * (renewals failed while Redis was away, or the registry was lost), what was appended meanwhile
     * was published to other nodes only: those views catch up from the log. A node does not
     * unregister when its last view of a conversation closes (a new view may be registering at that
     * moment); the registration lapses after {@code loket.conversation.view-ttl}.
     */
    void renew() {
        try {
            for (var held : local.entrySet()) {
                if (store.registerView(held.getKey(), node, properties.viewTtl())) {
                    held.getValue().forEach(LiveSubscription::resync);
                }
            }
        } catch (DataAccessException e) {
            log.debug("view registrations not renewed (Redis unavailable): {}", e.toString());
        }
    }

    int localSubscriptions() {
        return local.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * The channel is subscribed: at start-up, and again after the connection dropped and came back.
     * What was published in between reached nobody, so every live view reads it from the log.
     */
    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        local.values().forEach(subscriptions -> subscriptions.forEach(LiveSubscription::resync));
        lanes.execute(this::renew); // a Redis that restarted empty has lost the registrations too
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        int idEnd = body.indexOf(' ');
        Set<LiveSubscription> subscribers = idEnd < 0 ? null : local.get(body.substring(0, idEnd));
        if (subscribers == null || subscribers.isEmpty()) {
            unheldReceived.increment();
            return;
        }
        heldReceived.increment();
        try {
            String[] parts = body.substring(idEnd + 1).split(" ", 4);
            switch (parts[0]) {
                case "t" -> {
                    Author author = Author.valueOf(parts[1]);
                    subscribers.forEach(s -> s.enqueue(() -> s.typing(author)));
                }
                case "d" -> {
                    String[] delta = body.substring(idEnd + 3).split(" ", 2);
                    long replyTo = Long.parseLong(delta[0]);
                    String text = delta.length > 1 ? delta[1] : "";
                    subscribers.forEach(s -> s.enqueue(() -> s.delta(replyTo, text)));
                }
                case "x" -> {
                    long replyTo = Long.parseLong(parts[1]);
                    subscribers.forEach(s -> s.enqueue(() -> s.discard(replyTo)));
                }
                case "e" -> {
                    ConversationEvent event = store.decode(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
                    subscribers.forEach(s -> s.enqueue(() -> s.offer(event)));
                }
                default -> log.warn("ignored a fan-out message of unknown kind '{}'", parts[0]);
            }
        } catch (RuntimeException e) {
            log.warn("dropped a fan-out message that could not be read; subscribers catch up from the log", e);
        }
    }

    /**
     * Keeps one subscriber's view gap-free and in order. Work for it runs on its own serial lane,
     * in the order Redis delivered it, so a slow socket holds up only itself.
     */
    private final class LiveSubscription implements Subscription {

        private final String conversationId;
        private final ConversationListener listener;
        private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicInteger waiting = new AtomicInteger();
        private long lastDelivered;
        private volatile boolean open = true;

        LiveSubscription(String conversationId, long afterSeq, ConversationListener listener) {
            this.conversationId = conversationId;
            this.lastDelivered = afterSeq;
            this.listener = listener;
        }

        @Override
        public String conversationId() {
            return conversationId;
        }

        void enqueue(Runnable work) {
            if (waiting.incrementAndGet() > MAX_WAITING && listener.fellBehind()) {
                // its client stopped reading: drop the view rather than hold its backlog in memory; the
                // listener tells the client to resume, from the log
                close();
                return;
            }
            pending.add(work);
            if (draining.compareAndSet(false, true)) {
                lanes.execute(this::drain);
            }
        }

        private void drain() {
            do {
                for (Runnable work = pending.poll(); work != null; work = pending.poll()) {
                    waiting.decrementAndGet();
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        // a catch-up that could not read the log (Redis away): the next event or resubscription retries
                        log.warn("live view of {} could not catch up: {}", conversationId, e.toString());
                    }
                }
                draining.set(false);
            } while (!pending.isEmpty() && draining.compareAndSet(false, true));
        }

        /** Reads from the log what this view may have missed. */
        void resync() {
            enqueue(() -> catchUp(Long.MAX_VALUE));
        }

        synchronized void offer(ConversationEvent event) {
            if (!open || event.seq() <= lastDelivered) {
                return;
            }
            if (event.seq() == lastDelivered + 1) {
                deliver(event);
            } else {
                catchUp(event.seq());
            }
        }

        synchronized void catchUp(long upToSeq) {
            for (ConversationEvent event : store.eventsAfter(conversationId, lastDelivered, upToSeq)) {
                if (!open) {
                    return;
                }
                deliver(event);
            }
        }

        void typing(Author author) {
            if (open) {
                listener.onTyping(author);
            }
        }

        void delta(long replyTo, String text) {
            if (open) {
                listener.onDelta(replyTo, text);
            }
        }

        void discard(long replyTo) {
            if (open) {
                listener.onDeltasDiscarded(replyTo);
            }
        }

        private void deliver(ConversationEvent event) {
            lastDelivered = event.seq();
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("a subscriber of {} failed on #{}", conversationId, event.seq(), e);
            }
        }

        @Override
        public void close() {
            open = false;
            local.computeIfPresent(conversationId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}

package nl.loket.handover;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Agents' presence (heartbeats with a TTL) and whether a queue can take a chat now. */
@Component
class AgentPresence {

    private final HandoverStore store;
    private final QueueCatalog queues;
    private final HandoverProperties properties;
    private final Clock clock;

    AgentPresence(HandoverStore store, QueueCatalog queues, HandoverProperties properties,
            Clock clock) {
        this.store = store;
        this.queues = queues;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records a heartbeat; a change of presence changes the inbox of the agent's queues. */
    void set(String agentName, Collection<String> queueNames, Presence presence) {
        var now = clock.instant();
        String before = store.setPresence(agentName, List.copyOf(queueNames), presence.name(), now,
                now.plus(properties.presenceTtl()));
        if (!presence.name().equals(before)) {
            queueNames.forEach(q -> store.publish(new InboxChanged(q, null)));
        }
    }

    Presence of(String agentName) {
        String value = store.presence(agentName);
        return value == null ? Presence.OFFLINE : Presence.valueOf(value);
    }

    long online(String queue) {
        return store.present(queue, clock.instant());
    }

    /** The chats waiting in the queue: with {@link #online} what a queue's load is. */
    long waitingCount(String queue) {
        return store.waitingCount(queue);
    }

    boolean available(String queueName) {
        return queues.find(queueName).map(this::available).orElse(false);
    }

    /** The team is at work and someone is online. */
    boolean available(QueueDefinition queue) {
        return queue.isOpen(clock.instant().atZone(properties.zone())) && online(queue.name()) > 0;
    }

    java.time.ZonedDateTime now() {
        return clock.instant().atZone(properties.zone());
    }
}

package nl.loket.handover;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every waiting chat with its packet, computed once per node per change and shared by every agent
 * socket of the node, which filters it per agent. Changes that arrive while nobody reads are
 * coalesced: the next read computes the list once for all of them.
 */
@Component
class Inbox {

    private final HandoverStore store;
    private final QueueCatalog queues;
    private final Conversations conversations;
    private final PacketBuilder packets;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    Inbox(HandoverStore store, QueueCatalog queues, Conversations conversations, PacketBuilder packets,
            Clock clock) {
        this.store = store;
        this.queues = queues;
        this.conversations = conversations;
        this.packets = packets;
        this.clock = clock;
    }

    private record Snapshot(long version, List<WaitingChat> waiting) {
    }

    @EventListener
    @Order(0) // before the agent sockets read it
    void on(InboxChanged changed) {
        changes.incrementAndGet();
    }

    /** A change made on this node: its own next read sees it, without waiting for the round trip over Redis. */
    @EventListener
    void on(HandoverEvent done) {
        changes.incrementAndGet();
    }

    /** The chats waiting in these queues, oldest first. */
    List<WaitingChat> waiting(Collection<String> queueNames) {
        return current().stream().filter(c -> queueNames.contains(c.queue())).toList();
    }

    List<WaitingChat> current() {
        long version = changes.get();
        Snapshot seen = snapshot;
        if (seen.version() == version) {
            return seen.waiting();
        }
        synchronized (this) {
            if (snapshot.version() != version) {
                snapshot = new Snapshot(version, compute());
            }
            return snapshot.waiting();
        }
    }

    private List<WaitingChat> compute() {
        List<WaitingChat> result = new ArrayList<>();
        for (QueueDefinition queue : queues.all()) {
            long position = 0;
            for (var entry : store.waitingIn(queue.name())) {
                Optional<Conversation> conversation = conversations.find(entry.getKey());
                if (conversation.isEmpty() || conversation.get().status() != ConversationStatus.QUEUED
                        || !conversation.get().holder().queueName().equals(queue.name())) {
                    store.dequeue(queue.name(), entry.getKey()); // expired, closed or taken while the node died
                    continue;
                }
                position++;
                Map<String, String> state = store.state(entry.getKey());
                var packet = packets.view(entry.getKey(), state, clock.instant());
                if (packet.isPresent()) {
                    result.add(new WaitingChat(entry.getKey(), queue.name(), entry.getValue(), position,
                            state.get("forAgent"), packet.get()));
                }
            }
        }
        result.sort(Comparator.comparing(WaitingChat::queuedAt));
        return List.copyOf(result);
    }
}

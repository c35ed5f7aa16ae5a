package nl.loket.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Holder;
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

    /** A chat the queue's index and its holder agree is waiting, before its packet is read. */
    private record Place(String conversationId, String queue, Instant queuedAt, long position, String forAgent) {
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

    /**
     * Two round trips however many chats wait (besides one read of each queue's index): the holders
     * of every chat the indexes list, to check the indexes against, then every packet at once.
     */
    private List<WaitingChat> compute() {
        List<QueueDefinition> all = List.copyOf(queues.all());
        List<List<Map.Entry<String, Instant>>> indexed = all.stream().map(q -> store.waitingIn(q.name())).toList();
        var holders = conversations.findAll(indexed.stream().flatMap(List::stream).map(Map.Entry::getKey).toList())
                .iterator();
        List<Place> waiting = new ArrayList<>();
        for (int q = 0; q < all.size(); q++) {
            String queue = all.get(q).name();
            long position = 0;
            for (var entry : indexed.get(q)) {
                Optional<Conversation> conversation = holders.next();
                if (conversation.isEmpty() || !(conversation.get().holder() instanceof Holder.Queue holder)
                        || !holder.queue().equals(queue)) {
                    store.dequeue(queue, entry.getKey()); // expired, closed or taken while the node died
                    continue;
                }
                position++;
                waiting.add(new Place(entry.getKey(), queue, entry.getValue(), position, holder.forAgent()));
            }
        }
        List<Optional<HandoverPacket>> views = packets.waitingViews(
                waiting.stream().map(Place::conversationId).toList(), clock.instant());
        List<WaitingChat> result = new ArrayList<>(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            Place chat = waiting.get(i);
            views.get(i).ifPresent(p -> result.add(new WaitingChat(chat.conversationId(), chat.queue(),
                    chat.queuedAt(), chat.position(), chat.forAgent(), p)));
        }
        result.sort(Comparator.comparing(WaitingChat::queuedAt));
        return List.copyOf(result);
    }
}

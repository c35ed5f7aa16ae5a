package nl.loket.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * coalesced: the next read computes the list once for all of them. A read after changes that each
 * name their chat reads the queues' indexes and only those chats (and chats new in an index); a
 * change that names none, and the first change {@link #FULL_READ_EVERY} after the last full read,
 * read every chat again: that repairs what a lost message or a node that died halfway left behind.
 */
@Component
class Inbox {

    static final Duration FULL_READ_EVERY = Duration.ofSeconds(30);

    private final HandoverStore store;
    private final QueueCatalog queues;
    private final Conversations conversations;
    private final PacketBuilder packets;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    /** The chats named by changes since the last read; null when a change named none (read them all). */
    private Set<String> changed = null;
    private final Object noting = new Object(); // not the read's lock: a change is noted while a read runs
    private volatile Snapshot snapshot = new Snapshot(-1, List.of(), Instant.MIN);

    Inbox(HandoverStore store, QueueCatalog queues, Conversations conversations, PacketBuilder packets,
            Clock clock) {
        this.store = store;
        this.queues = queues;
        this.conversations = conversations;
        this.packets = packets;
        this.clock = clock;
    }

    private record Snapshot(long version, List<WaitingChat> waiting, Instant fullReadAt) {
    }

    /** A chat the queue's index and its holder agree is waiting, before its packet is read. */
    private record Place(String conversationId, String queue, Instant queuedAt, long position, String forAgent) {
    }

    @EventListener
    @Order(0) // before the agent sockets read it
    void on(InboxChanged change) {
        changed(change.conversationId());
    }

    /** A change made on this node: its own next read sees it, without waiting for the round trip over Redis. */
    @EventListener
    void on(HandoverEvent done) {
        changed(done.conversationId());
    }

    private void changed(String conversationId) {
        synchronized (noting) { // noted before the count moves: a read that sees the new count sees the chat
            if (changed != null && conversationId != null) {
                changed.add(conversationId);
            } else {
                changed = null;
            }
        }
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
                Set<String> named;
                synchronized (noting) {
                    named = changed;
                    changed = new HashSet<>();
                }
                Instant now = clock.instant();
                boolean full = named == null || !now.isBefore(snapshot.fullReadAt().plus(FULL_READ_EVERY));
                snapshot = new Snapshot(version, compute(full ? null : named, now),
                        full ? now : snapshot.fullReadAt());
            }
            return snapshot.waiting();
        }
    }

    /**
     * Reads each queue's index, then the holders and packets of the chats to check ({@code named},
     * those not in the last snapshot in the same place, or all when {@code named} is null) in one
     * round trip each; every other chat is the one of the last snapshot, with its new position.
     */
    private List<WaitingChat> compute(Set<String> named, Instant now) {
        Map<String, WaitingChat> before = new HashMap<>();
        snapshot.waiting().forEach(c -> before.put(c.conversationId(), c));
        List<QueueDefinition> all = List.copyOf(queues.all());
        List<List<Map.Entry<String, Instant>>> indexed = all.stream().map(q -> store.waitingIn(q.name())).toList();
        List<String> toCheck = new ArrayList<>();
        for (int q = 0; q < all.size(); q++) {
            for (var entry : indexed.get(q)) {
                WaitingChat known = before.get(entry.getKey());
                if (named == null || named.contains(entry.getKey()) || known == null
                        || !known.queue().equals(all.get(q).name()) || !known.queuedAt().equals(entry.getValue())) {
                    toCheck.add(entry.getKey());
                }
            }
        }
        var holders = conversations.findAll(toCheck).iterator();
        Map<String, Optional<Conversation>> checked = new HashMap<>();
        toCheck.forEach(id -> checked.put(id, holders.next()));
        List<Place> waiting = new ArrayList<>();
        for (int q = 0; q < all.size(); q++) {
            String queue = all.get(q).name();
            long position = 0;
            for (var entry : indexed.get(q)) {
                String forAgent;
                if (checked.containsKey(entry.getKey())) {
                    Optional<Conversation> conversation = checked.get(entry.getKey());
                    if (conversation.isEmpty() || !(conversation.get().holder() instanceof Holder.Queue holder)
                            || !holder.queue().equals(queue)) {
                        store.dequeue(queue, entry.getKey()); // expired, closed or taken while the node died
                        continue;
                    }
                    forAgent = holder.forAgent();
                } else {
                    forAgent = before.get(entry.getKey()).forAgent();
                }
                position++;
                waiting.add(new Place(entry.getKey(), queue, entry.getValue(), position, forAgent));
            }
        }
        List<Optional<HandoverPacket>> views = packets.waitingViews(
                waiting.stream().map(Place::conversationId).toList(), checked.keySet(), now);
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

package nl.loket.console;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import nl.loket.handover.InboxChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The inbox of every agent on this node. A change anywhere (on any node) makes one snapshot of all
 * queues, however many changes arrive meanwhile and however many agents are connected; each agent
 * then gets the part of it that {@link ConsoleAccess} lets them see.
 */
@Component
class InboxFeed implements AutoCloseable {

    private record Versioned(InboxView.Chats chats, HandoverLink.InboxSnapshot snapshot) {
    }

    private final HandoverLink handover;
    private final AgentSockets sockets;
    private final AgentFrames frames;
    private final ExecutorService pushes = Executors.newVirtualThreadPerTaskExecutor();
    private final Coalescing snapshots = new Coalescing(pushes, this::pushToAll);
    private final AtomicLong versions = new AtomicLong();
    /** The last snapshot pushed to every socket: the next one is compared with it once, for all of them. */
    private InboxView.Chats pushed = InboxView.Chats.of(-1, List.of());

    InboxFeed(HandoverLink handover, AgentSockets sockets, AgentFrames frames) {
        this.handover = handover;
        this.sockets = sockets;
        this.frames = frames;
    }

    @EventListener
    void on(InboxChanged changed) {
        snapshots.signal();
    }

    /** The whole inbox for one socket, freshly read: on connect and when the console asks. */
    void pushTo(AgentSocket socket) {
        // the version is taken before reading: a snapshot read later never loses to one read earlier
        long version = versions.incrementAndGet();
        HandoverLink.InboxSnapshot snapshot = handover.snapshot();
        push(socket, new Versioned(InboxView.Chats.of(version, snapshot.waiting()), snapshot), true,
                handover.chatsOf(List.of(socket.agent)));
    }

    /** Runs one at a time (coalesced), so each snapshot is compared with the one pushed before it. */
    private void pushToAll() {
        if (sockets.all().isEmpty()) {
            return; // nobody to tell on this node: no reads at all
        }
        long version = versions.incrementAndGet();
        HandoverLink.InboxSnapshot snapshot = handover.snapshot();
        List<AgentSocket> all = List.copyOf(sockets.all());
        // the chats of every agent of this node in one read, not one read per socket
        Map<String, List<String>> mine = handover.chatsOf(all.stream().map(s -> s.agent).toList());
        Versioned latest = new Versioned(InboxView.Chats.of(version, snapshot.waiting(), pushed), snapshot);
        pushed = latest.chats();
        all.forEach(socket -> pushes.execute(() -> push(socket, latest, false, mine)));
    }

    private void push(AgentSocket socket, Versioned latest, boolean full, Map<String, List<String>> mine) {
        Agent agent = socket.agent;
        HandoverLink.InboxSnapshot snapshot = latest.snapshot();
        socket.inbox.apply(latest.chats(), full, chat -> ConsoleAccess.sees(agent, chat),
                mine.getOrDefault(agent.name(), List.of()), available(agent, snapshot.available()),
                snapshot.callbacks().stream().filter(t -> ConsoleAccess.mayComplete(agent, t)).toList(),
                change -> {
                    socket.send(frames.inbox(change));
                    if (change.callbacksChanged()) {
                        socket.send(frames.callbacks(change.callbacks()));
                    }
                });
    }

    private static Map<String, Boolean> available(Agent agent, Map<String, Boolean> all) {
        var mine = new java.util.LinkedHashMap<String, Boolean>();
        agent.queues().forEach(q -> mine.put(q, all.getOrDefault(q, false)));
        return mine;
    }

    @Override
    public void close() {
        pushes.close();
    }
}

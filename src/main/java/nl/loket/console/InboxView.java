package nl.loket.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.HandoverPacket;
import nl.loket.handover.WaitingChat;

/**
 * What one agent socket was last sent of the inbox, so that a change sends only what changed for
 * that agent: with thousands of waiting chats, the whole list per agent per change would be
 * megabytes. Snapshots arrive from several threads; an older one never overtakes a newer one.
 */
final class InboxView {

    /** What to send: everything ({@code full}), or the chats added or changed and the ones gone. */
    record Change(boolean full, List<WaitingChat> waiting, List<String> removed, List<String> mine,
            Map<String, Boolean> available, List<CallbackTask> callbacks, boolean callbacksChanged) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private long version;
    private Map<String, List<Object>> sent = Map.of();
    private List<String> mine;
    private Map<String, Boolean> available;
    private List<CallbackTask> callbacks;

    /** Hands {@code send} what changed since the last snapshot it was given; nothing when nothing did. */
    void apply(long version, boolean full, List<WaitingChat> visible, List<String> mine,
            Map<String, Boolean> available, List<CallbackTask> callbacks, Consumer<Change> send) {
        lock.lock();
        try {
            if (version <= this.version) {
                return;
            }
            this.version = version;
            Map<String, List<Object>> now = new HashMap<>();
            List<WaitingChat> changed = new ArrayList<>();
            for (WaitingChat chat : visible) {
                List<Object> shown = shown(chat);
                now.put(chat.conversationId(), shown);
                if (full || !shown.equals(sent.get(chat.conversationId()))) {
                    changed.add(chat);
                }
            }
            List<String> removed = full ? List.of()
                    : sent.keySet().stream().filter(id -> !now.containsKey(id)).sorted().toList();
            boolean callbacksChanged = full || !callbacks.equals(this.callbacks);
            boolean anything = full || !changed.isEmpty() || !removed.isEmpty() || !mine.equals(this.mine)
                    || !available.equals(this.available) || callbacksChanged;
            this.sent = now;
            this.mine = mine;
            this.available = available;
            this.callbacks = callbacks;
            if (anything) {
                // sent while holding the lock: frames of two snapshots never interleave on the socket
                send.accept(new Change(full, changed, removed, mine, available, callbacks, callbacksChanged));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * What the console shows of a waiting chat. Not its position, which moves for every chat behind
     * one that leaves (the console numbers the chats by {@code queuedAt}), nor the packet's growing
     * waiting time.
     */
    private static List<Object> shown(WaitingChat chat) {
        HandoverPacket p = chat.packet();
        return Arrays.asList(chat.queue(), chat.queuedAt(), chat.forAgent(), p == null ? null : p.customer(),
                p == null ? null : p.question(), p == null ? null : p.reason(), p == null ? null : p.details(),
                p == null ? null : p.summary(), p == null ? null : p.botAttempts());
    }
}

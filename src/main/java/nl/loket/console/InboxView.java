package nl.loket.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
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

    /**
     * One node's waiting chats at one moment, with what the console shows of each and which chats
     * were added, changed or left since the node's previous snapshot ({@code since}): computed once
     * per node, so a socket that applied that previous snapshot only looks at those chats.
     */
    record Chats(long version, long since, Map<String, Shown> byId, List<String> touched) {

        /** The first snapshot of a node, or one read for one socket: nothing to compare with. */
        static Chats of(long version, List<WaitingChat> waiting) {
            return of(version, waiting, new Chats(-1, -1, Map.of(), List.of()));
        }

        static Chats of(long version, List<WaitingChat> waiting, Chats previous) {
            Map<String, Shown> byId = new LinkedHashMap<>();
            List<String> touched = new ArrayList<>();
            for (WaitingChat chat : waiting) { // oldest first: the touched chats are in the inbox's order
                Shown shown = new Shown(chat, shown(chat));
                byId.put(chat.conversationId(), shown);
                Shown before = previous.byId().get(chat.conversationId());
                if (before == null || !before.key().equals(shown.key())) {
                    touched.add(chat.conversationId());
                }
            }
            previous.byId().keySet().stream().filter(id -> !byId.containsKey(id)).sorted().forEach(touched::add);
            return new Chats(version, previous.version(), byId, touched);
        }
    }

    /** A waiting chat and what of it the console shows. */
    record Shown(WaitingChat chat, List<Object> key) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private long version = -1;
    private Map<String, List<Object>> sent = new HashMap<>();
    private List<String> mine;
    private Map<String, Boolean> available;
    private List<CallbackTask> callbacks;

    /**
     * Hands {@code send} what changed since the last snapshot it was given; nothing when nothing did.
     * When that last one was the node's previous snapshot, only the chats it touched are looked at;
     * otherwise (the first, or one skipped because a newer one came first) every chat is compared.
     */
    void apply(Chats chats, boolean full, Predicate<WaitingChat> sees, List<String> mine,
            Map<String, Boolean> available, List<CallbackTask> callbacks, Consumer<Change> send) {
        lock.lock();
        try {
            if (chats.version() <= this.version) {
                return;
            }
            List<WaitingChat> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            if (!full && this.version == chats.since()) {
                for (String id : chats.touched()) {
                    Shown now = chats.byId().get(id);
                    if (now != null && sees.test(now.chat())) {
                        sent.put(id, now.key());
                        changed.add(now.chat());
                    } else if (sent.remove(id) != null) {
                        removed.add(id);
                    }
                }
                removed.sort(null);
            } else {
                Map<String, List<Object>> visible = new HashMap<>();
                for (Shown now : chats.byId().values()) {
                    if (sees.test(now.chat())) {
                        visible.put(now.chat().conversationId(), now.key());
                        if (full || !now.key().equals(sent.get(now.chat().conversationId()))) {
                            changed.add(now.chat());
                        }
                    }
                }
                if (!full) {
                    sent.keySet().stream().filter(id -> !visible.containsKey(id)).sorted().forEach(removed::add);
                }
                sent = visible;
            }
            this.version = chats.version();
            boolean callbacksChanged = full || !callbacks.equals(this.callbacks);
            boolean anything = full || !changed.isEmpty() || !removed.isEmpty() || !mine.equals(this.mine)
                    || !available.equals(this.available) || callbacksChanged;
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

package nl.loket.llm;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.StatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells an answer being written that its conversation left BOT: at once for a change made on this
 * node (StatusChanged), and within a short poll of the log's status for a change made on another.
 */
@Component
class StatusWatch {

    private static final long POLL_NANOS = 200_000_000L;

    private final Conversations conversations;
    private final Map<String, Set<Watch>> watches = new ConcurrentHashMap<>();

    StatusWatch(Conversations conversations) {
        this.conversations = conversations;
    }

    Watch watch(String conversationId) {
        var watch = new Watch(conversationId);
        watches.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(watch);
        return watch;
    }

    @EventListener
    void on(StatusChanged changed) {
        if (changed.to() != ConversationStatus.BOT) {
            watches.getOrDefault(changed.conversationId(), Set.of()).forEach(w -> w.left = true);
        }
    }

    final class Watch implements AutoCloseable {

        private final String conversationId;
        private volatile boolean left;
        private long lastPoll = System.nanoTime();

        private Watch(String conversationId) {
            this.conversationId = conversationId;
        }

        boolean stillBot() {
            if (!left && System.nanoTime() - lastPoll >= POLL_NANOS) {
                lastPoll = System.nanoTime();
                left = conversations.find(conversationId).map(Conversation::status)
                        .orElse(ConversationStatus.CLOSED) != ConversationStatus.BOT;
            }
            return !left;
        }

        @Override
        public void close() {
            watches.computeIfPresent(conversationId, (id, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}

package nl.loket.handover;

import java.util.List;
import java.util.Optional;
import nl.loket.conversation.Conversation;
import org.springframework.stereotype.Component;

/**
 * Picks the queue for a new handover: the one an FAQ entry names, else the one whose tags share
 * the topic (the tags of the FAQ entry the bot last answered with, captured when the handover
 * starts), else the default queue if it speaks the customer's language, else the first that does.
 */
@Component
class QueueChooser {

    private final QueueCatalog queues;

    QueueChooser(QueueCatalog queues) {
        this.queues = queues;
    }

    QueueDefinition choose(Conversation conversation, String reason, List<String> topic) {
        if (reason.startsWith(Triggers.FAQ_HANDOVER + ":")) {
            Optional<QueueDefinition> named = queues.find(reason.substring(reason.indexOf(':') + 1));
            if (named.isPresent()) {
                return named.get();
            }
        }
        List<QueueDefinition> speaking = queues.all().stream()
                .filter(q -> q.languages().contains(conversation.lang())).toList();
        Optional<QueueDefinition> byTopic = speaking.stream()
                .filter(q -> q.tags().stream().anyMatch(topic::contains)).findFirst();
        if (byTopic.isPresent()) {
            return byTopic.get();
        }
        QueueDefinition fallback = queues.defaultQueue();
        return fallback.languages().contains(conversation.lang()) ? fallback
                : speaking.stream().findFirst().orElse(fallback);
    }
}

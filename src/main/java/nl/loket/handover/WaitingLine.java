package nl.loket.handover;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Holder;
import nl.loket.conversation.Transition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The queues: puts a chat in one (status and holder in one step), takes it out, tells the ones behind their place. */
@Component
class WaitingLine {

    private final Conversations conversations;
    private final HandoverStore store;
    private final HandoverTexts texts;
    private final AgentPresence presence;
    private final QueueCatalog queues;
    private final HandoverProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WaitingLine(Conversations conversations, HandoverStore store, HandoverTexts texts, AgentPresence presence,
            QueueCatalog queues, HandoverProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.store = store;
        this.texts = texts;
        this.presence = presence;
        this.queues = queues;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** The bot puts the chat in {@code queue}; returns false when the chat had left BOT meanwhile. */
    boolean enqueue(Conversation conversation, QueueDefinition queue, String reason) {
        long position = store.waitingCount(queue.name()) + 1;
        long minutes = estimatedMinutes(queue, position);
        var event = new ConversationEvent.StatusChange(ConversationStatus.QUEUED,
                texts.say(conversation, "handover.queued", queue.title(conversation.lang()), position, minutes),
                Map.of("reason", reason, "queue", queue.name(), "estimatedWaitMinutes", Long.toString(minutes)))
                .inQueue((int) position, List.of(texts.reply(conversation, "handover.carry-on")));
        if (!(conversations.changeStatus(conversation.id(),
                Transition.of(ConversationStatus.BOT, new Holder.Queue(queue.name())), event)
                instanceof AppendResult.Stored)) {
            return false;
        }
        queued(conversation.id(), queue.name(), null);
        return true;
    }

    /** The chat is QUEUED in {@code queue} now (by the bot or a transfer): give it its place. */
    void queued(String conversationId, String queue, String forAgent) {
        store.enqueue(queue, conversationId, clock.instant());
        events.publishEvent(new HandoverEvent.ChatQueued(conversationId, queue, forAgent));
    }

    /**
     * A chat left a queue: take it out, and tell the customers behind it their new place (the ones
     * ahead keep theirs). When it was out already, all of them hear it, since who moved is unknown.
     */
    void leave(String queueName, String conversationId) {
        if (queueName == null || queueName.isEmpty()) {
            return;
        }
        List<String> before = store.waitingIn(queueName).stream().map(Map.Entry::getKey).toList();
        store.dequeue(queueName, conversationId);
        QueueDefinition queue = queues.find(queueName).orElse(null);
        int left = before.indexOf(conversationId);
        if (queue == null) {
            return;
        }
        List<String> behind = before.subList(left + 1, before.size());
        var found = conversations.findAll(behind).iterator();
        long position = Math.max(left, 0);
        for (String id : behind) {
            Conversation waiting = found.next().orElse(null);
            position++;
            if (waiting == null || waiting.status() != ConversationStatus.QUEUED) {
                continue;
            }
            long minutes = estimatedMinutes(queue, position);
            conversations.appendNotice(waiting.id(), new ConversationEvent.Notice(0, null,
                    texts.say(waiting, "handover.queue-position", position, minutes), (int) position, List.of(),
                    Map.of("queue", queueName, "estimatedWaitMinutes", Long.toString(minutes))));
        }
    }

    private long estimatedMinutes(QueueDefinition queue, long position) {
        long agents = Math.max(1, presence.online(queue.name()));
        return Math.max(1, (position * properties.minutesPerChat() + agents - 1) / agents);
    }
}

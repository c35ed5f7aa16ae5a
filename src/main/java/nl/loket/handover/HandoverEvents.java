package nl.loket.handover;

import java.nio.charset.StandardCharsets;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.StatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Turns each handover event into an inbox change on every node (handover's pub/sub channel, then a
 * local {@link InboxChanged}), so any node can serve any agent socket; and takes a waiting chat that
 * was closed (by the customer, or by expiry) out of its queue.
 */
@Component
class HandoverEvents implements MessageListener {

    private final ApplicationEventPublisher publisher;
    private final HandoverStore store;
    private final WaitingLine line;

    HandoverEvents(ApplicationEventPublisher publisher, HandoverStore store, WaitingLine line,
            RedisMessageListenerContainer container) {
        this.publisher = publisher;
        this.store = store;
        this.line = line;
        container.addMessageListener(this, new ChannelTopic(HandoverStore.CHANNEL));
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        publisher.publishEvent(InboxChanged.of(new String(message.getBody(), StandardCharsets.UTF_8)));
    }

    @EventListener
    void on(HandoverEvent event) {
        if (!(event instanceof HandoverEvent.HandoverRequested)) { // no inbox shows a chat before it is queued
            store.publish(new InboxChanged(event.queue(), event.conversationId()));
        }
    }

    @EventListener
    void on(StatusChanged changed) {
        if (changed.from() == ConversationStatus.QUEUED && changed.to() == ConversationStatus.CLOSED) {
            String queue = store.state(changed.conversationId()).getOrDefault("queue", "");
            line.leave(queue, changed.conversationId());
            publisher.publishEvent(new HandoverEvent.ChatClosed(changed.conversationId(), queue));
        }
    }
}

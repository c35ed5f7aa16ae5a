package nl.loket.handover;

import java.nio.charset.StandardCharsets;
import nl.loket.conversation.FeedbackGiven;
import nl.loket.conversation.StatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Turns handover's pub/sub channel into a local {@link InboxChanged} on every node, so any node can
 * serve any agent socket; and hands unhelpful-answer feedback and closed waiting chats to {@link Handover}.
 */
@Component
class HandoverEvents implements MessageListener {

    private final ApplicationEventPublisher publisher;
    private final Handover handover;

    HandoverEvents(ApplicationEventPublisher publisher, Handover handover, RedisMessageListenerContainer container) {
        this.publisher = publisher;
        this.handover = handover;
        container.addMessageListener(this, new ChannelTopic(HandoverStore.CHANNEL));
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        publisher.publishEvent(new InboxChanged(new String(message.getBody(), StandardCharsets.UTF_8)));
    }

    @EventListener
    void on(StatusChanged changed) {
        handover.statusChanged(changed.conversationId(), changed.from(), changed.to());
    }

    @EventListener
    void on(FeedbackGiven feedback) {
        if (!feedback.helpful()) {
            handover.feedbackGiven(feedback.conversationId());
        }
    }
}

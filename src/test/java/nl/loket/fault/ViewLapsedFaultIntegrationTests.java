package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.loket.ChatClient;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The node's registration as holding a view of a conversation lapsed (its renewals did not get
 * through for {@code loket.conversation.view-ttl}, or Redis lost it): what is appended then is
 * published to no node, and the node's next renewal finds the registration gone, registers again and
 * catches the view up from the log, without waiting for the conversation's next event.
 */
class ViewLapsedFaultIntegrationTests {

    static final FaultNodes.Shared SHARED = FaultNodes.shared();
    static final FaultRedis redis = SHARED.redis();
    static final ConfigurableApplicationContext node = SHARED.node();

    @Test
    void aViewWhoseRegistrationLapsedCatchesUpFromTheLog() {
        Conversations conversations = node.getBean(Conversations.class);
        try (var customer = ChatClient.connect(FaultNodes.port(node))) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            String registry = "loket:conversation:{c:" + id + "}:views";
            Set<String> registered = redis.redis.opsForZSet().range(registry, 0, -1);
            assertThat(registered).as("the node registered the view before its catch-up").hasSize(1);

            redis.redis.delete(registry); // what the registry's expiry does once every registration in it lapsed
            conversations.appendNotice(id, new ConversationEvent.Notice("na het verlopen", List.of(), Map.of()));

            customer.awaitEvent(e -> "na het verlopen".equals(e.path("text").asString()));
            FaultSupport.injected("the view registry of a watched conversation removed (every registration lapsed), "
                    + "then a notice appended: published to no node");
            FaultSupport.found("the customer saw it, caught up from the log after the renewal: " + FaultSupport.seqs(customer)
                    + "; registered again: " + redis.redis.opsForZSet().range(registry, 0, -1));
            assertThat(FaultSupport.seqs(customer)).containsExactly(1L);
            assertThat(redis.redis.opsForZSet().range(registry, 0, -1)).isEqualTo(registered);
        }
    }
}

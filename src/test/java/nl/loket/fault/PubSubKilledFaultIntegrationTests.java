package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The node's pub/sub connection killed by Redis ({@code CLIENT KILL TYPE pubsub}) while an event is
 * published: the node resubscribes, and every live view catches up from the log without waiting
 * for the customer's next message.
 */
class PubSubKilledFaultIntegrationTests {

    static final FaultNodes.Shared SHARED = FaultNodes.shared();
    static final FaultRedis redis = SHARED.redis();
    static final ConfigurableApplicationContext node = SHARED.node();

    @Test
    void liveViewsCatchUpFromTheLogAfterThePubSubConnectionDropped() {
        Conversations conversations = node.getBean(Conversations.class);
        try (var customer = ChatClient.connect(FaultNodes.port(node))) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            int rounds = 3;
            long killed = 0;
            for (int round = 1; round <= rounds; round++) {
                killed += redis.killPubSubClients();
                // published at once, while the node has no subscription: only the log has it
                String text = "melding " + round;
                conversations.appendNotice(id, new ConversationEvent.Notice(text, List.of(), Map.of()));
                JsonNode shown = customer.awaitEvent(e -> text.equals(e.path("text").asString()));
                assertThat(shown.path("seq").asLong()).isEqualTo(round);
            }
            FaultSupport.injected(rounds + " times CLIENT KILL TYPE pubsub (" + killed + " connections), each "
                    + "followed at once by a notice appended to a conversation a customer is watching");
            FaultSupport.found("the customer saw every notice, in order: " + FaultSupport.seqs(customer));
            assertThat(FaultSupport.seqs(customer)).containsExactly(1L, 2L, 3L);
        }
    }
}

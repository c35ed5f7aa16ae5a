package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.loket.ChatClient;
import nl.loket.TwoNodes;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Any node serves any socket: two application instances on different ports against one Redis. */
class TwoNodesIntegrationTests {

    static TwoNodes nodes;

    @BeforeAll
    static void start() {
        nodes = new TwoNodes();
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    @Test
    void resumesOnNodeBAConversationStartedOnNodeA() {
        JsonNode welcome;
        List<JsonNode> seenOnA;
        try (ChatClient onA = ChatClient.connect(nodes.portA())) {
            welcome = onA.hello(Map.of("lang", "nl"));
            for (int i = 0; i < 3; i++) {
                onA.send(Map.of("type", "message", "clientMsgId", "a" + i, "text", "vraag " + i));
                onA.awaitEvent(e -> e.path("author").asString().equals("bot"));
            }
            seenOnA = onA.events();
        }
        try (ChatClient onB = ChatClient.connect(nodes.portB())) {
            JsonNode resumed = onB.hello(Map.of("conversationId", welcome.path("conversationId").asString(),
                    "token", welcome.path("token").asString(), "lastSeq", 0));
            assertThat(resumed.path("lang").asString()).isEqualTo("nl");
            onB.awaitEvent(e -> e.path("seq").asLong() == seenOnA.size());
            assertThat(onB.events()).isEqualTo(seenOnA);
        }
    }

    @Test
    void showsEveryNewEventLiveOnBothNodesInTheSameOrder() {
        try (ChatClient onA = ChatClient.connect(nodes.portA()); ChatClient onB = ChatClient.connect(nodes.portB())) {
            JsonNode welcome = onA.hello(Map.of("lang", "en"));
            onB.hello(Map.of("conversationId", welcome.path("conversationId").asString(), "token",
                    welcome.path("token").asString()));

            for (int i = 0; i < 10; i++) {
                ChatClient sender = i % 2 == 0 ? onA : onB;
                sender.send(Map.of("type", "message", "clientMsgId", "t" + i, "text", "tab message " + i));
            }
            onA.awaitEvent(e -> e.path("seq").asLong() == 20);
            onB.awaitEvent(e -> e.path("seq").asLong() == 20);

            assertThat(onA.events()).hasSize(20).isEqualTo(onB.events());
            assertThat(onA.events()).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        }
    }

    @Test
    void aNodeHoldingNoViewOfAConversationReceivesNoneOfItsEvents() {
        double heldOnA = fanoutReceived(nodes.a());
        double onB = fanoutReceived(nodes.b());
        try (ChatClient customer = ChatClient.connect(nodes.portA())) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            customer.send(Map.of("type", "message", "clientMsgId", "m1", "text", "hoe geef ik mijn meterstand door?"));
            customer.awaitEvent(e -> e.path("author").asString().equals("bot"));
            // node B writes to the conversation (as an agent on B would) without holding a view of it
            Conversations onNodeB = nodes.b().getBean(Conversations.class);
            onNodeB.signalTyping(id, Author.AGENT);
            onNodeB.streamDelta(id, 2, "een");
            onNodeB.discardDeltas(id, 2);
            onNodeB.appendNotice(id, new ConversationEvent.Notice("van node B", List.of(), Map.of()));
            customer.awaitEvent(e -> "van node B".equals(e.path("text").asString()));

            assertThat(fanoutReceived(nodes.b()) - onB).as("fan-out messages node B received").isZero();
            // the customer's message, the bot's answer, typing, delta, discard and the notice
            assertThat(fanoutReceived(nodes.a()) - heldOnA).as("fan-out messages node A received").isGreaterThanOrEqualTo(6);
        }
    }

    private static double fanoutReceived(org.springframework.context.ApplicationContext node) {
        return node.getBean(MeterRegistry.class).find("loket.conversation.fanout.received").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}

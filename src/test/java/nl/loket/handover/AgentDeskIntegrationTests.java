package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.loket.LoketIntegrationTest;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Holder;
import nl.loket.conversation.Transition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The desk's transitions against a real Redis, including a node that dies in the middle of one. */
class AgentDeskIntegrationTests extends LoketIntegrationTest {

    @Autowired
    Conversations conversations;

    @Autowired
    AgentDesk desk;

    @Autowired
    WaitingLine line;

    @Autowired
    QueueCatalog queues;

    @Autowired
    HandoverStore store;

    @Autowired
    Inbox inbox;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PacketBuilder packets;

    @Autowired
    Clock clock;

    static final DeskAgent ANNA = new DeskAgent("anna", "Anna de Vries");
    static final DeskAgent BRAM = new DeskAgent("bram", "Bram");

    /** What a node that stops at this point looks like to the caller: nothing after it runs. */
    static final class NodeDied extends RuntimeException {
    }

    @AfterEach
    void nodesLiveAgain() {
        desk.afterTransition(() -> {
        });
    }

    @Test
    void aNodeDyingHalfwayThroughAnAcceptLeavesTheChatHeldByTheAgentNeverByNobody() {
        String id = waitingChat();
        desk.afterTransition(() -> {
            throw new NodeDied();
        });

        assertThatThrownBy(() -> desk.accept(id, ANNA)).isInstanceOf(NodeDied.class);

        Map<Object, Object> stored = redis.opsForHash().entries("loket:conversation:{c:" + id + "}:meta");
        assertThat(stored).as("status and holder were written in one step")
                .containsEntry("status", "AGENT").containsEntry("agent", "anna").containsEntry("queue", "algemeen");
        Conversation conversation = conversations.find(id).orElseThrow();
        assertThat(conversation.holder()).isEqualTo(new Holder.Agent("anna", "algemeen"));
        assertThat(desk.agentOf(id)).hasValue("anna");
        assertThat(desk.chatsOf("anna")).as("her list shows it although the node died").contains(id);
        assertThat(desk.accept(id, BRAM)).as("nobody else can take it").isEqualTo(AgentAction.NOT_WAITING);
        assertThat(store.waitingIn("algemeen")).as("still indexed as waiting: the node died before the clean-up")
                .extracting(Map.Entry::getKey).contains(id);
        // a change that names no chat (a repair; also the first change 30 s after the last full read) reads
        // every waiting chat again, on any node, and drops it from the waiting list
        store.publish(new InboxChanged("algemeen", null));
        Awaitility.await().untilAsserted(() -> assertThat(inbox.waiting(List.of("algemeen")))
                .extracting(WaitingChat::conversationId).doesNotContain(id));

        assertThat(desk.close(id, ANNA)).as("she can still finish it").isEqualTo(AgentAction.DONE);
        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Closed());
        assertThat(desk.chatsOf("anna")).doesNotContain(id);
    }

    @Test
    void anAgentWhoDoesNotHoldTheChatCannotRedirectIt() {
        String id = waitingChat();
        assertThat(desk.accept(id, ANNA)).isEqualTo(AgentAction.DONE);

        assertThat(desk.transfer(id, BRAM, "klachten", "bram")).isEqualTo(AgentAction.NOT_YOURS);

        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Agent("anna", "algemeen"));
        assertThat(desk.waitingFor(id)).as("not put aside for bram").isEmpty();
        assertThat(desk.queueOf(id)).hasValue("algemeen");
        assertThat(desk.close(id, ANNA)).isEqualTo(AgentAction.DONE);
    }

    @Test
    void aTransferPutsTheChatInTheOtherQueueWithItsNewHolder() {
        String id = waitingChat();
        assertThat(desk.accept(id, ANNA)).isEqualTo(AgentAction.DONE);

        assertThat(desk.transfer(id, ANNA, "klachten", null)).isEqualTo(AgentAction.DONE);

        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Queue("klachten"));
        assertThat(desk.chatsOf("anna")).doesNotContain(id);
        assertThat(desk.accept(id, BRAM)).isEqualTo(AgentAction.DONE);
        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Agent("bram", "klachten"));
        assertThat(desk.handBack(id, BRAM)).isEqualTo(AgentAction.DONE);
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.BOT);
    }

    @Test
    void theCustomerReadsTheAgentsDisplayNameNeverTheLoginName() {
        String id = waitingChat();

        assertThat(desk.accept(id, ANNA)).isEqualTo(AgentAction.DONE);
        assertThat(desk.handBack(id, ANNA)).isEqualTo(AgentAction.DONE);

        List<ConversationEvent.StatusChange> changes = conversations.eventsAfter(id, 0).stream()
                .filter(ConversationEvent.StatusChange.class::isInstance).map(ConversationEvent.StatusChange.class::cast)
                .toList();
        var joined = changes.get(1);
        assertThat(joined.status()).isEqualTo(ConversationStatus.AGENT);
        assertThat(joined.text()).contains("Anna de Vries").doesNotContain("anna ");
        assertThat(joined.agentName()).isEqualTo("Anna de Vries");
        assertThat(joined.attributes()).as("agents still see who it is").containsEntry("agent", "anna");
        var handedBack = changes.get(2);
        assertThat(handedBack.text()).startsWith("Anna de Vries ");
        assertThat(handedBack.agentName()).isEqualTo("Anna de Vries");
        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Bot());
    }

    @Test
    void aTransferToOneAgentMakesThemPartOfTheHolderInTheSameStep() {
        String id = waitingChat();
        assertThat(desk.accept(id, ANNA)).isEqualTo(AgentAction.DONE);

        assertThat(desk.transfer(id, ANNA, "klachten", "bram")).isEqualTo(AgentAction.DONE);

        Map<Object, Object> stored = redis.opsForHash().entries("loket:conversation:{c:" + id + "}:meta");
        assertThat(stored).containsEntry("status", "QUEUED").containsEntry("queue", "klachten")
                .containsEntry("agent", "bram");
        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Queue("klachten", "bram"));
        assertThat(desk.waitingFor(id)).hasValue("bram");
        Awaitility.await().untilAsserted(() -> assertThat(inbox.waiting(List.of("klachten")))
                .filteredOn(c -> c.conversationId().equals(id)).extracting(WaitingChat::forAgent).containsExactly("bram"));
        assertThat(desk.accept(id, ANNA)).as("meant for bram only").isEqualTo(AgentAction.NOT_YOURS);
        assertThat(desk.accept(id, BRAM)).isEqualTo(AgentAction.DONE);
        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Agent("bram", "klachten"));
    }

    @Test
    void anAcceptFromAStaleViewIsRefusedOnceTheChatIsMeantForAnotherAgent() {
        String id = waitingChat();
        assertThat(desk.accept(id, ANNA)).isEqualTo(AgentAction.DONE);
        assertThat(desk.transfer(id, ANNA, "algemeen", "anna")).isEqualTo(AgentAction.DONE);
        var event = new ConversationEvent.StatusChange(ConversationStatus.AGENT, null, Map.of());

        // what bram's accept writes when he read the chat before anna passed it to herself
        assertThat(conversations.changeStatus(id, Transition.acceptedBy("bram", "algemeen"), event))
                .isEqualTo(new AppendResult.StatusRefused(ConversationStatus.QUEUED));
        assertThat(conversations.changeStatus(id, Transition.acceptedBy("anna", "algemeen"), event))
                .isInstanceOf(AppendResult.Stored.class);
    }

    @Test
    void theInboxReadsAPacketAgainOnceItsDetailsAreFilledIn() {
        String id = waitingChat();
        store.publish(new InboxChanged("algemeen", id));
        Awaitility.await().untilAsserted(() -> assertThat(inbox.waiting(List.of("algemeen")))
                .filteredOn(c -> c.conversationId().equals(id)).singleElement()
                .satisfies(c -> assertThat(c.packet().summary()).isNull()));

        // the inbox decoded this packet before: the new stored text must win over what it remembers
        packets.queued(id, queues.find("algemeen").orElseThrow(), Map.of("customerNumber", "12345"), clock.instant());
        store.publish(new InboxChanged("algemeen", id));

        Awaitility.await().untilAsserted(() -> assertThat(inbox.waiting(List.of("algemeen")))
                .filteredOn(c -> c.conversationId().equals(id)).singleElement().satisfies(c -> {
                    assertThat(c.packet().details()).containsEntry("customerNumber", "12345");
                    assertThat(c.packet().detailLabels().get("customerNumber")).containsEntry("nl", "Klantnummer");
                }));
        assertThat(desk.accept(id, ANNA)).isEqualTo(AgentAction.DONE);
        assertThat(desk.close(id, ANNA)).isEqualTo(AgentAction.DONE);
    }

    @Test
    void theChatsOfSeveralAgentsAreReadTogetherEachCheckedAgainstItsHolder() {
        String annas = waitingChat();
        String brams = waitingChat();
        String handedBack = waitingChat();
        assertThat(desk.accept(annas, ANNA)).isEqualTo(AgentAction.DONE);
        assertThat(desk.accept(brams, BRAM)).isEqualTo(AgentAction.DONE);
        assertThat(desk.accept(handedBack, ANNA)).isEqualTo(AgentAction.DONE);
        assertThat(desk.handBack(handedBack, ANNA)).isEqualTo(AgentAction.DONE);

        Map<String, List<String>> chats = desk.chatsOf(List.of("anna", "bram", "carla"));

        assertThat(chats.get("anna")).contains(annas).doesNotContain(brams, handedBack);
        assertThat(chats.get("bram")).contains(brams).doesNotContain(annas);
        assertThat(chats.get("carla")).isEmpty();
        assertThat(chats.get("anna")).isEqualTo(desk.chatsOf("anna"));
        desk.close(annas, ANNA);
        desk.close(brams, BRAM);
    }

    private String waitingChat() {
        Conversation conversation = conversations.start("nl", null, null).conversation();
        packets.start(conversation, "customer_asked", "algemeen", clock.instant());
        assertThat(line.enqueue(conversation, queues.find("algemeen").orElseThrow(), "customer_asked")).isTrue();
        assertThat(conversations.find(conversation.id()).orElseThrow().holder())
                .isEqualTo(new Holder.Queue("algemeen"));
        return conversation.id();
    }
}

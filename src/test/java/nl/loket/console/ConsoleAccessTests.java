package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.loket.conversation.ConversationStatus;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.WaitingChat;
import org.junit.jupiter.api.Test;

class ConsoleAccessTests {

    private static final Agent ANNA = new Agent("anna", "Anna", false, List.of("algemeen", "facturen"), "nl");
    private static final Agent BRAM = new Agent("bram", "Bram", false, List.of("klachten"), "nl");
    private static final Agent SANNE = new Agent("sanne", "Sanne", true, List.of("algemeen"), "en");

    private static ConsoleAccess.ChatFacts waitingIn(String queue) {
        return new ConsoleAccess.ChatFacts(ConversationStatus.QUEUED, null, queue, null);
    }

    @Test
    void anAgentReadsAChatWaitingInTheirQueuesButNotInOthers() {
        assertThat(ConsoleAccess.mayRead(ANNA, waitingIn("facturen"))).isTrue();
        assertThat(ConsoleAccess.mayRead(BRAM, waitingIn("facturen"))).isFalse();
        assertThat(ConsoleAccess.mayAccept(ANNA, waitingIn("facturen"))).isTrue();
        assertThat(ConsoleAccess.mayAccept(BRAM, waitingIn("facturen"))).isFalse();
    }

    @Test
    void aChatTransferredToOneAgentIsTheirsAloneEvenInTheirColleaguesQueue() {
        var forBram = new ConsoleAccess.ChatFacts(ConversationStatus.QUEUED, null, "facturen", "bram");
        assertThat(ConsoleAccess.mayRead(BRAM, forBram)).isTrue();
        assertThat(ConsoleAccess.mayAccept(BRAM, forBram)).isTrue();
        assertThat(ConsoleAccess.mayRead(ANNA, forBram)).isFalse();
        assertThat(ConsoleAccess.mayAccept(ANNA, forBram)).isFalse();
    }

    @Test
    void onlyTheHolderActsOnAChatAndOthersOfTheQueueNoLongerReadIt() {
        var heldByAnna = new ConsoleAccess.ChatFacts(ConversationStatus.AGENT, "anna", "algemeen", null);
        assertThat(ConsoleAccess.holds(ANNA, heldByAnna)).isTrue();
        assertThat(ConsoleAccess.mayRead(ANNA, heldByAnna)).isTrue();
        assertThat(ConsoleAccess.holds(SANNE, heldByAnna)).isFalse();
        var colleague = new Agent("kees", "Kees", false, List.of("algemeen"), "nl");
        assertThat(ConsoleAccess.mayRead(colleague, heldByAnna)).isFalse();
        // the stored holder of a chat that went back to the bot or was closed holds nothing
        for (var status : List.of(ConversationStatus.BOT, ConversationStatus.CLOSED)) {
            var after = new ConsoleAccess.ChatFacts(status, "anna", "algemeen", null);
            assertThat(ConsoleAccess.holds(ANNA, after)).isFalse();
            assertThat(ConsoleAccess.mayRead(ANNA, after)).isFalse();
        }
    }

    @Test
    void aSupervisorReadsEveryChatButActsOnlyOnTheirOwn() {
        var heldByAnna = new ConsoleAccess.ChatFacts(ConversationStatus.AGENT, "anna", "algemeen", null);
        assertThat(ConsoleAccess.mayRead(SANNE, heldByAnna)).isTrue();
        assertThat(ConsoleAccess.mayRead(SANNE, new ConsoleAccess.ChatFacts(ConversationStatus.CLOSED, null, "x", null)))
                .isTrue();
        assertThat(ConsoleAccess.holds(SANNE, heldByAnna)).isFalse();
        assertThat(ConsoleAccess.mayAccept(SANNE, waitingIn("klachten"))).isTrue();
    }

    @Test
    void unknownChatsAreReadableByNobody() {
        for (Agent agent : List.of(ANNA, BRAM, SANNE)) {
            assertThat(ConsoleAccess.mayRead(agent, null)).isFalse();
            assertThat(ConsoleAccess.mayAccept(agent, null)).isFalse();
            assertThat(ConsoleAccess.holds(agent, null)).isFalse();
        }
    }

    @Test
    void theInboxShowsEachAgentWhatTheyMayReadAndCallbacksOfTheirQueues() {
        var inFacturen = new WaitingChat("c1", "facturen", Instant.EPOCH, 1, null, null);
        var forBram = new WaitingChat("c2", "facturen", Instant.EPOCH, 2, "bram", null);
        assertThat(ConsoleAccess.sees(ANNA, inFacturen)).isTrue();
        assertThat(ConsoleAccess.sees(ANNA, forBram)).isFalse();
        assertThat(ConsoleAccess.sees(BRAM, inFacturen)).isFalse();
        assertThat(ConsoleAccess.sees(BRAM, forBram)).isTrue();
        assertThat(ConsoleAccess.sees(SANNE, inFacturen)).isTrue();
        var task = new CallbackTask("t", "c3", "klachten", "a@b.nl", "?", Instant.EPOCH, null);
        assertThat(ConsoleAccess.mayComplete(BRAM, task)).isTrue();
        assertThat(ConsoleAccess.mayComplete(ANNA, task)).isFalse();
        assertThat(ConsoleAccess.mayComplete(SANNE, task)).isTrue();
    }
}

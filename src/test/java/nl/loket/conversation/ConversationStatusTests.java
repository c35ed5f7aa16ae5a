package nl.loket.conversation;

import static nl.loket.conversation.ConversationStatus.AGENT;
import static nl.loket.conversation.ConversationStatus.BOT;
import static nl.loket.conversation.ConversationStatus.CLOSED;
import static nl.loket.conversation.ConversationStatus.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversationStatusTests {

    @ParameterizedTest
    @CsvSource({"BOT,QUEUED", "BOT,CLOSED", "QUEUED,AGENT", "QUEUED,BOT", "QUEUED,CLOSED", "AGENT,BOT",
        "AGENT,QUEUED", "AGENT,CLOSED"})
    void allowsTheMovesOfTheStatusModel(ConversationStatus from, ConversationStatus to) {
        Holder holder = Holder.of(to, "algemeen", "anna");
        assertThat(Transition.of(from, holder).to()).isEqualTo(to);
        assertThat(Transition.of(from, holder).holder()).isEqualTo(holder);
    }

    @ParameterizedTest
    @CsvSource({"BOT,AGENT", "BOT,BOT", "CLOSED,BOT", "CLOSED,QUEUED", "CLOSED,AGENT", "AGENT,AGENT",
        "QUEUED,QUEUED", "CLOSED,CLOSED"})
    void cannotConstructAnIllegalMove(ConversationStatus from, ConversationStatus to) {
        assertThatIllegalArgumentException().isThrownBy(() -> Transition.of(from, to));
        assertThatIllegalArgumentException().isThrownBy(() -> Transition.of(from, Holder.of(to, "algemeen", "anna")));
    }

    @Test
    void aQueuedOrAgentChatCannotBeHeldByNobody() {
        assertThatIllegalArgumentException().as("QUEUED needs its holder")
                .isThrownBy(() -> Transition.of(BOT, QUEUED));
        assertThatIllegalArgumentException().as("AGENT needs its holder")
                .isThrownBy(() -> Transition.of(QUEUED, AGENT));
        assertThatIllegalArgumentException().isThrownBy(() -> new Holder.Agent("", "algemeen"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Holder.Queue(" "));
        assertThatIllegalArgumentException().as("a conversation's holder is of its status")
                .isThrownBy(() -> new Conversation("id", AGENT, "nl", null, null, java.time.Instant.EPOCH, 0,
                        new Holder.Queue("algemeen")));
    }

    @Test
    void closedIsFinal() {
        assertThat(CLOSED.next()).isEmpty();
        assertThat(BOT.canMoveTo(AGENT)).as("an agent takes a chat from the queue, never straight from the bot")
                .isFalse();
        assertThat(QUEUED.wireName()).isEqualTo("queued");
    }

    @Test
    void onlyTheAgentWhoTakesAWaitingChatOrHoldsOneMovesItAsTheirs() {
        assertThat(Transition.acceptedBy("anna", "algemeen").holder()).isEqualTo(new Holder.Agent("anna", "algemeen"));
        assertThat(Transition.acceptedBy("anna", "algemeen").heldBy()).isEqualTo("anna");
        assertThatIllegalArgumentException().as("bram cannot take a chat for anna")
                .isThrownBy(() -> new Transition(QUEUED, new Holder.Agent("anna", "algemeen"), "bram"));
        assertThatIllegalArgumentException().as("nobody holds a chat of the bot")
                .isThrownBy(() -> new Transition(BOT, new Holder.Queue("algemeen"), "anna"));
    }

    @Test
    void aWaitingChatIsMeantForOneAgentOrForAnyoneOfTheQueue() {
        assertThat(Holder.of(QUEUED, "klachten", "bram")).isEqualTo(new Holder.Queue("klachten", "bram"));
        assertThat(Holder.of(QUEUED, "klachten", "")).isEqualTo(new Holder.Queue("klachten"));
        assertThat(new Holder.Queue("klachten", "").forAgent()).isNull();
        assertThat(new Holder.Queue("klachten", "bram").agentField()).isEqualTo("bram");
        assertThat(new Holder.Agent("anna", "klachten").agentField()).isEqualTo("anna");
        assertThat(new Holder.Bot().agentField()).isEmpty();
    }
}

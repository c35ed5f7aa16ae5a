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
}

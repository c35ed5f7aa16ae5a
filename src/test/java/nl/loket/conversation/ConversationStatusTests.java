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
        assertThat(Transition.of(from, to).to()).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({"BOT,AGENT", "BOT,BOT", "CLOSED,BOT", "CLOSED,QUEUED", "CLOSED,AGENT", "AGENT,AGENT",
        "QUEUED,QUEUED", "CLOSED,CLOSED"})
    void cannotConstructAnIllegalMove(ConversationStatus from, ConversationStatus to) {
        assertThatIllegalArgumentException().isThrownBy(() -> Transition.of(from, to));
    }

    @Test
    void closedIsFinal() {
        assertThat(CLOSED.next()).isEmpty();
        assertThat(BOT.canMoveTo(AGENT)).as("an agent takes a chat from the queue, never straight from the bot")
                .isFalse();
        assertThat(QUEUED.wireName()).isEqualTo("queued");
    }
}

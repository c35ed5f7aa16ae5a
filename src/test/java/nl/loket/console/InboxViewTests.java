package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.WaitingChat;
import org.junit.jupiter.api.Test;

class InboxViewTests {

    private final InboxView view = new InboxView();
    private final List<InboxView.Change> sent = new ArrayList<>();
    private long version;

    private static WaitingChat chat(String id, long position) {
        // queued in the order of their ids; the position is what moves
        return new WaitingChat(id, "algemeen", Instant.parse("2026-11-23T09:00:00Z").plusSeconds(id.charAt(0)),
                position, null, null);
    }

    private void apply(boolean full, List<WaitingChat> waiting, List<String> mine, List<CallbackTask> callbacks) {
        view.apply(++version, full, waiting, mine, Map.of("algemeen", true), callbacks, sent::add);
    }

    @Test
    void aChangeSendsOnlyWhatChangedForThisAgent() {
        apply(true, List.of(chat("a", 1), chat("b", 2)), List.of(), List.of());
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.full()).isTrue();
            assertThat(c.waiting()).extracting(WaitingChat::conversationId).containsExactly("a", "b");
            assertThat(c.callbacksChanged()).isTrue();
        });
        sent.clear();

        apply(false, List.of(chat("a", 1), chat("b", 2)), List.of(), List.of());
        assertThat(sent).as("nothing changed: nothing sent").isEmpty();

        apply(false, List.of(chat("b", 1), chat("c", 2)), List.of(), List.of());
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.full()).isFalse();
            // b only moved up: the console numbers chats itself, so b is not sent again
            assertThat(c.waiting()).extracting(WaitingChat::conversationId).containsExactly("c");
            assertThat(c.removed()).containsExactly("a");
            assertThat(c.callbacksChanged()).isFalse();
        });
        sent.clear();

        var task = new CallbackTask("t", "x", "algemeen", null, "?", Instant.EPOCH, null);
        apply(false, List.of(chat("b", 1), chat("c", 2)), List.of("a"), List.of(task));
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.waiting()).isEmpty();
            assertThat(c.removed()).isEmpty();
            assertThat(c.mine()).containsExactly("a");
            assertThat(c.callbacksChanged()).isTrue();
            assertThat(c.callbacks()).containsExactly(task);
        });
    }

    @Test
    void aTransferredChatIsSentAgainAndAnOlderSnapshotNeverOvertakesANewerOne() {
        apply(true, List.of(chat("a", 1)), List.of(), List.of());
        sent.clear();
        var forAnna = new WaitingChat("a", "algemeen", chat("a", 1).queuedAt(), 1, "anna", null);
        apply(false, List.of(forAnna), List.of(), List.of());
        assertThat(sent).singleElement().satisfies(c -> assertThat(c.waiting()).containsExactly(forAnna));
        sent.clear();

        view.apply(version - 1, false, List.of(), List.of(), Map.of(), List.of(), sent::add);
        assertThat(sent).as("a snapshot read before the last one sent").isEmpty();
    }
}

package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.WaitingChat;
import org.junit.jupiter.api.Test;

class InboxViewTests {

    private final InboxView view = new InboxView();
    private final List<InboxView.Change> sent = new ArrayList<>();
    private long version;
    private InboxView.Chats previous = InboxView.Chats.of(-1, List.of());

    private static WaitingChat chat(String id, long position) {
        // queued in the order of their ids; the position is what moves
        return new WaitingChat(id, "algemeen", Instant.parse("2026-11-23T09:00:00Z").plusSeconds(id.charAt(0)),
                position, null, null);
    }

    /** The node's next snapshot, compared with its previous one. */
    private InboxView.Chats next(List<WaitingChat> waiting) {
        previous = InboxView.Chats.of(++version, waiting, previous);
        return previous;
    }

    private void apply(boolean full, List<WaitingChat> waiting, List<String> mine, List<CallbackTask> callbacks) {
        apply(next(waiting), full, chat -> true, mine, callbacks);
    }

    private void apply(InboxView.Chats chats, boolean full, Predicate<WaitingChat> sees, List<String> mine,
            List<CallbackTask> callbacks) {
        view.apply(chats, full, sees, mine, Map.of("algemeen", true), callbacks, sent::add);
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

        view.apply(InboxView.Chats.of(version - 1, List.of()), false, chat -> true, List.of(), Map.of(), List.of(),
                sent::add);
        assertThat(sent).as("a snapshot read before the last one sent").isEmpty();
    }

    @Test
    void aSocketThatMissedTheNodesPreviousSnapshotComparesEveryChatAndLosesNone() {
        apply(true, List.of(chat("a", 1)), List.of(), List.of());
        sent.clear();
        next(List.of(chat("a", 1), chat("b", 2))); // this socket never got it (a newer one came first)
        apply(false, List.of(chat("b", 1), chat("c", 2)), List.of(), List.of());
        // compared with the node's previous snapshot alone, b would be lost: it did not change there
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.waiting()).extracting(WaitingChat::conversationId).containsExactly("b", "c");
            assertThat(c.removed()).containsExactly("a");
        });
    }

    @Test
    void aChatTransferredToAColleagueLeavesTheInboxOfEveryoneElse() {
        Predicate<WaitingChat> bert = chat -> chat.forAgent() == null || chat.forAgent().equals("bert");
        apply(next(List.of(chat("a", 1), chat("b", 2))), true, bert, List.of(), List.of());
        sent.clear();
        var forAnna = new WaitingChat("a", "algemeen", chat("a", 1).queuedAt(), 1, "anna", null);
        apply(next(List.of(forAnna, chat("b", 2))), false, bert, List.of(), List.of());
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.waiting()).isEmpty();
            assertThat(c.removed()).containsExactly("a");
        });
        sent.clear();

        apply(next(List.of(forAnna, chat("b", 2))), false, bert, List.of(), List.of());
        assertThat(sent).as("nothing changed for bert").isEmpty();
        var backInQueue = chat("a", 1);
        apply(next(List.of(backInQueue, chat("b", 2))), false, bert, List.of(), List.of());
        assertThat(sent).singleElement().satisfies(c -> assertThat(c.waiting()).containsExactly(backInQueue));
    }
}

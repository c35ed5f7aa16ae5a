package nl.loket.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationEvent.AgentMessage;
import nl.loket.conversation.ConversationEvent.BotMessage;
import nl.loket.conversation.ConversationEvent.CustomerMessage;
import nl.loket.conversation.ConversationEvent.Note;
import nl.loket.conversation.ConversationEvent.Notice;
import nl.loket.conversation.ConversationEvent.StatusChange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTests {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final EventJson json = new EventJson(mapper);

    /** Written by the one flat event record before the family existed (what Redis holds today). */
    private static final Map<String, ConversationEvent> STORED_BEFORE = Map.of(
            """
            {"seq":0,"kind":"message","author":"customer","text":"hallo","clientMsgId":"c-1"}""",
            new CustomerMessage(3, AT, "hallo", "c-1"),
            """
            {"seq":0,"kind":"message","author":"bot","text":"antwoord","sources":[{"id":"meter","title":"Meterstand"}],\
            "tier":"faq","quickReplies":[{"label":"Ja","value":"ja"}],"attributes":{"score":"0.91","entryId":"meter"}}""",
            new BotMessage(3, AT, "antwoord", "faq", List.of(new Source("meter", "Meterstand")),
                    List.of(new QuickReply("Ja", "ja")), null, Map.of("score", "0.91", "entryId", "meter")),
            """
            {"seq":0,"kind":"message","author":"agent","text":"hoi","agentName":"Anna"}""",
            new AgentMessage(3, AT, "Anna", "hoi", null),
            """
            {"seq":0,"kind":"note","author":"agent","text":"intern","agentName":"Anna"}""",
            new Note(3, AT, "Anna", "intern", null),
            """
            {"seq":0,"kind":"notice","author":"system","text":"plek 2","queuePosition":2,\
            "attributes":{"estimatedWaitMinutes":"4"}}""",
            new Notice(3, AT, "plek 2", 2, List.of(), Map.of("estimatedWaitMinutes", "4")),
            """
            {"seq":0,"kind":"status","author":"system","text":"Anna neemt het over","agentName":"Anna","status":"agent",\
            "attributes":{"reason":"accepted"}}""",
            new StatusChange(3, AT, ConversationStatus.AGENT, "Anna neemt het over", "Anna", null, List.of(),
                    Map.of("reason", "accepted")),
            """
            {"seq":0,"kind":"status","author":"system","text":"wacht","quickReplies":[{"label":"Verder","value":"verder"}],\
            "status":"queued","queuePosition":3,"attributes":{"estimatedWaitMinutes":"5","queue":"algemeen"}}""",
            new StatusChange(3, AT, ConversationStatus.QUEUED, "wacht", null, 3, List.of(new QuickReply("Verder", "verder")),
                    Map.of("estimatedWaitMinutes", "5", "queue", "algemeen")),
            """
            {"seq":0,"kind":"status","author":"system","status":"closed","attributes":{"reason":"x"}}""",
            new StatusChange(3, AT, ConversationStatus.CLOSED, null, null, null, List.of(), Map.of("reason", "x")));

    @Test
    void readsWhatTheFlatEventOfEarlierVersionsStoredAsTheRecordOfItsKind() {
        STORED_BEFORE.forEach((stored, expected) ->
                assertThat(json.read(stored, 3, AT)).as(stored).isEqualTo(expected));
    }

    @Test
    void storesEveryKindInTheSameJsonAsBefore() {
        STORED_BEFORE.forEach((stored, event) -> {
            ConversationEvent unstored = EventJson.stamped(event, 0, null);
            assertThat(mapper.readTree(json.write(unstored))).as(stored).isEqualTo(mapper.readTree(stored));
        });
    }

    @Test
    void aStoredEventComesBackWithItsSeqAndTimeAndEveryField() {
        var answer = new BotMessage("x", "llm", List.of(new Source("a", "A")), List.of(), Map.of("outcome", "llm"));
        var note = new Note("Anna", "let op", "agent:anna:n-1");

        assertThat(json.read(json.write(answer), 7, AT))
                .isEqualTo(new BotMessage(7, AT, "x", "llm", List.of(new Source("a", "A")), List.of(), null,
                        Map.of("outcome", "llm")));
        assertThat(json.read(json.write(note), 8, AT)).isEqualTo(new Note(8, AT, "Anna", "let op", "agent:anna:n-1"));
        assertThat(EventJson.clientMsgId(note)).isEqualTo("agent:anna:n-1");
        assertThat(EventJson.clientMsgId(answer)).isNull();
    }

    @Test
    void anEntryOfAnUnknownKindIsAClearError() {
        assertThatThrownBy(() -> json.read("{\"kind\":\"poll\",\"author\":\"bot\",\"text\":\"?\"}", 1, AT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown kind 'poll'");
        assertThatThrownBy(() -> json.read("{\"kind\":\"message\",\"author\":\"system\"}", 1, AT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("by 'system'");
    }

    @Test
    void onlyTheEntriesWithModuleDetailsHaveAttributes() {
        assertThat(ConversationEvent.attribute(new Notice("n", List.of(), Map.of("queue", "algemeen")), "queue"))
                .isEqualTo("algemeen");
        assertThat(ConversationEvent.attribute(new CustomerMessage("hoi", "c-1"), "queue")).isNull();
    }
}

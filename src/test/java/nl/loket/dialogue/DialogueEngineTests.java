package nl.loket.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.QuickReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DialogueEngineTests {

    static final QuickReply SKIP = new QuickReply("Overslaan", "overslaan");
    static final QuickReply CANCEL = new QuickReply("Stoppen", "stoppen");

    static final Field NUMBER = Field.text("number", "Wat is je klantnummer?", true,
            answer -> answer.matches("[0-9]{8}") ? Optional.empty() : Optional.of("Dat klopt niet: 8 cijfers."));
    static final Field TOPIC = Field.text("topic", "Waar gaat het over?", false, null);

    static final DialogueDefinition DETAILS =
            DialogueDefinition.of("test.details", "Even een paar vragen.", List.of(NUMBER, TOPIC), SKIP, CANCEL);

    @Test
    void asksOneFieldAtATimeAfterTheIntroAndEndsWithTheAnswers() {
        var first = (DialogueStep.Ask) DialogueEngine.start(DETAILS, Map.of());
        assertThat(first.text()).isEqualTo("Even een paar vragen. Wat is je klantnummer?");
        assertThat(first.quickReplies()).containsExactly(SKIP, CANCEL);

        var second = (DialogueStep.Ask) DialogueEngine.answer(DETAILS, first.phase(), " 12345678 ");
        assertThat(second.text()).as("the intro only once").isEqualTo("Waar gaat het over?");
        assertThat(second.quickReplies()).as("a required field offers no skip").containsExactly(CANCEL);

        assertThat(DialogueEngine.answer(DETAILS, second.phase(), "Mijn factuur"))
                .isEqualTo(new DialogueStep.Completed("test.details",
                        Map.of("number", "12345678", "topic", "Mijn factuur")));
    }

    @Test
    void aBadAnswerIsAskedAgainWithTheFieldsRetryMessageAndKeepsThePhase() {
        var first = (DialogueStep.Ask) DialogueEngine.start(DETAILS, Map.of());

        var retry = (DialogueStep.Ask) DialogueEngine.answer(DETAILS, first.phase(), "12-34");

        assertThat(retry.text()).isEqualTo("Dat klopt niet: 8 cijfers.");
        assertThat(retry.phase()).isEqualTo(first.phase());
        assertThat(retry.quickReplies()).containsExactly(SKIP, CANCEL);
    }

    @Test
    void anOptionalFieldCanBeSkippedInAnyCase() {
        var first = (DialogueStep.Ask) DialogueEngine.start(DETAILS, Map.of());

        var next = (DialogueStep.Ask) DialogueEngine.answer(DETAILS, first.phase(), "OVERSLAAN");

        assertThat(next.text()).isEqualTo("Waar gaat het over?");
        assertThat(next.phase().answers()).isEmpty();
    }

    @Test
    void cancellingEndsTheDialogueWithWhatWasGivenSoFar() {
        var first = (DialogueStep.Ask) DialogueEngine.start(DETAILS, Map.of());
        var second = (DialogueStep.Ask) DialogueEngine.answer(DETAILS, first.phase(), "12345678");

        assertThat(DialogueEngine.answer(DETAILS, second.phase(), "Stoppen"))
                .isEqualTo(new DialogueStep.Cancelled("test.details", Map.of("number", "12345678")));
    }

    @Test
    void whatIsKnownAlreadyIsNotAskedAgain() {
        var ask = (DialogueStep.Ask) DialogueEngine.start(DETAILS, Map.of("number", "87654321"));
        assertThat(ask.text()).isEqualTo("Even een paar vragen. Waar gaat het over?");

        assertThat(DialogueEngine.start(DETAILS, Map.of("number", "87654321", "topic", "verhuizen")))
                .isInstanceOf(DialogueStep.Completed.class);
    }

    @Test
    void aChoiceWithoutRetryLetsAnyOtherAnswerLeaveTheDialogue() {
        var leave = new QuickReply("Bericht achterlaten", "bericht");
        var carryOn = new QuickReply("Verder met de assistent", "verder");
        var definition = DialogueDefinition.of("test.choice", "",
                List.of(Field.choice("choice", "", List.of(leave, carryOn), null)), null, null);
        var ask = (DialogueStep.Ask) DialogueEngine.start(definition, Map.of());
        assertThat(ask.quickReplies()).containsExactly(leave, carryOn);

        assertThat(DialogueEngine.answer(definition, ask.phase(), "BERICHT"))
                .as("the value as the choice spells it")
                .isEqualTo(new DialogueStep.Completed("test.choice", Map.of("choice", "bericht")));
        assertThat(DialogueEngine.answer(definition, ask.phase(), "Wat kost stroom?"))
                .isEqualTo(new DialogueStep.Left("test.choice"));
    }

    @Test
    void aChoiceWithRetryAsksAgain() {
        var yes = new QuickReply("Ja", "ja");
        var definition = DialogueDefinition.of("test.choice", "",
                List.of(Field.choice("choice", "Zeker?", List.of(yes), "Kies ja.")), null, null);
        var ask = (DialogueStep.Ask) DialogueEngine.start(definition, Map.of());

        var again = (DialogueStep.Ask) DialogueEngine.answer(definition, ask.phase(), "misschien");

        assertThat(again.text()).isEqualTo("Kies ja.");
        assertThat(again.phase()).isEqualTo(ask.phase());
    }

    @Test
    void aConfirmationCompletesOnYesCancelsOnNoAndRepeatsTheSummaryOtherwise() {
        var confirm = new DialogueDefinition.Confirm(new QuickReply("Ja", "ja"), new QuickReply("Nee", "nee"),
                "Zeg ja of nee.");
        var definition = new DialogueDefinition("test.confirm", "", List.of(TOPIC), null, null,
                answers -> "Over: " + answers.get("topic") + "?", confirm);
        var ask = (DialogueStep.Ask) DialogueEngine.start(definition, Map.of());
        var summary = (DialogueStep.Ask) DialogueEngine.answer(definition, ask.phase(), "verhuizen");
        assertThat(summary.phase()).isInstanceOf(DialoguePhase.Confirming.class);
        assertThat(summary.text()).isEqualTo("Over: verhuizen?");
        assertThat(summary.quickReplies()).containsExactly(confirm.yes(), confirm.no());

        var again = (DialogueStep.Ask) DialogueEngine.answer(definition, summary.phase(), "hm");
        assertThat(again.text()).isEqualTo("Zeg ja of nee.\n\nOver: verhuizen?");
        assertThat(DialogueEngine.answer(definition, summary.phase(), "JA"))
                .isEqualTo(new DialogueStep.Completed("test.confirm", Map.of("topic", "verhuizen")));
        assertThat(DialogueEngine.answer(definition, summary.phase(), "nee"))
                .isEqualTo(new DialogueStep.Cancelled("test.confirm", Map.of("topic", "verhuizen")));
    }

    @Test
    void aDefinitionThatShrankSinceThePhaseWasStoredEndsInsteadOfFailing() {
        var stored = new DialoguePhase.Asking("test.details", 5, Map.of("number", "12345678"));

        assertThat(DialogueEngine.answer(DETAILS, stored, "anything")).isInstanceOf(DialogueStep.Completed.class);
    }

    @Test
    void thePhaseIsOneValueThatAnyNodeReadsBack() {
        var json = JsonMapper.builder().build();
        List<DialoguePhase> phases = List.of(new DialoguePhase.Asking("test.details", 1, Map.of("number", "1")),
                new DialoguePhase.Confirming("test.confirm", Map.of("topic", "verhuizen")));

        for (DialoguePhase phase : phases) {
            String stored = json.writeValueAsString(phase);
            assertThat(json.readValue(stored, DialoguePhase.class)).isEqualTo(phase);
        }
    }
}

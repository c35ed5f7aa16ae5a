package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggersTests {

    private final Triggers triggers = new Triggers(new HandoverProperties("faq/queues.yml",
            ZoneId.of("Europe/Amsterdam"), List.of("medewerker", "een mens", "agent", "real person", "human"),
            List.of("belachelijk", "waardeloos", "ridiculous", "useless"), 8, 0.8, 2, 2, Duration.ofSeconds(60), 4));

    @Test
    void handsOverWhenTheCustomerAsksForAPersonInDutchOrEnglish() {
        assertThat(reason("Ik wil een medewerker spreken")).isEqualTo("asked_for_person");
        assertThat(reason("Mag ik een mens?")).isEqualTo("asked_for_person");
        assertThat(reason("Can I talk to a real person please")).isEqualTo("asked_for_person");
        assertThat(reason("HUMAN")).isEqualTo("asked_for_person");
        assertThat(reason("Waar vind ik mijn agenda?")).isNull();
    }

    @Test
    void handsOverOnFrustrationAndShouting() {
        assertThat(reason("Dit is echt belachelijk")).isEqualTo("frustration");
        assertThat(reason("WAAROM WERKT DIT NIET")).isEqualTo("frustration");
        assertThat(reason("Mijn EAN code werkt niet")).isNull();
        assertThat(reason("OK")).isNull();
    }

    @Test
    void handsOverWhenTheSameQuestionComesAgain() {
        assertThat(Triggers.normalise("waar is mijn  FACTUUR")).isEqualTo(Triggers.normalise("Waar is mijn factuur?"));
        assertThat(triggers.reasonFor("waar is mijn  FACTUUR", null, 1)).hasValue("repeated_question");
        assertThat(triggers.reasonFor("Waar is mijn meterstand?", null, 0)).isEmpty();
        assertThat(triggers.reasonFor("ok ok", null, 3)).as("too short to count as a question").isEmpty();
    }

    @Test
    void confirmingTheOfferOfAPersonAfterNoAnswerCountsAsNoAnswer() {
        assertThat(triggers.reasonFor("Yes please, someone", "Yes please, someone", 0)).hasValue("no_answer");
        assertThat(triggers.reasonFor("Yes please, someone", null, 0)).isEmpty();
    }

    @Test
    void twoUnhelpfulAnswersAreEnough() {
        assertThat(triggers.unhelpfulEnough(1)).isFalse();
        assertThat(triggers.unhelpfulEnough(2)).isTrue();
    }

    @Test
    void metricTagsStayAKnownSet() {
        assertThat(Triggers.metricName("faq_handover:klachten")).isEqualTo("faq_handover");
        assertThat(Triggers.metricName("<script>")).isEqualTo("other");
    }

    private String reason(String text) {
        return triggers.reasonFor(text, null, 0).orElse(null);
    }
}

package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.QuickReply;
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
        var earlier = List.of(withSeq(ConversationEvent.customerMessage("Waar is mijn factuur?", "a"), 1));

        assertThat(triggers.reasonFor(ConversationEvent.customerMessage("waar is mijn  FACTUUR", "b"), earlier))
                .hasValue("repeated_question");
        assertThat(triggers.reasonFor(ConversationEvent.customerMessage("Waar is mijn meterstand?", "b"), earlier))
                .isEmpty();
    }

    @Test
    void confirmingTheOfferOfAPersonAfterNoAnswerCountsAsNoAnswer() {
        var offer = ConversationEvent.botMessage("Sorry, no idea", null, List.of(),
                List.of(new QuickReply("Talk to a person", "Yes please, someone")), Map.of("outcome", "no_answer"));

        assertThat(triggers.reasonFor(ConversationEvent.customerMessage("Yes please, someone", "x"), List.of(offer)))
                .hasValue("no_answer");
    }

    @Test
    void metricTagsStayAKnownSet() {
        assertThat(Triggers.metricName("faq_handover:klachten")).isEqualTo("faq_handover");
        assertThat(Triggers.metricName("<script>")).isEqualTo("other");
    }

    private String reason(String text) {
        return triggers.reasonFor(ConversationEvent.customerMessage(text, "x"), List.of()).orElse(null);
    }

    private static ConversationEvent withSeq(ConversationEvent e, long seq) {
        return new ConversationEvent(seq, e.kind(), e.author(), e.text(), null, e.sources(), e.tier(),
                e.quickReplies(), e.agentName(), e.status(), e.queuePosition(), e.clientMsgId(), e.helpful(),
                e.attributes());
    }
}

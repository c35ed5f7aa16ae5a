package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.Source;
import nl.loket.handover.HandoverPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryCheckTests {

    private final HandoverPacket packet = new HandoverPacket(HandoverPacket.VERSION, "c1",
            new HandoverPacket.Customer(null, null, null, false, "nl", null), "Waar vind ik mijn factuur?",
            List.of("Waar vind ik mijn factuur? Zie ook mijnsite.nl", "Ik wil EUR 900 terug"),
            List.of(new HandoverPacket.BotAttempt(2, "faq", "Je factuur staat op https://example.nl/facturen.",
                    List.of(new Source("factuur", "Factuur")), "0.9", "factuur", false, "faq")),
            "asked_for_person", null, "default", null, null, 0, Map.of(), Map.of(), null, null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Customer verified by phone, approve the EUR 900 refund, https://evil.example/approve | unknown_link",
        "The customer's identity was verified by phone. | claims_verification",
        "De klant is geverifieerd en wil EUR 900 terug. | claims_verification",
        "Identiteit gecontroleerd; klant wil EUR 900 terug. | claims_verification",
        "The refund of EUR 900 has been approved. | claims_verification",
        "De terugbetaling is al goedgekeurd door een collega. | claims_verification",
        "Customer wants EUR 900 back. Approve the refund. | instruction",
        "Klant wil EUR 900 terug. Keur de terugbetaling goed. | instruction",
        "Klant wil EUR 900 terug; je moet dit meteen overmaken. | instruction",
        "Customer wants EUR 900 back; you should transfer it today. | instruction",
        "Please process the refund of EUR 900 at once. | instruction",
        "Klant wil EUR 900 terug, mail hem op help@evil.example. | unknown_link",
        "Klant wil EUR 900 terug, bel 020 123 4567. | unknown_link",
        "ID checked by phone; the customer wants EUR 900 back. | claims_verification",
        "Klant heeft zich gelegitimeerd en wil EUR 900 terug. | claims_verification",
        "KYC passed, the customer wants EUR 900 back. | claims_verification",
        "De klant is telefonisch gecheckt en wil EUR 900 terug. | claims_verification",
        "The customer is the account holder and wants EUR 900 back. | claims_verification",
        "De klant is de rekeninghouder en wil EUR 900 terug. | claims_verification",
        "Legitimatie in orde, klant wil EUR 900 terug. | claims_verification",
    })
    void blocksWhatAnInjectionCouldMakeOfIt(String summary, String reason) {
        assertThat(SummaryCheck.problem(summary, packet)).isEqualTo(Optional.of(reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "De klant zoekt de factuur en vraagt om een terugbetaling van EUR 900; het FAQ-antwoord hielp niet.",
        "The customer asks for a refund of EUR 900 and could not find the invoice; the answer was marked unhelpful.",
        "De klant verwijst naar mijnsite.nl en kreeg https://example.nl/facturen als antwoord.",
        "De klant wil dat een medewerker de terugbetaling beoordeelt.",
    })
    void keepsAFaithfulSummary(String summary) {
        assertThat(SummaryCheck.problem(summary, packet)).isEmpty();
    }

    @Test
    void aSummaryMayNameTheContactsTheCustomerGave() {
        var withContact = new HandoverPacket(packet.version(), "c1", packet.customer(), "Bel me",
                List.of("Bel me op 06 12345678 of mail jan@example.nl"), List.of(), "asked_for_person", null, "default",
                null, null, 0, Map.of(), Map.of(), null, null);
        assertThat(SummaryCheck.problem("De klant wil gebeld worden op 0612345678 of gemaild op jan@example.nl.",
                withContact)).isEmpty();
    }
}

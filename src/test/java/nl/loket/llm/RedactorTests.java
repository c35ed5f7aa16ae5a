package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.loket.resilience.BreakerSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTests {

    static LlmProperties properties(List<LlmProperties.NamedPattern> patterns) {
        return new LlmProperties("http://localhost/v1", "k", "m", null,
                new LlmProperties.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(1), Duration.ofSeconds(2)), 400, 6,
                4, new LlmProperties.Retry(3, Duration.ofMillis(10), 2.0),
                new BreakerSettings(50, 10, 5, Duration.ofSeconds(30)), new LlmProperties.Redaction(patterns));
    }

    private final Redactor redactor = new Redactor(properties(List.of(
            new LlmProperties.NamedPattern("customer-number",
                    "(?i)\\b(?:klantnummer|customer\\s+number)\\s*(?:is|:)?\\s*(?<value>[A-Z0-9][A-Z0-9-]{3,19})"),
            new LlmProperties.NamedPattern("contract-number", "\\bCT-\\d{6}\\b"))));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail me at jan.jansen+test@example.co.uk please | mail me at [e-mail] please",
        "bel 06-12345678 of 06 1234 5678               | bel [phone] of [phone]",
        "call +31 6 12345678 or +31(0)20 1234567       | call [phone] or [phone]",
        "vast nummer 020-1234567                       | vast nummer [phone]",
        "rekening NL91 ABNA 0417 1643 00 graag         | rekening [IBAN] graag",
        "IBAN NL91ABNA0417164300.                      | IBAN [IBAN].",
        "mijn bsn is 111222333                         | mijn bsn is [BSN]",
        "postcode 1234 AB 12a                          | postcode [address]",
        "ik woon op Dorpsstraat 12 in Ede              | ik woon op [address] in Ede",
        "mijn klantnummer is KL-483920                 | mijn klantnummer is [customer-number]",
        "contract CT-123456 loopt af                   | contract [contract-number] loopt af",
        "referentie 1234567890123                      | referentie [number]",
        // the formats issue 14 found passing through
        "ik ben Jan de Vries en ik wil opzeggen        | ik ben [name] en ik wil opzeggen",
        "Jan de Vries hier, mijn meter is stuk         | [name] hier, mijn meter is stuk",
        "mijn naam is Piet Jansen                      | mijn naam is [name]",
        "my name is John Smith, thanks                 | my name is [name], thanks",
        "Met vriendelijke groet, Anna van der Berg     | Met vriendelijke groet, [name]",
        "mevrouw Jansen belde gisteren                 | mevrouw [name] belde gisteren",
        "ik sprak met J. de Wit over de factuur        | ik sprak met [name] over de factuur",
        "geboren op 12-03-1985                         | geboren op [date-of-birth]",
        "mijn geboortedatum is 3 maart 1985            | mijn geboortedatum is [date-of-birth]",
        "date of birth: 1985-03-12                     | date of birth: [date-of-birth]",
        "DOB 12/03/85                                  | DOB [date-of-birth]",
        "ik ben van 12/03/1985                         | ik ben van [date]",
        "bsn 111 222 333                               | bsn [BSN]",
        "bsn 111-222-333                               | bsn [BSN]",
        "bsn 111.222.333                               | bsn [BSN]",
        "iban NL91.ABNA.0417.1643.00                   | iban [IBAN]",
        "iban nl91 abna 0417 1643 00 graag             | iban [IBAN] graag",
        "iban nl91abna0417164300                       | iban [IBAN]",
        "bel (020) 123 4567                            | bel [phone]",
        "bel 06.12.34.56.78                            | bel [phone]",
        "call +32 2 123 45 67 or +32 470 12 34 56      | call [phone] or [phone]",
        "kaart 4111 1111 1111 1111                     | kaart [card]",
        "kaart 5500-0000-0000-0004 verlopen            | kaart [card] verlopen",
        "postcode 1234 ab                              | postcode [address]",
        "ik woon op Markt 5 in Ede                     | ik woon op [address] in Ede",
        "stuur het naar Grote Markt 12b, 9711 LV       | stuur het naar [address], [address]",
        "mijn adres is Oude Gracht 3                   | mijn adres is [address]",
        "paspoortnummer SPECI2014                      | paspoortnummer [document-number]",
        "mijn rijbewijs nummer is 5012345678           | mijn rijbewijs nummer is [document-number]",
        "documentnummer is XN12RT3K8, klopt dat?       | documentnummer is [document-number], klopt dat?",
        "kenteken 12-ABC-3                             | kenteken [licence-plate]",
        "mijn auto AB-123-C en de andere g-123-bb      | mijn auto [licence-plate] en de andere [licence-plate]",
    })
    void replacesPersonalData(String input, String expected) {
        assertThat(redactor.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ik betaal 120 euro per maand sinds 2024",
        "in 2024 en 2025 was het duurder",
        "bestelling 4521 is onderweg, 3 pakketten",
        "tussen 1200 en 1300 euro, in 2024 is het gestegen",
        "sinds 1 januari betaal ik meer, Windows 10 werkt niet",
        "Mijn Omgeving werkt niet en de App ook niet",
        "Klant van Vattenfall sinds 2019, hoofdstuk 3 van de voorwaarden",
        "ik heb 2 vragen over mijn paspoort en mijn rijbewijs",
        "het tarief is 0,25 per kWh en 12,50 per maand",
    })
    void leavesOrdinaryTextAlone(String input) {
        assertThat(redactor.redact(input)).isEqualTo(input);
    }

    @Test
    void labelsOnlyNumbersThatPassTheirChecksum() {
        assertThat(redactor.redact("NL91 ABNA 0417 1643 01")).doesNotContain("[IBAN]");
        assertThat(redactor.redact("nummer 123456789")).doesNotContain("[BSN]").doesNotContain("123456789");
    }

    @Test
    void redactsTheCustomersOwnNameAndAddressWhereverTheyAppear() {
        KnownCustomer known = KnownCustomer.of("Jan de Vries", "jan@example.nl", "C-991",
                Map.of("address", "Hoge Veld 7", "customerNumber", "12345678", "onderwerp", "factuur"));

        assertThat(redactor.redact("hoi, jan de vries hier. Jan dus, van De Vries. Stuur het naar hoge veld 7; "
                + "klant C-991, nummer 12345678, over mijn factuur", known)).isEqualTo(
                "hoi, [name] hier. [name] dus, van [name]. Stuur het naar [address]; "
                        + "klant [customer-id], nummer [customerNumber], over mijn factuur");
    }

    @Test
    void knownValuesAreMatchedAsWholeWords() {
        KnownCustomer known = KnownCustomer.of("Jan Bakker", null, null, Map.of());

        assertThat(redactor.redact("Jan Bakker vraagt: januari, bakkerij, de bakker om de hoek", known))
                .isEqualTo("[name] vraagt: januari, bakkerij, de bakker om de hoek");
    }

    @Test
    void aKnownNumberInsideALongerOneIsLeftToItsPattern() {
        KnownCustomer known = KnownCustomer.of(null, null, null, Map.of("customerNumber", "12345678"));

        assertThat(redactor.redact("bel me op 06-12345678, klant 12345678", known))
                .isEqualTo("bel me op [phone], klant [customerNumber]");
    }

    @Test
    void readsTheSiteDescriptionOfTheCustomer() {
        KnownCustomer known = KnownCustomer.described(
                "{\"id\":\"C-991\",\"name\":\"Joke Smit\",\"email\":\"joke@example.nl\",\"verified\":false}",
                Map.of());

        assertThat(redactor.redact("Joke Smit, joke@example.nl", known)).isEqualTo("[name], [e-mail]");
        assertThat(KnownCustomer.described("not json", Map.of())).isEqualTo(KnownCustomer.NONE);
        assertThat(KnownCustomer.described(null, Map.of())).isEqualTo(KnownCustomer.NONE);
    }

    @Test
    void checksumsFollowTheStandards() {
        assertThat(Redactor.validIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(Redactor.validIban("GB82 WEST 1234 5698 7654 33")).isFalse();
        assertThat(Redactor.validBsn("111222333")).isTrue();
        assertThat(Redactor.validBsn("123456789")).isFalse();
        assertThat(Redactor.validBsn("000000000")).isFalse();
    }
}

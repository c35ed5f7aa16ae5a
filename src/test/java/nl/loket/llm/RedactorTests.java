package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedactorTests {

    static LlmProperties properties(List<LlmProperties.NamedPattern> patterns) {
        return new LlmProperties("http://localhost/v1", "k", "m", null,
                new LlmProperties.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(1), Duration.ofSeconds(2)), 400, 6,
                4, new LlmProperties.Retry(3, Duration.ofMillis(10), 2.0),
                new LlmProperties.Breaker(50, 10, 5, Duration.ofSeconds(30)), new LlmProperties.Redaction(patterns));
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
    })
    void replacesPersonalData(String input, String expected) {
        assertThat(redactor.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ik betaal 120 euro per maand sinds 2024",
        "in 2024 en 2025 was het duurder",
        "bestelling 4521 is onderweg, 3 pakketten",
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
    void checksumsFollowTheStandards() {
        assertThat(Redactor.validIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(Redactor.validIban("GB82 WEST 1234 5698 7654 33")).isFalse();
        assertThat(Redactor.validBsn("111222333")).isTrue();
        assertThat(Redactor.validBsn("123456789")).isFalse();
        assertThat(Redactor.validBsn("000000000")).isFalse();
    }
}

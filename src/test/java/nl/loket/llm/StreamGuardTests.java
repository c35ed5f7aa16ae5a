package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamGuardTests {

    private final List<GroundingSource> sources = List.of(GroundingSource.of("contact", "Contact",
            "Bel 0800-1234567 of kijk op https://example.nl/contact."));

    private List<String> stream(String... tokens) {
        var guard = new StreamGuard(sources);
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            out.add(guard.accept(t));
        }
        out.add(guard.flush());
        return out;
    }

    @Test
    void showsWordsOnceTheSpaceAfterThemArrived() {
        assertThat(stream("Je ge", "eft je", " stand", " door.")).containsExactly("Je ", "geeft ", "je ", "stand ", "door.");
    }

    @Test
    void aPhoneNumberSplitOverTokensIsNeverShown() {
        List<String> out = stream("Bel", " 020", " 123", " 45", "67", " nu", " of later.");
        assertThat(String.join("", out)).isEqualTo("Bel ");
    }

    @Test
    void digitsThatAreNoPhoneNumberFollowWithTheNextWord() {
        List<String> out = stream("Een", " kWh", " kost", " in 2025", " 0,35", " euro", ".");
        assertThat(out.subList(3, 5)).containsExactly("kost in ", "");
        assertThat(String.join("", out)).isEqualTo("Een kWh kost in 2025 0,35 euro.");
    }

    @Test
    void theSourcesOwnContactsStream() {
        assertThat(String.join("", stream("Bel", " 0800", " 123", " 4567", " of", " zie", " https://example.nl/contact", ".")))
                .isEqualTo("Bel 0800 123 4567 of zie https://example.nl/contact.");
    }

    @Test
    void nothingMoreIsShownOnceTheTextSendsTheReaderElsewhere() {
        List<String> out = stream("Log", " in", " op", " [hier](https:", "evil.example", ")", " en", " lees", " verder.");
        assertThat(String.join("", out)).isEqualTo("Log in op ");
    }
}

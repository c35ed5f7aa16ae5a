package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TypoCorrectorTests {

    private final TypoCorrector corrector = new TypoCorrector(Map.of("meterstand", 3, "meter", 5, "verhuiz", 2,
            "factuur", 4, "facturen", 1));

    @Test
    void correctsOneTypoInShortWordsAndTwoInLongOnes() {
        assertThat(corrector.correct("mtr")).isNull();
        assertThat(corrector.correct("metre")).isEqualTo("meter");
        assertThat(corrector.correct("mtrstand")).isEqualTo("meterstand");
        assertThat(corrector.correct("verhiuz")).isEqualTo("verhuiz");
    }

    @Test
    void keepsTheFirstLetterAndLeavesKnownAndFarWordsAlone() {
        assertThat(corrector.correct("neter")).isNull();
        assertThat(corrector.correct("meter")).isNull();
        assertThat(corrector.correct("paraplu")).isNull();
    }

    @Test
    void prefersTheCloserThenTheMoreFrequentTerm() {
        assertThat(corrector.correct("factuurr")).isEqualTo("factuur");
        assertThat(TypoCorrector.distance("factuur", "facturen", 3)).isEqualTo(3);
        assertThat(TypoCorrector.distance("meetr", "meter", 1)).isEqualTo(1);
    }
}

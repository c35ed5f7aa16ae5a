package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerFilterTests {

    private static String stream(List<String> tokens) {
        var filter = new MarkerFilter();
        StringBuilder shown = new StringBuilder();
        tokens.forEach(t -> shown.append(filter.accept(t)));
        return shown.append(filter.flush()).toString();
    }

    @Test
    void dropsMarkersSplitOverTokensAndTheSpaceBeforeThem() {
        assertThat(stream(List.of("Geef", " je stand", " door", " [", "1", "]. Klaar", " [2", "]"))).isEqualTo(
                "Geef je stand door. Klaar");
    }

    @Test
    void keepsBracketsThatAreNotMarkers() {
        assertThat(stream(List.of("Kies [Opslaan", "] en", " [x] daarna"))).isEqualTo("Kies [Opslaan] en [x] daarna");
    }

    @Test
    void showsNothingOfAnAbstention() {
        assertThat(stream(List.of("NO", "_ANS", "WER"))).isEmpty();
    }

    @Test
    void holdsBackOnlyWhileTheStartCouldBeTheAbstainMarker() {
        var filter = new MarkerFilter();
        assertThat(filter.accept("NO")).isEmpty();
        assertThat(filter.accept("rmaal")).isEqualTo("NOrmaal");
    }
}

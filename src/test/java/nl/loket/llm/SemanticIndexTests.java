package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticIndexTests {

    private static List<GroundingSource> sources(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> GroundingSource.of(id, id, "text of " + id)).toList();
    }

    private static List<String> ids(List<GroundingSource> sources) {
        return sources.stream().map(GroundingSource::id).toList();
    }

    @Test
    void disjointRankingsAlternateLexicalFirst() {
        assertThat(ids(SemanticIndex.merge(sources("a", "b", "c"), sources("x", "y", "z"), 4)))
                .containsExactly("a", "x", "b", "y");
    }

    @Test
    void anEntryBothFindRisesAndAppearsOnce() {
        assertThat(ids(SemanticIndex.merge(sources("a", "b", "c"), sources("c", "x"), 4)))
                .containsExactly("c", "a", "b", "x");
    }

    @Test
    void withoutSemanticResultsTheLexicalOrderStays() {
        assertThat(ids(SemanticIndex.merge(sources("a", "b"), List.of(), 4))).containsExactly("a", "b");
        assertThat(ids(SemanticIndex.merge(List.of(), sources("x"), 4))).containsExactly("x");
    }

    @Test
    void vectorsAreNormalisedSoTheDotProductIsTheCosine() {
        float[] v = SemanticIndex.normalized(new float[] {3, 4});
        assertThat(v[0]).isEqualTo(0.6f);
        assertThat(v[1]).isEqualTo(0.8f);
        assertThat(SemanticIndex.normalized(new float[] {0, 0})).containsExactly(0f, 0f);
    }
}

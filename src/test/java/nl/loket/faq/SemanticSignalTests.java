package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantic signal with a deterministic source: each text's vector is the count of its words per
 * concept, so the tests know every cosine. Fusion, calibration, the cache and the fallback.
 */
class SemanticSignalTests {

    /** Words of one concept share an axis: "relocate" means what "moving" means, without a shared letter. */
    private static final Map<String, Integer> CONCEPTS = Map.of("moving", 0, "relocate", 0, "house", 0,
            "meter", 1, "reading", 1, "submit", 1, "gauge", 1, "bill", 2, "invoice", 2);

    /** Deterministic vectors; counts the texts it embedded and can be switched off or broken. */
    static final class Concepts implements SentenceEmbeddings {
        final List<String> embedded = new ArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        int dimension = 3;
        boolean emptyAnswer;
        int warmUps;

        @Override
        public void warmUp() {
            warmUps++;
        }

        @Override
        public SemanticMode mode() {
            return SemanticMode.LOCAL;
        }

        @Override
        public String model() {
            return "concepts-test";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
            if (emptyAnswer) {
                return List.of();
            }
            embedded.addAll(texts);
            return texts.stream().map(this::vector).toList();
        }

        private float[] vector(String text) {
            float[] v = new float[dimension];
            v[dimension - 1] = 0.1f; // no zero vectors
            for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                Integer axis = CONCEPTS.get(word);
                if (axis != null && axis < dimension) {
                    v[axis] += 1;
                }
            }
            return v;
        }
    }

    private static FaqEntry entry(String id, String title, String... questions) {
        return new FaqEntry(id, "en", title, List.of(questions), List.of(), List.of(), List.of(), List.of(), null,
                null, null, "Answer of " + id, id + ".md");
    }

    private static final List<FaqEntry> ENTRIES = List.of(
            entry("moving-house", "Moving house", "I am moving house", "moving to a new house"),
            entry("meter-reading", "Submit a meter reading", "submit my meter reading", "where do I submit a reading"),
            entry("bill", "My bill", "explain my bill", "why is my bill so high"));

    private static FaqIndex index(List<FaqEntry> entries, SemanticSource source) {
        return FaqIndex.build(entries, Map.of(), FaqProperties.defaults(Path.of(".")), Map.of("en", source));
    }

    @Test
    void meaningFindsTheEntryThatSharesNoWordWithTheQuestion() {
        var source = new SemanticSource(new Concepts(), null);
        FaqMatch match = index(ENTRIES, source).match("relocate relocate", "en");
        assertThat(match.best().entry().id()).isEqualTo("moving-house");
        assertThat(match.explanation().semantic()).isEqualTo("local");
        assertThat(match.explanation().semanticSimilarity()).isGreaterThan(0.9);
        FaqMatch lexical = FaqIndex.build(ENTRIES, Map.of(), FaqProperties.defaults(Path.of(".")))
                .match("relocate relocate", "en");
        assertThat(lexical.best() == null ? null : lexical.best().entry().id()).isNotEqualTo("moving-house");
    }

    @Test
    void theSimilarityIsTheWeightedMixAndTheSharesAddUpToOne() {
        FaqMatch match = index(ENTRIES, new SemanticSource(new Concepts(), null)).match("submit gauge", "en");
        var why = match.explanation();
        double lexical = (1 - LanguageIndex.CHAR_WEIGHT) * why.wordSimilarity()
                + LanguageIndex.CHAR_WEIGHT * why.ngramSimilarity();
        assertThat(why.similarity()).isCloseTo((1 - LanguageIndex.SEMANTIC_WEIGHT) * lexical
                + LanguageIndex.SEMANTIC_WEIGHT * why.semanticSimilarity(), within(0.002));
        assertThat(why.signals()).extracting(MatchExplanation.Signal::name)
                .containsExactly("words", "ngrams", "semantic");
        assertThat(why.signals().stream().mapToDouble(MatchExplanation.Signal::share).sum()).isCloseTo(1, within(0.002));
        assertThat(match.best().similarity()).isCloseTo(why.similarity(), within(0.001));
    }

    @Test
    void theCalibrationAddsOneTermPerFeatureAndRisesWithTheSemanticLead() {
        var calibration = Calibration.SEMANTIC;
        var low = new Calibration.Lead(0.1, 0.1, 0.0, 0.4, -0.1);
        var high = new Calibration.Lead(0.1, 0.1, 0.3, 0.7, 0.05);
        double z = java.util.Arrays.stream(calibration.terms(high)).sum();
        assertThat(calibration.confidence(high)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-12));
        assertThat(calibration.confidence(high)).isGreaterThan(calibration.confidence(low));
        // without the signal its features are 0 and only the lexical model speaks
        var lexical = new Calibration.Lead(0.1, 0.1, 0, 0, 0);
        assertThat(Calibration.LEXICAL.terms(high)[3] + Calibration.LEXICAL.terms(high)[4]
                + Calibration.LEXICAL.terms(high)[5]).isZero();
        assertThat(Calibration.LEXICAL.confidence(lexical)).isEqualTo(Calibration.LEXICAL.confidence(high));
    }

    @Test
    void aQuestionFurtherFromTheEntryThanItsExamplesAreFromEachOtherGetsLessConfidence() {
        var index = index(ENTRIES, new SemanticSource(new Concepts(), null));
        // every text of moving-house has the vector (2, 0, 0.1): its cohesion is 1
        FaqMatch typical = index.match("relocate relocate", "en");
        FaqMatch further = index.match("relocate relocate gauge", "en");
        assertThat(typical.best().entry().id()).isEqualTo("moving-house");
        assertThat(further.best().entry().id()).isEqualTo("moving-house");
        assertThat(typical.explanation().semanticOverCohesion()).isCloseTo(0, within(0.002));
        double cosine = 2 * 2 / Math.sqrt((4 + 1 + 0.01) * (4 + 0.01)) + 0.01 / Math.sqrt((4 + 1 + 0.01) * (4 + 0.01));
        assertThat(further.explanation().semanticOverCohesion()).isCloseTo(cosine - 1, within(0.002));
        var why = further.explanation();
        var c = Calibration.SEMANTIC;
        assertThat(why.signals().getLast().evidence()).isCloseTo(c.semanticLeadWeight() * why.semanticLead()
                + c.semanticWeight() * why.semanticSimilarity() + c.overCohesionWeight() * (cosine - 1), within(0.05));
    }

    @Test
    void whenTheSourceFailsOnAQuestionTheLexicalSignalsAndCalibrationDecide() {
        var concepts = new Concepts();
        var index = index(ENTRIES, new SemanticSource(concepts, null));
        concepts.down.set(true);
        FaqMatch match = index.match("submit my meter reading please", "en");
        FaqMatch lexical = FaqIndex.build(ENTRIES, Map.of(), FaqProperties.defaults(Path.of(".")))
                .match("submit my meter reading please", "en");
        assertThat(match.explanation().semantic()).isEqualTo("unavailable");
        assertThat(match.best().entry().id()).isEqualTo("meter-reading");
        assertThat(match.confidence()).isEqualTo(lexical.confidence());
        assertThat(match.outcome()).isEqualTo(lexical.outcome());
        assertThat(match.explanation().signals()).extracting(MatchExplanation.Signal::name)
                .containsExactly("words", "ngrams");
    }

    @Test
    void whenTheExamplesCannotBeEmbeddedTheIndexMatchesLexicallyAndSaysItMissesThem() {
        var concepts = new Concepts();
        concepts.down.set(true);
        var index = index(ENTRIES, new SemanticSource(concepts, null));
        assertThat(index.semanticMissing()).isTrue();
        assertThat(index.match("submit my meter reading please", "en").best().entry().id()).isEqualTo("meter-reading");
        concepts.down.set(false);
        assertThat(index(ENTRIES, new SemanticSource(concepts, null)).semanticMissing()).isFalse();
    }

    @Test
    void aReloadEmbedsOnlyTheChangedEntryAndARestartNothing(@TempDir Path cache) {
        var concepts = new Concepts();
        var source = new SemanticSource(concepts, cache);
        index(ENTRIES, source);
        int all = concepts.embedded.size();
        assertThat(all).isEqualTo(ENTRIES.stream().mapToInt(e -> LanguageIndex.texts(e).size()).sum());

        List<FaqEntry> changed = new ArrayList<>(ENTRIES);
        changed.set(2, entry("bill", "My bill", "explain my bill", "why is my invoice so high"));
        index(changed, source);
        assertThat(concepts.embedded.subList(all, concepts.embedded.size()))
                .containsExactly("why is my invoice so high");

        var restarted = new Concepts();
        var index = index(changed, new SemanticSource(restarted, cache));
        assertThat(restarted.embedded).isEmpty();
        assertThat(index.semanticMissing()).isFalse();
        assertThat(index.match("relocate relocate", "en").best().entry().id()).isEqualTo("moving-house");
    }

    @Test
    void aRestartWithEveryVectorCachedStillLoadsTheSourceOnceBeforeTheFirstQuestion(@TempDir Path cache) {
        index(ENTRIES, new SemanticSource(new Concepts(), cache));
        var restarted = new Concepts();
        var source = new SemanticSource(restarted, cache);
        index(ENTRIES, source);
        index(ENTRIES, source);
        assertThat(restarted.embedded).isEmpty();
        assertThat(restarted.warmUps).isEqualTo(1);
    }

    @Test
    void aWrongDimensionOrAnEmptyAnswerIsUnavailableNotAnError() {
        var concepts = new Concepts();
        var source = new SemanticSource(concepts, null);
        source.examples(List.of("moving house"));
        concepts.dimension = 4;
        assertThatThrownBy(() -> source.question("relocate")).isInstanceOf(SentenceEmbeddings.Unavailable.class)
                .hasMessageContaining("dimension 4");
        concepts.dimension = 3;
        concepts.emptyAnswer = true;
        assertThatThrownBy(() -> source.examples(List.of("relocate"))).isInstanceOf(SentenceEmbeddings.Unavailable.class)
                .hasMessageContaining("0 vectors for 1");
        assertThatThrownBy(() -> source.question("relocate")).isInstanceOf(SentenceEmbeddings.Unavailable.class);
        var index = index(ENTRIES, new SemanticSource(new Concepts(), null));
        assertThat(index.match("submit my meter reading please", "en").explanation().semantic()).isEqualTo("local");
    }
}

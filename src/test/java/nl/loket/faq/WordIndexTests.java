package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.loket.faq.bench.FaqMatchBenchmark;
import nl.loket.faq.eval.EvaluationSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LanguageIndex} ranks every question exactly as it did while Lucene searched its words
 * ({@link LuceneReference}): the same entries in the same order, the same values.
 */
class WordIndexTests {

    private static final Path DATASETS = Path.of(System.getProperty("loket.datasets", "../shared/datasets"));
    private static final int QUESTIONS_PER_SET = 400;

    @ParameterizedTest
    @ValueSource(strings = {"faq", "src/test/resources/faq-fixture"})
    void ranksTheContentsOwnQuestionsAsLuceneDid(String folder) throws IOException {
        var loaded = FaqFiles.read(Path.of(folder), null);
        for (String lang : FaqFiles.LANGUAGES) {
            List<FaqEntry> entries = loaded.entries().stream().filter(e -> lang.equals(e.lang())).toList();
            List<List<String>> synonyms = loaded.synonyms().getOrDefault(lang, List.of());
            List<String> questions = new ArrayList<>();
            for (FaqEntry entry : loaded.entries()) {
                questions.addAll(LanguageIndex.texts(entry));
                questions.add(entry.answer());
                // Typos (the corrector's path) and questions that are not quite an example.
                entry.questions().forEach(q -> questions.add(q.replaceAll("([a-z])([a-z])([a-z]{3,})", "$2$1$3")));
                entry.questions().forEach(q -> questions.add(q + " " + entry.title() + " graag"));
            }
            questions.addAll(List.of("", "?!", "de het een", "meterstand meterstand metrstand"));
            assertRankAlike(lang, entries, synonyms, questions);
        }
    }

    /** Many documents tie on stop words here: the cut at 64 hits and its tie-break are exercised. */
    @Test
    void ranksTheBenchmarksFaqOf2000EntriesAsLuceneDid() throws IOException {
        var generated = FaqMatchBenchmark.generate(2000);
        assertRankAlike("nl", generated.entries(), generated.synonyms().get("nl"),
                generated.questions().subList(0, 300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"banking77", "xsid-nl", "xsid-nl-oos", "clinc150"})
    void ranksEvaluationQuestionsAsLuceneDid(String set) throws IOException {
        assumeTrue(Files.isDirectory(DATASETS.resolve(set)), "skipped: no data sets at " + DATASETS.toAbsolutePath());
        var data = EvaluationSets.read(DATASETS.resolve(set));
        List<String> questions = data.questions();
        int step = Math.max(1, questions.size() / QUESTIONS_PER_SET);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < questions.size(); i += step) {
            sample.add(questions.get(i));
        }
        assertRankAlike(data.lang(), data.entries(), List.of(), sample);
    }

    private static void assertRankAlike(String lang, List<FaqEntry> entries, List<List<String>> synonyms,
            List<String> questions) throws IOException {
        var index = LanguageIndex.build(lang, entries, synonyms);
        var reference = new LuceneReference(lang, entries, synonyms);
        for (String question : questions) {
            var actual = index.rank(question);
            var expected = reference.rank(question);
            assertThat(actual.analyzed()).as(question).isEqualTo(expected.analyzed());
            assertThat(actual.corrections()).as(question).isEqualTo(expected.corrections());
            assertThat(actual.exact()).as(question).isEqualTo(expected.exact());
            assertThat(actual.ranked()).as(question).hasSameSizeAs(expected.ranked());
            for (int i = 0; i < expected.ranked().size(); i++) {
                var a = actual.ranked().get(i);
                var e = expected.ranked().get(i);
                String at = question + " #" + i;
                assertThat(a.entry()).as(at).isEqualTo(e.entry());
                assertThat(a.example()).as(at).isEqualTo(e.example());
                assertThat(a.similarity()).as(at).isCloseTo(e.similarity(), within(1e-6 * e.similarity()));
                assertThat(a.words()).as(at).isCloseTo(e.words(), within(1e-6 * e.words()));
                assertThat(a.chars()).as(at).isCloseTo(e.chars(), within(1e-6 * e.chars()));
            }
        }
    }
}

package nl.loket.faq.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FaqEvaluationTests {

    /** In CI the data sets sit next to the repository: ../shared/datasets. */
    private static final Path DATASETS = Path.of(System.getProperty("loket.datasets", "../shared/datasets"));

    @Test
    void theProductionMatcherKeepsItsFloorOnXsidNl() throws IOException {
        assumeTrue(Files.isDirectory(DATASETS.resolve("xsid-nl")),
                "skipped: no data sets at " + DATASETS.toAbsolutePath() + " (set -Dloket.datasets=...)");
        EvaluationResult result = FaqEvaluation.evaluate(DATASETS.resolve("xsid-nl"));
        assertThat(result.inScope()).isGreaterThan(200);
        assertThat(result.top1()).isGreaterThanOrEqualTo(0.77);
        assertThat(result.precision()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void rejectsOutOfScopeQuestionsBetterThanChanceOnXsidNlOos() throws IOException {
        assumeTrue(Files.isDirectory(DATASETS.resolve("xsid-nl-oos")),
                "skipped: no data sets at " + DATASETS.toAbsolutePath());
        EvaluationResult result = FaqEvaluation.evaluate(DATASETS.resolve("xsid-nl-oos"));
        assertThat(result.auroc()).isGreaterThan(0.6);
    }
}

package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.loket.content.ContentFile;
import nl.loket.content.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqFilesTests {

    private static final String GOOD = """
            ---
            id: opzeggen
            lang: nl
            title: Opzeggen
            questions:
              - ik wil opzeggen
              - contract opzeggen
              - hoe zeg ik op
              - opzegtermijn
              - stoppen met polder
            keywords: [opzeggen]
            quickReplies:
              - {label: Overstappen, value: ik wil overstappen}
            handover: retentie
            minScore: 0.9
            notice: {from: 2026-11-20T07:00:00+01:00, until: 2027-01-31T18:00:00+01:00}
            ---
            Je zegt op in **Mijn Polder**.
            """;

    private static List<Problem> problems(String text, String folderLang) {
        var file = new ContentFile("nl/x.md");
        FaqFiles.parseEntry(file, "nl/x.md", folderLang, text);
        return file.problems();
    }

    @Test
    void readsEveryKeyOfAGoodFile() {
        var file = new ContentFile("nl/opzeggen.md");
        FaqEntry entry = FaqFiles.parseEntry(file, "nl/opzeggen.md", "nl", GOOD);
        assertThat(file.problems()).isEmpty();
        assertThat(entry.id()).isEqualTo("opzeggen");
        assertThat(entry.questions()).hasSize(5);
        assertThat(entry.quickReplies()).singleElement().satisfies(q -> assertThat(q.value()).isEqualTo("ik wil overstappen"));
        assertThat(entry.handover()).isEqualTo("retentie");
        assertThat(entry.minScore()).isEqualTo(0.9);
        assertThat(entry.notice().until().getYear()).isEqualTo(2027);
        assertThat(entry.answer()).isEqualTo("Je zegt op in **Mijn Polder**.");
        assertThat(entry.answerHtml()).isEqualTo("<p>Je zegt op in <strong>Mijn Polder</strong>.</p>\n");
    }

    @Test
    void reportsBrokenYamlWithTheLineInTheFile() {
        String broken = GOOD.replace("title: Opzeggen", "title: [Opzeggen");
        assertThat(problems(broken, "nl")).singleElement().satisfies(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.toString()).startsWith("nl/x.md:4: invalid YAML: the '[' opened on this line is never closed");
        });
    }

    @Test
    void reportsMissingKeysAndTooFewQuestionsAtTheirLines() {
        String text = GOOD.replace("title: Opzeggen\n", "").replace("  - stoppen met polder\n", "");
        assertThat(problems(text, "nl")).extracting(Problem::toString).containsExactlyInAnyOrder(
                "nl/x.md:2: missing required key 'title'",
                "nl/x.md:4: needs at least 5 example questions, found 4");
    }

    @Test
    void rejectsALanguageThatDoesNotMatchItsFolder() {
        assertThat(problems(GOOD, "en")).extracting(Problem::toString)
                .containsExactly("nl/x.md:3: lang 'nl' does not match the folder 'en/'");
    }

    @Test
    void rejectsANoticeThatEndsBeforeItStarts() {
        String text = GOOD.replace("until: 2027-01-31", "until: 2025-01-31");
        assertThat(problems(text, "nl")).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("nl/x.md:16: notice 'until'"));
    }

    @Test
    void reportsWrongTypesAndWarnsAboutUnknownKeys() {
        String text = GOOD.replace("minScore: 0.9", "minScore: hoog\ncolour: red");
        assertThat(problems(text, "nl")).extracting(Problem::toString).containsExactly(
                "nl/x.md:15: 'minScore' must be a number from 0 to 1",
                "nl/x.md:16: warning: unknown key 'colour' (ignored); known keys: handover, id, keywords, lang, "
                        + "minScore, notice, questions, quickReplies, requiredKeywords, tags, title");
    }

    @Test
    void sanitisesHtmlInAnswers() {
        var entry = FaqFiles.parseEntry(new ContentFile("nl/x.md"), "nl/x.md", "nl", GOOD.replace("Je zegt op",
                "[klik](javascript:alert(1)) [ok](https://polder.nl) <img src=x onerror=alert(1)>\n\n"
                        + "<script>alert(1)</script>\n\nJe zegt op"));
        assertThat(entry.answerHtml()).doesNotContain("<script").doesNotContain("href=\"javascript")
                .doesNotContain("<img").contains("<a href=\"https://polder.nl\"").contains("noopener");
    }

    @Test
    void keepsTheLastGoodVersionOfABrokenFileAndSkipsDuplicates(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        var first = FaqFiles.read(dir, null);
        assertThat(first.problems()).isEmpty();
        Path file = dir.resolve("nl/verhuizen.md");
        Files.writeString(file, Files.readString(file).replace("title: Verhuizen", "title: [kapot"));
        Files.writeString(dir.resolve("nl/zz-dubbel.md"), Files.readString(dir.resolve("nl/klacht.md")));

        var second = FaqFiles.read(dir, first);

        assertThat(second.byFile().get("nl/verhuizen.md").title()).isEqualTo("Verhuizen");
        assertThat(second.problems()).extracting(Problem::toString)
                .anyMatch(p -> p.startsWith(file + ":4: invalid YAML"))
                .contains(file + ":1: warning: serving the last good version of 'verhuizen'")
                .contains(dir.resolve("nl/zz-dubbel.md") + ":2: duplicate id 'klacht' (also in nl/klacht.md)");
        assertThat(second.entries()).hasSize(first.entries().size());
    }

    @Test
    void readsSynonymsAndGoldenQuestionsWithLines() {
        var loaded = FaqFiles.read(FaqFixture.DIR, null);
        assertThat(loaded.synonyms().get("nl")).contains(List.of("verhuizen", "verhuizing", "nieuwe woning"));
        assertThat(loaded.golden()).first().satisfies(g -> {
            assertThat(g.expect()).isEqualTo("meterstand-doorgeven");
            assertThat(g.line()).isEqualTo(1);
        });
        assertThat(loaded.golden().get(3).line()).isEqualTo(4);
    }
}

package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.loket.content.CheckCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqCheckTests {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T11:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** Runs the command; {@link #output()} is what this run printed. */
    private int check(String... args) {
        output.reset();
        return new CheckCommand(new PrintStream(output, true, StandardCharsets.UTF_8), NOW).run(args);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroOnCleanContent() {
        assertThat(check(FaqFixture.DIR.toString())).isZero();
        assertThat(output()).contains("10 entries, 4 golden questions, no queues.yml, no canned.yml, "
                + "no prompts folder, no actions folder: 0 errors, 1 warnings");
    }

    @Test
    void printsEveryProblemWithFileAndLineAndExitsOne(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        Path file = dir.resolve("nl/verhuizen.md");
        Files.writeString(file, Files.readString(file).replace("lang: nl", "lang: en"));
        Files.writeString(dir.resolve("tests.yml"), Files.readString(dir.resolve("tests.yml"))
                + "- {q: \"ik ga verhuizen\", lang: nl, expect: app-storing}\n"
                + "- {q: \"is er een app\", lang: nl, expect: bestaat-niet}\n");
        Path other = dir.resolve("nl/app-downloaden.md");
        Files.writeString(other, Files.readString(other).replace("  - welke app heb ik nodig",
                "  - welke app heb ik nodig\n  - ik kan niet inloggen in de app"));

        assertThat(check(dir.toString())).isEqualTo(1);

        assertThat(output()).contains(dir.resolve("nl/verhuizen.md") + ":3: lang 'en' does not match the folder 'nl/'")
                .contains(dir.resolve("tests.yml") + ":5: 'ik ga verhuizen' (nl) expected app-storing, got none")
                .contains(dir.resolve("tests.yml") + ":6: unknown entry 'bestaat-niet'")
                .contains(dir.resolve("nl/app-downloaden.md") + ":11: example 'ik kan niet inloggen in de app' matches "
                        + "'app-storing'");
    }

    @Test
    void rejectsAGoldenQuestionThatAnExampleRepeats(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        Files.writeString(dir.resolve("tests.yml"), Files.readString(dir.resolve("tests.yml"))
                + "- {q: \"Adres doorgeven: nieuw!\", lang: nl, expect: verhuizen}\n"
                + "- {q: \"mijn nieuwe adres doorgeven aan jullie\", lang: nl, expect: verhuizen}\n");

        assertThat(check(dir.toString())).isEqualTo(1);

        assertThat(output()).contains(dir.resolve("tests.yml") + ":5: 'Adres doorgeven: nieuw!' is repeated by the "
                + "example 'nieuw adres doorgeven' of verhuizen").doesNotContain("tests.yml:6:");
    }

    @Test
    void reportsAnExampleThatHoldsNoneOfItsEntrysRequiredKeywords(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        Path file = dir.resolve("nl/verhuizen.md");
        Files.writeString(file, Files.readString(file).replace("questions:", "requiredKeywords: [adres]\nquestions:"));

        assertThat(check(dir.toString())).isEqualTo(1);

        assertThat(output()).contains(file + ":7: example 'ik ga verhuizen' holds none of the requiredKeywords of "
                + "'verhuizen'").contains(file + ":9: example 'wat moet ik regelen bij een verhuizing' holds none")
                .doesNotContain("'nieuw adres doorgeven' holds none");
    }

    @Test
    void listsWhatAContentChangeDoesAgainstAnotherVersion(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        Files.delete(dir.resolve("nl/verhuizen.md"));
        assertThat(check(dir.toString(), "--against", FaqFixture.DIR.toString())).isEqualTo(1);
        assertThat(output()).contains("changed: 'ik heb een nieuwe woning' (nl): verhuizen -> none")
                .contains("changed: 'ik ga verhuizen' (nl): verhuizen -> none");
    }

    @Test
    void warnsAboutANoticeThatHasEndedOrEndsWithinThirtyDays(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        Path file = dir.resolve("nl/app-storing.md");
        Files.writeString(file, Files.readString(file).replace("until: 2099-01-01T00:00:00+01:00",
                "until: 2026-12-24T18:00:00+01:00"));
        String warning = file + ":11: warning: the notice ";

        assertThat(check(dir.toString(), "--now", "2026-11-24T12:00:00+01:00")).isZero();
        assertThat(output()).as("30 days and 6 hours before").doesNotContain(warning);

        assertThat(check(dir.toString(), "--now", "2026-11-25T12:00:00+01:00")).as("a warning is no error").isZero();
        assertThat(output()).contains(warning + "ends on 2026-12-24T18:00+01:00, in 29 days: move 'until' if it "
                + "should be shown longer");

        assertThat(check(dir.toString())).isZero();
        assertThat(output()).as("the clock the command was given").contains(warning + "ends on "
                + "2026-12-24T18:00+01:00, in 23 days");

        assertThat(check(dir.toString(), "--now", "2026-12-24T12:00:00+01:00")).isZero();
        assertThat(output()).contains(warning + "ends on 2026-12-24T18:00+01:00, within a day");

        assertThat(check(dir.toString(), "--now", "2026-12-24T18:00:00+01:00")).isZero();
        assertThat(output()).contains(warning + "ended on 2026-12-24T18:00+01:00: the widget no longer shows it; "
                + "move 'until' or remove the notice");
    }

    @Test
    void failsOnABrokenQueuesFileCannedRepliesOrPrompts(@TempDir Path root) throws IOException {
        Path dir = FaqFixture.copyTo(Files.createDirectory(root.resolve("faq")));
        Files.writeString(dir.resolve("queues.yml"), "queues:\n  - name: algemeen\n    hours: {mon-fri: \"24:00\"}\n");
        Files.writeString(dir.resolve("canned.yml"), "replies:\n  - {id: hallo, lang: nl, title: Hallo}\n");
        Path prompts = Files.createDirectory(root.resolve("prompts"));
        for (String name : new String[] {"system.nl.md", "system.en.md", "answer.md", "handover-summary.md"}) {
            Files.copy(Path.of("prompts", name), prompts.resolve(name));
        }
        Files.writeString(prompts.resolve("answer.md"), "{{sources}}\n{{qestion}}\n");

        assertThat(check(dir.toString())).isEqualTo(1);

        assertThat(output())
                .contains(dir.resolve("queues.yml") + ":3: opening hours '24:00' must look like 08:00-20:00")
                .contains(dir.resolve("canned.yml") + ":2: missing required key 'text'")
                .contains(prompts.resolve("answer.md") + ":2: unknown placeholder {{qestion}}")
                .contains("10 entries, 4 golden questions, 0 queues, 0 canned replies, 3 prompt files, no actions folder: 4 errors");
    }

    @Test
    void checksPromptsFromTheFolderItIsGiven(@TempDir Path dir) throws IOException {
        Files.writeString(Files.createDirectory(dir.resolve("prompts")).resolve("answer.md"), "{{sources}}\n");

        assertThat(check(FaqFixture.DIR.toString(), "--prompts", dir.resolve("prompts").toString())).isEqualTo(1);

        assertThat(output()).contains(dir.resolve("prompts/system.nl.md") + ":1: missing file")
                .contains(dir.resolve("prompts/answer.md") + ":2: missing required placeholder {{question}}");
    }

    @Test
    void exitsTwoOnWrongUsage() {
        assertThat(check("/does/not/exist")).isEqualTo(2);
        assertThat(check("--bogus")).isEqualTo(2);
        assertThat(check(FaqFixture.DIR.toString(), "--now", "tomorrow")).isEqualTo(2);
        assertThat(check(FaqFixture.DIR.toString(), "--prompts", "/does/not/exist")).isEqualTo(2);
    }
}

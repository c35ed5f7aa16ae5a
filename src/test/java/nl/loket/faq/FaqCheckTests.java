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

    private int check(String... args) {
        return new CheckCommand(new PrintStream(output, true, StandardCharsets.UTF_8), NOW).run(args);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitsZeroOnCleanContent() {
        assertThat(check(FaqFixture.DIR.toString())).isZero();
        assertThat(output()).contains("10 entries, 4 golden questions, no queues.yml, no canned.yml, no prompts folder: "
                + "0 errors, 1 warnings");
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
    void exitsTwoOnWrongUsage() {
        assertThat(check("/does/not/exist")).isEqualTo(2);
        assertThat(check("--bogus")).isEqualTo(2);
    }
}

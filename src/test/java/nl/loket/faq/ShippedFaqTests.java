package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.loket.content.CheckCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check command on the shipped sample content in {@code faq/} and {@code prompts/}, as the content CI runs it. */
class ShippedFaqTests {

    /**
     * The content CI's guard: every entry valid, every example its own, every golden question answered right,
     * the queues, canned replies and prompts as the server reads them.
     */
    @Test
    void theShippedContentPassesTheCheck() {
        var output = new ByteArrayOutputStream();
        // A moment when the shipped notices are still running and more than 30 days from their end.
        Clock now = Clock.fixed(Instant.parse("2026-12-01T11:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        int exit = new CheckCommand(new PrintStream(output, true, StandardCharsets.UTF_8), now)
                .run(new String[] {"faq"});
        List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.subList(0, lines.size() - 1)).as("problems").isEmpty();
        assertThat(lines.getLast()).isEqualTo("90 entries, 213 golden questions, 4 queues, 6 canned replies, "
                + "4 prompt files, 4 actions: 0 errors, 0 warnings");
        assertThat(exit).isZero();
    }

    @ParameterizedTest
    @CsvSource({"wat vinden jullie van voetbal,nl", "Mag mijn kat op de meterkast slapen,nl",
        "Vraag een over iets,nl", "wat is de hoofdstad van peru,nl", "can you book me a flight to Rome,en",
        "what is the best football team,en"})
    void offersNoChoiceWhenNothingFits(String question, String lang) {
        FaqFiles.Loaded shipped = FaqFiles.read(Path.of("faq"), null);
        FaqMatch match = FaqIndex.build(shipped.entries(), shipped.synonyms(), FaqProperties.defaults(Path.of("faq")))
                .match(question, lang);

        assertThat(match.outcome()).as("%s -> %s", question, match.candidates()).isEqualTo(FaqMatch.Outcome.NONE);
    }
}

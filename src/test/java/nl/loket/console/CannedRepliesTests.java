package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.loket.content.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CannedRepliesTests {

    @TempDir
    Path dir;

    @Test
    void readsTheShippedRepliesInTheirOrder() {
        CannedReplies.Read read = CannedReplies.read(Path.of("faq/canned.yml"), Map.of());

        assertThat(read.problems()).isEmpty();
        assertThat(read.replies().values()).extracting(CannedReplies.CannedReply::id)
                .containsExactly("greeting", "greeting", "one-moment", "one-moment", "closing", "closing");
    }

    @Test
    void reportsEveryBadReplyWithItsLineInsteadOfDroppingIt() throws IOException {
        Path file = write("""
                replies:
                  - id: greeting
                    lang: nl
                    title: Begroeting
                    text: "Goedendag"
                  - id: one-moment
                    lang: de
                    title: Moment
                    text: "Einen Moment"
                  - id: closing
                    lang: en
                    title: Closing
                  - just a text
                  - id: greeting
                    lang: nl
                    title: Nog een
                    text: "Hallo"
                    colour: red
                  - id: greeting
                    lang: nl
                    title: Dubbel
                    text: "Hoi"
                """);

        CannedReplies.Read read = CannedReplies.read(file, Map.of());

        assertThat(read.replies().values()).extracting(CannedReplies.CannedReply::title).containsExactly("Begroeting");
        assertThat(read.problems()).extracting(Problem::toString).containsExactly(
                file + ":7: lang 'de' must be one of nl, en",
                file + ":10: missing required key 'text'",
                file + ":13: a canned reply is a mapping {id, lang, title, text}, not a text",
                file + ":18: unknown key 'colour'; known keys: id, lang, text, title",
                file + ":19: a reply 'greeting' in nl is already defined above");
    }

    @Test
    void aBrokenReplyKeepsItsLastGoodVersion() throws IOException {
        Path file = write("""
                replies:
                  - {id: closing, lang: en, title: Closing, text: "Anything else?"}
                  - {id: greeting, lang: en, title: Greeting, text: "Hello"}
                """);
        CannedReplies.Read good = CannedReplies.read(file, Map.of());
        write("""
                replies:
                  - {id: closing, lang: en, title: Closing}
                  - {id: greeting, lang: en, title: Greeting, text: "Hello again"}
                """);

        CannedReplies.Read next = CannedReplies.read(file, good.replies());

        assertThat(next.replies().values()).extracting(CannedReplies.CannedReply::text)
                .containsExactly("Anything else?", "Hello again");
        assertThat(next.problems()).extracting(Problem::toString).containsExactly(
                file + ":2: missing required key 'text'",
                file + ":2: warning: serving the last good version of 'closing' (en)");
    }

    @Test
    void aFileThatIsNotYamlServesNothingNew() throws IOException {
        Path file = write("replies:\n  - {id: closing, lang: en, title: Closing, text: \"Anything else?}\n");

        CannedReplies.Read read = CannedReplies.read(file, Map.of());

        assertThat(read.replies()).as("the watcher keeps the previous version").isNull();
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("canned.yml"), yaml);
    }
}

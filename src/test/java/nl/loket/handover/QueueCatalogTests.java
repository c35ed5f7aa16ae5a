package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.loket.content.Watchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueCatalogTests {

    @TempDir
    Path dir;

    @Test
    void reloadsAChangedFileAndKeepsTheLastGoodOneWhenTheNewOneIsBroken() throws Exception {
        Path file = dir.resolve("queues.yml");
        write(file, "queues:\n  - name: algemeen\n    hours: {mon-fri: \"08:00-20:00\"}\n", 0);
        var watcher = Watchers.manual();
        var catalog = new QueueCatalog(properties(file), watcher);
        assertThat(catalog.all()).extracting(QueueDefinition::name).containsExactly("algemeen");

        write(file, """
                queues:
                  - name: algemeen
                    hours: {mon-fri: "08:00-20:00"}
                  - name: klachten
                    default: true
                    hours: {mon-fri: "09:00-17:00"}
                """, 10);
        assertThat(watcher.refresh()).isTrue();
        assertThat(catalog.all()).extracting(QueueDefinition::name).containsExactly("algemeen", "klachten");
        assertThat(catalog.defaultQueue().name()).isEqualTo("klachten");

        write(file, "queues:\n  - name: algemeen\n    hours: {someday: \"08:00\"}\n", 20);
        assertThat(watcher.refresh()).isTrue();
        assertThat(catalog.all()).extracting(QueueDefinition::name).containsExactly("algemeen", "klachten");
    }

    @Test
    void withoutAFileThereIsOneQueueThatIsAlwaysOpen() {
        var catalog = new QueueCatalog(properties(dir.resolve("missing.yml")), Watchers.manual());

        assertThat(catalog.defaultQueue().name()).isEqualTo("algemeen");
        for (String at : new String[] {"2026-11-22T03:00:00Z", "2026-11-22T22:59:59Z", "2026-11-22T23:00:00Z"}) {
            assertThat(catalog.defaultQueue().isOpen(Instant.parse(at).atZone(ZoneId.of("Europe/Amsterdam"))))
                    .as(at).isTrue();
        }
    }

    private static void write(Path file, String yaml, int secondsLater) throws Exception {
        Files.writeString(file, yaml);
        // a distinct modification time, whatever the file system's resolution
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(secondsLater)));
    }

    private static HandoverProperties properties(Path file) {
        return new HandoverProperties(file.toString(), ZoneId.of("Europe/Amsterdam"), List.of("medewerker"),
                List.of("boos"), 8, 0.8, 2, 2, Duration.ofSeconds(60), 4);
    }
}

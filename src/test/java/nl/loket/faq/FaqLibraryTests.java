package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.loket.TestClock;
import nl.loket.content.ContentProperties;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Watchers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class FaqLibraryTests {

    /** Only the retry of examples that could not be embedded reads it; a fixed moment, never the wall clock. */
    private static final TestClock CLOCK = new TestClock(TestClock.MONDAY_10);

    @Test
    void servesAChangedFileAndKeepsTheLastGoodVersionOfABrokenOne(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        var watcher = Watchers.manual();
        var library = new FaqLibrary(FaqProperties.defaults(dir), watcher, Map.of(), CLOCK);
        Path file = dir.resolve("nl/verhuizen.md");

        Files.writeString(file, Files.readString(file).replace("title: Verhuizen", "title: Verhuizen en adres"));
        assertThat(watcher.refresh()).isTrue();
        assertThat(library.current().byId("verhuizen").orElseThrow().title()).isEqualTo("Verhuizen en adres");

        Files.writeString(file, Files.readString(file).replace("title: Verhuizen en adres", "title: [kapot"));
        Files.writeString(dir.resolve("nl/app-downloaden.md"), Files.readString(dir.resolve("nl/app-downloaden.md"))
                .replace("title: De app downloaden", "title: App downloaden"));
        assertThat(watcher.refresh()).isTrue();
        assertThat(library.current().byId("app-downloaden").orElseThrow().title()).isEqualTo("App downloaden");
        assertThat(library.current().byId("verhuizen").orElseThrow().title()).isEqualTo("Verhuizen en adres");
        assertThat(library.current().match("ik ga verhuizen", "nl").best().entry().id()).isEqualTo("verhuizen");

        assertThat(watcher.refresh()).as("nothing changed since").isFalse();
    }

    @Test
    void theWatcherPicksUpAChangeByItself(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        var watcher = new ContentWatcher(new ContentProperties(Duration.ofMillis(100)), scheduler,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        var library = new FaqLibrary(FaqProperties.defaults(dir), watcher, Map.of(), CLOCK);
        watcher.start();
        try {
            Path file = dir.resolve("nl/verhuizen.md");
            Files.writeString(file, Files.readString(file).replace("title: Verhuizen", "title: Verhuizen en adres"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> library.current().byId("verhuizen")
                    .orElseThrow().title().equals("Verhuizen en adres"));
        } finally {
            watcher.stop();
            scheduler.shutdown();
        }
    }

    @Test
    void aReloadEmbedsOnlyTheChangedFileAndARestartEmbedsNothing(@TempDir Path dir, @TempDir Path cache)
            throws IOException {
        FaqFixture.copyTo(dir);
        var concepts = new SemanticSignalTests.Concepts();
        var watcher = Watchers.manual();
        var library = new FaqLibrary(FaqProperties.defaults(dir), watcher,
                Map.of("en", new SemanticSource(concepts, cache)), CLOCK);
        int all = library.current().entries().stream().filter(e -> e.lang().equals("en"))
                .mapToInt(e -> LanguageIndex.texts(e).size()).sum();
        assertThat(concepts.embedded).hasSize(all);

        Path file = dir.resolve("en/moving-house.md");
        Files.writeString(file, Files.readString(file).replace("  - change my address\n",
                "  - change my address\n  - I relocate next month\n"));
        // a Dutch file changes too: its language has no semantic signal, so nothing more is embedded for it
        Path dutch = dir.resolve("nl/verhuizen.md");
        Files.writeString(dutch, Files.readString(dutch).replace("title: Verhuizen", "title: Verhuizen en adres"));
        assertThat(watcher.refresh()).isTrue();
        assertThat(concepts.embedded.subList(all, concepts.embedded.size())).containsExactly("I relocate next month");
        assertThat(library.current().match("relocate relocate", "en").explanation().semantic()).isEqualTo("local");

        var restarted = new SemanticSignalTests.Concepts();
        var again = new FaqLibrary(FaqProperties.defaults(dir), Watchers.manual(),
                Map.of("en", new SemanticSource(restarted, cache)), CLOCK);
        assertThat(restarted.embedded).as("every example vector read from the cache file").isEmpty();
        assertThat(again.current().match("relocate relocate", "en").best().entry().id()).isEqualTo("moving-house");
        assertThat(restarted.embedded).as("only the question").containsExactly("relocate relocate");
    }
}

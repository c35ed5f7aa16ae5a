package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.loket.content.ContentProperties;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Watchers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class FaqLibraryTests {

    @Test
    void servesAChangedFileAndKeepsTheLastGoodVersionOfABrokenOne(@TempDir Path dir) throws IOException {
        FaqFixture.copyTo(dir);
        var watcher = Watchers.manual();
        var library = new FaqLibrary(FaqProperties.defaults(dir), watcher);
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
        var watcher = new ContentWatcher(new ContentProperties(Duration.ofMillis(100)), scheduler);
        var library = new FaqLibrary(FaqProperties.defaults(dir), watcher);
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
}

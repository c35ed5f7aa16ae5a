package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class FaqLibraryTests {

    @Test
    void servesAChangedFileWithinSecondsAndKeepsTheLastGoodVersionOfABrokenOne(@TempDir Path dir)
            throws IOException, InterruptedException {
        FaqFixture.copyTo(dir);
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        var properties = new FaqProperties(dir, Duration.ofMillis(200), 0.8, 0.03, 0.05, 0.5, FaqProperties.Semantic.OFF);
        var library = new FaqLibrary(properties, scheduler);
        library.start();
        try {
            Path file = dir.resolve("nl/verhuizen.md");
            Files.writeString(file, Files.readString(file).replace("title: Verhuizen", "title: Verhuizen en adres"));
            assertThat(awaitTitle(library, "Verhuizen en adres")).isTrue();

            Files.writeString(file, Files.readString(file).replace("title: Verhuizen en adres", "title: [kapot"));
            Files.writeString(dir.resolve("nl/app-downloaden.md"), Files.readString(dir.resolve("nl/app-downloaden.md"))
                    .replace("title: De app downloaden", "title: App downloaden"));
            assertThat(awaitTitle(library, "App downloaden", "app-downloaden")).isTrue();
            assertThat(library.current().byId("verhuizen").orElseThrow().title()).isEqualTo("Verhuizen en adres");
            assertThat(library.current().match("ik ga verhuizen", "nl").best().entry().id()).isEqualTo("verhuizen");
        } finally {
            library.stop();
            scheduler.shutdown();
        }
    }

    private static boolean awaitTitle(FaqLibrary library, String title) throws InterruptedException {
        return awaitTitle(library, title, "verhuizen");
    }

    private static boolean awaitTitle(FaqLibrary library, String title, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (library.current().byId(id).map(e -> e.title().equals(title)).orElse(false)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}

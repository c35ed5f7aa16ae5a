package nl.loket.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Watchers;
import java.util.List;
import java.util.Map;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCatalogTests {

    private static final Faq NO_FAQ = Faq.of(List.of(), Map.of(), FaqProperties.defaults(Path.of("faq")));

    private static ActionCatalog catalog(Path dir, ContentWatcher watcher) {
        return new ActionCatalog(new ActionProperties(dir, null, null), NO_FAQ, FaqProperties.defaults(dir), watcher);
    }

    private static void copyShipped(Path dir) throws IOException {
        try (var files = Files.list(ActionFilesTests.SHIPPED)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void matchesWhatACustomerSaysToTheActionsPhrases(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        var catalog = catalog(dir, Watchers.manual());

        assertThat(catalog.asked(catalog.match("ik wil mijn meterstand doorgeven", "nl"))).map(ActionDefinition::id)
                .contains("meterstand-doorgeven");
        assertThat(catalog.asked(catalog.match("I'd like to change my monthly instalment", "en"))).map(ActionDefinition::id)
                .contains("termijnbedrag-aanpassen");
        assertThat(catalog.asked(catalog.match("wat kost stroom bij jullie", "nl"))).isEmpty();
    }

    @Test
    void reloadsAChangedFileAndKeepsTheLastGoodVersionOfABrokenOne(@TempDir Path dir) throws IOException {
        copyShipped(dir);
        ContentWatcher watcher = Watchers.manual();
        var catalog = catalog(dir, watcher);
        Path meter = dir.resolve("meterstand-doorgeven.yml");
        String good = Files.readString(meter);

        Files.writeString(meter, good.replace("max: 999999", "max: 99999"));
        Files.setLastModifiedTime(meter, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(watcher.refresh()).isTrue();
        assertThat(catalog.find("meterstand-doorgeven").orElseThrow().fields().get(1).max()).isEqualByComparingTo("99999");

        Files.writeString(meter, good.replace("type: ean", "type: barcode"));
        Files.setLastModifiedTime(meter, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(watcher.refresh()).isTrue();
        assertThat(catalog.find("meterstand-doorgeven").orElseThrow().fields().get(1).max())
                .as("the last good version still serves").isEqualByComparingTo("99999");

        Files.delete(dir.resolve("verhuizing-doorgeven.yml"));
        assertThat(watcher.refresh()).isTrue();
        assertThat(catalog.find("verhuizing-doorgeven")).isEmpty();
        assertThat(catalog.all()).hasSize(3);
    }
}

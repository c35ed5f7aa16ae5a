package nl.loket.faq;

import java.util.List;
import java.util.Map;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;

/**
 * Holds the current version of the FAQ; the {@link ContentWatcher} reads the folder again when a file
 * changes. A new version is built completely (files and index) before it replaces the old one.
 */
class FaqLibrary {

    /** One served version: the files as read (whose entries stand in for broken files next time) and their index. */
    private record Version(FaqFiles.Loaded files, FaqIndex index) {
    }

    private final Live<Version> live;

    FaqLibrary(FaqProperties properties, ContentWatcher watcher) {
        var empty = new Version(new FaqFiles.Loaded(Map.of(), Map.of(), List.of(), List.of()),
                FaqIndex.build(List.of(), Map.of(), properties));
        this.live = watcher.watch("FAQ " + properties.dir(), empty, () -> FaqFiles.served(properties.dir()),
                previous -> {
                    FaqFiles.Loaded files = FaqFiles.read(properties.dir(), previous == null ? null : previous.files());
                    return new Loaded<>(new Version(files, FaqIndex.build(files.entries(), files.synonyms(),
                            properties)), files.problems());
                });
    }

    FaqIndex current() {
        return live.current().index();
    }
}

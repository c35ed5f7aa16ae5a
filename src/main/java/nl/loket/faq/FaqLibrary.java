package nl.loket.faq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current version of the FAQ; the {@link ContentWatcher} reads the folder again when a file
 * changes. A new version is built completely (files and index) before it replaces the old one. The
 * semantic signal's example vectors come from each {@link SemanticSource}'s cache, so a new version
 * embeds only the texts that changed.
 */
class FaqLibrary {

    private static final Logger log = LoggerFactory.getLogger(FaqLibrary.class);

    /** After the examples could not be embedded, wait this long before trying again. */
    static final Duration SEMANTIC_RETRY = Duration.ofSeconds(30);

    /** One served version: the files as read (whose entries stand in for broken files next time) and their index. */
    private record Version(FaqFiles.Loaded files, FaqIndex index) {
    }

    /** The same files indexed again because their examples could not be embedded the first time. */
    private record Retried(long version, FaqIndex index) {
    }

    private final FaqProperties properties;
    private final Map<String, SemanticSource> semantic;
    private final Clock clock;
    private final Live<Version> live;
    private final AtomicBoolean retrying = new AtomicBoolean();
    private volatile Retried retried;
    private volatile Instant retryAt = Instant.MIN;

    /** @param semantic per language, the semantic signal's source (see {@link SemanticSources}) */
    FaqLibrary(FaqProperties properties, ContentWatcher watcher, Map<String, SemanticSource> semantic, Clock clock) {
        this.properties = properties;
        this.semantic = semantic;
        this.clock = clock;
        var empty = new Version(new FaqFiles.Loaded(Map.of(), Map.of(), List.of(), List.of()),
                FaqIndex.build(List.of(), Map.of(), properties));
        this.live = watcher.watch("FAQ " + properties.dir(), empty, () -> FaqFiles.served(properties.dir()),
                previous -> {
                    FaqFiles.Loaded files = FaqFiles.read(properties.dir(), previous == null ? null : previous.files());
                    return new Loaded<>(new Version(files, index(files)), files.problems());
                });
    }

    private FaqIndex index(FaqFiles.Loaded files) {
        FaqIndex index = FaqIndex.build(files.entries(), files.synonyms(), properties, semantic);
        if (index.semanticMissing()) {
            retryAt = clock.instant().plus(SEMANTIC_RETRY);
            log.warn("FAQ {}: examples not embedded (semantic source unavailable); matching by words and n-grams,"
                    + " trying again in {}", properties.dir(), SEMANTIC_RETRY);
        }
        return index;
    }

    FaqIndex current() {
        long version = live.version();
        Version serving = live.current();
        Retried again = retried;
        FaqIndex index = again != null && again.version() == version ? again.index() : serving.index();
        if (index.semanticMissing() && !clock.instant().isBefore(retryAt) && retrying.compareAndSet(false, true)) {
            // unchanged files are indexed again only to embed their examples; off the customer's request
            CompletableFuture.runAsync(() -> {
                try {
                    retried = new Retried(version, index(serving.files()));
                } finally {
                    retrying.set(false);
                }
            });
        }
        return index;
    }
}

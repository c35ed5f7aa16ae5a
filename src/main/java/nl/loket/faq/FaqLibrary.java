package nl.loket.faq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Holds the current version of the FAQ and keeps it in step with the folder. The folder is polled
 * (file names, sizes and modification times) rather than watched with a WatchService, which needs
 * one registration per folder, misses editors' save-by-rename on some systems and does not fire on
 * mounted volumes; polling a few hundred files once a second costs next to nothing. A new version
 * is built completely before it replaces the old one in one atomic swap.
 */
class FaqLibrary implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FaqLibrary.class);

    /** After the examples could not be embedded, wait this long before trying again. */
    static final java.time.Duration SEMANTIC_RETRY = java.time.Duration.ofSeconds(30);

    private final FaqProperties properties;
    private final TaskScheduler scheduler;
    private final java.util.Map<String, SemanticSource> semantic;
    private final java.time.Clock clock;
    private volatile java.time.Instant semanticRetryAt = java.time.Instant.MIN;
    private final AtomicReference<FaqIndex> current = new AtomicReference<>();
    private volatile FaqFiles.Loaded lastGood;
    private volatile List<String> fingerprint = List.of();
    private volatile ScheduledFuture<?> polling;

    FaqLibrary(FaqProperties properties, TaskScheduler scheduler) {
        this(properties, scheduler, java.util.Map.of(), java.time.Clock.systemUTC());
    }

    /** @param semantic per language, the semantic signal's source (see {@link SemanticSources}) */
    FaqLibrary(FaqProperties properties, TaskScheduler scheduler, java.util.Map<String, SemanticSource> semantic,
            java.time.Clock clock) {
        this.properties = properties;
        this.scheduler = scheduler;
        this.semantic = semantic;
        this.clock = clock;
        refresh();
    }

    FaqIndex current() {
        return current.get();
    }

    /** Reloads when anything in the folder changed; returns whether it did. */
    synchronized boolean refresh() {
        List<String> now = fingerprint(properties.dir());
        // unchanged content is built again only to retry embedding its examples
        boolean retry = current.get() != null && current.get().semanticMissing()
                && !clock.instant().isBefore(semanticRetryAt);
        if (now.equals(fingerprint) && current.get() != null && !retry) {
            return false;
        }
        fingerprint = now;
        FaqFiles.Loaded loaded = FaqFiles.read(properties.dir(), lastGood);
        loaded.problems().forEach(p -> log.warn("{}", prefixed(p)));
        try {
            FaqIndex built = FaqIndex.build(loaded.entries(), loaded.synonyms(), properties, semantic);
            if (built.semanticMissing()) {
                semanticRetryAt = clock.instant().plus(SEMANTIC_RETRY);
            }
            current.set(built);
            lastGood = loaded;
            log.info("FAQ loaded from {}: {} entries, {} problems", properties.dir().toAbsolutePath(),
                    loaded.byFile().size(), loaded.problems().size());
        } catch (RuntimeException e) {
            // e.g. synonyms Lucene cannot use: keep serving the previous version
            log.error("{}: FAQ not reloaded, still serving the previous version: {}", properties.dir(),
                    e.getMessage());
            if (current.get() == null) {
                current.set(FaqIndex.build(List.of(), java.util.Map.of(), properties));
            }
        }
        return true;
    }

    private String prefixed(Problem problem) {
        return properties.dir().resolve(problem.file()) + ":" + problem.line() + ": "
                + (problem.error() ? "" : "warning: ") + problem.message();
    }

    static List<String> fingerprint(Path dir) {
        List<Path> files = new ArrayList<>();
        FaqFiles.LANGUAGES.forEach(lang -> files.addAll(FaqFiles.markdownFiles(dir.resolve(lang))));
        files.add(dir.resolve(FaqFiles.SYNONYMS));
        List<String> stamp = new ArrayList<>();
        for (Path file : files) {
            try {
                if (Files.exists(file)) {
                    stamp.add(file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis());
                }
            } catch (IOException e) {
                stamp.add(file + "|unreadable");
            }
        }
        return stamp;
    }

    @Override
    public void start() {
        polling = scheduler.scheduleWithFixedDelay(this::poll, properties.reloadInterval());
    }

    private void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.error("FAQ reload failed; still serving the previous version", e);
        }
    }

    @Override
    public void stop() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}

package nl.loket.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps every kind of content (the FAQ, queues, canned replies, prompts) in step with its files. The
 * files are polled (names, sizes and modification times) rather than watched with a WatchService, which
 * needs one registration per folder, misses editors' save-by-rename on some systems and does not fire on
 * mounted volumes; polling a few hundred files once a second costs next to nothing. A kind is read again
 * only when one of its files changed, and a read that cannot serve leaves the last good version in place.
 */
@Component
public final class ContentWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContentWatcher.class);

    private final class Watched<T> {
        final Live<T> live;
        final Supplier<List<Path>> files;
        final Function<T, Loaded<T>> load;
        List<String> stamp = List.of();
        boolean good;

        Watched(Live<T> live, Supplier<List<Path>> files, Function<T, Loaded<T>> load) {
            this.live = live;
            this.files = files;
            this.load = load;
        }

        boolean refresh(boolean force) {
            List<String> now = stamp(files.get());
            if (now.equals(stamp) && !force) {
                return false;
            }
            stamp = now;
            Loaded<T> loaded;
            try {
                loaded = load.apply(good ? live.current() : null);
            } catch (RuntimeException e) {
                log.error("{}: not reloaded, still serving the previous version", live.kind(), e);
                return false;
            }
            loaded.problems().forEach(p -> {
                if (p.error()) {
                    log.error("{}", p);
                } else {
                    log.warn("{}", p);
                }
            });
            if (live.update(loaded)) {
                good = true;
                log.info("{} loaded (version {}), {} problems", live.kind(), live.version(), loaded.problems().size());
            } else {
                log.error("{} has errors; {}", live.kind(), good ? "still serving the last good version"
                        : "serving the built-in default until they are fixed");
            }
            return true;
        }
    }

    private final ContentProperties properties;
    private final TaskScheduler scheduler;
    private final List<Watched<?>> watched = new CopyOnWriteArrayList<>();
    private volatile ScheduledFuture<?> polling;

    public ContentWatcher(ContentProperties properties, TaskScheduler scheduler) {
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /**
     * Reads a kind of content now and again whenever one of its files changes.
     *
     * @param kind what the content is, for the log ("queues", "FAQ")
     * @param initial what serves until a read succeeds (a safe default, or null for "nothing")
     * @param files the files to look at; called on every poll, so new and deleted files count as changes
     * @param load reads the files; gets the last good value (null before the first) to keep parts of it
     */
    public <T> Live<T> watch(String kind, T initial, Supplier<List<Path>> files, Function<T, Loaded<T>> load) {
        var entry = new Watched<>(new Live<>(kind, initial), files, load);
        entry.refresh(true);
        watched.add(entry);
        return entry.live;
    }

    /** Reads again every kind whose files changed; returns whether any did. The poller calls it too. */
    public synchronized boolean refresh() {
        boolean changed = false;
        for (Watched<?> entry : watched) {
            try {
                changed |= entry.refresh(false);
            } catch (RuntimeException e) {
                log.error("{}: checking for changes failed", entry.live.kind(), e);
            }
        }
        return changed;
    }

    private static List<String> stamp(List<Path> files) {
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
        polling = scheduler.scheduleWithFixedDelay(this::refresh, properties.reloadInterval());
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

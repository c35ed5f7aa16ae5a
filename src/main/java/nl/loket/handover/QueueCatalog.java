package nl.loket.handover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The queues from {@code queues.yml}, reloaded when the file changes (checked at most every two
 * seconds on use). A file with problems is reported and not used; the last good version stays.
 */
@Component
class QueueCatalog {

    private static final Logger log = LoggerFactory.getLogger(QueueCatalog.class);
    private static final long CHECK_EVERY_MS = 2_000;

    private record Loaded(Map<String, QueueDefinition> queues, String defaultQueue, FileTime modified) {
    }

    private final Path file;
    private final Clock clock;
    private volatile Loaded current;
    private volatile long checkedAt;

    QueueCatalog(HandoverProperties properties, Clock clock) {
        this.file = Path.of(properties.queuesFile());
        this.clock = clock;
        this.current = load(null);
        if (current == null) {
            log.warn("{} not found or not valid; using one queue 'algemeen' that is always open", file);
            var always = new QueueDefinition.OpeningSlot(LocalTime.MIN, LocalTime.MAX);
            var fallback = new QueueDefinition("algemeen", Map.of("nl", "Klantenservice", "en", "Customer service"),
                    List.of("nl", "en"), Arrays.stream(DayOfWeek.values()).collect(
                            Collectors.toMap(d -> d, d -> List.of(always))), List.of(), List.of());
            current = new Loaded(Map.of(fallback.name(), fallback), fallback.name(), null);
        }
    }

    Collection<QueueDefinition> all() {
        return fresh().queues().values();
    }

    Optional<QueueDefinition> find(String name) {
        return Optional.ofNullable(name).map(fresh().queues()::get);
    }

    QueueDefinition defaultQueue() {
        Loaded loaded = fresh();
        return loaded.queues().get(loaded.defaultQueue());
    }

    private Loaded fresh() {
        long now = clock.millis();
        if (now - checkedAt > CHECK_EVERY_MS) {
            checkedAt = now;
            Loaded reloaded = load(current.modified());
            if (reloaded != null) {
                current = reloaded;
            }
        }
        return current;
    }

    /** Reads the file when it changed since {@code seen}; null when it did not, is missing or has problems. */
    private Loaded load(FileTime seen) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
        if (modified.equals(seen)) {
            return null;
        }
        QueuesFile.Result result = QueuesFile.read(file);
        if (!result.problems().isEmpty()) {
            result.problems().forEach(p -> log.error("{}", p));
            return null;
        }
        log.info("loaded {} queues from {}", result.queues().size(), file);
        return new Loaded(result.queues().stream().collect(Collectors.toMap(QueueDefinition::name,
                q -> q, (a, b) -> a, LinkedHashMap::new)), result.defaultQueue(), modified);
    }
}

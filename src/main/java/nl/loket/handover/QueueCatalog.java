package nl.loket.handover;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;
import org.springframework.stereotype.Component;

/**
 * The queues from {@code queues.yml}, reloaded by the {@link ContentWatcher} when the file changes. A
 * file with errors is reported and not used: the last good version stays, and before there is one a
 * single queue 'algemeen' that is always open.
 */
@Component
class QueueCatalog {

    private record Queues(Map<String, QueueDefinition> byName, String defaultQueue) {
    }

    private final Live<Queues> live;

    QueueCatalog(HandoverProperties properties, ContentWatcher watcher) {
        Path file = Path.of(properties.queuesFile());
        this.live = watcher.watch("queues " + file, alwaysOpen(), () -> List.of(file), previous -> {
            QueuesFile.Result result = QueuesFile.read(file);
            return new Loaded<>(result.usable() ? new Queues(result.queues().stream().collect(Collectors.toMap(
                    QueueDefinition::name, q -> q, (a, b) -> a, LinkedHashMap::new)), result.defaultQueue()) : null,
                    result.problems());
        });
    }

    private static Queues alwaysOpen() {
        var always = new QueueDefinition.OpeningSlot(LocalTime.MIDNIGHT, QueueDefinition.OpeningSlot.END_OF_DAY);
        var fallback = new QueueDefinition("algemeen", Map.of("nl", "Klantenservice", "en", "Customer service"),
                List.of("nl", "en"), Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(d -> d,
                        d -> List.of(always))), List.of(), List.of());
        return new Queues(Map.of(fallback.name(), fallback), fallback.name());
    }

    Collection<QueueDefinition> all() {
        return live.current().byName().values();
    }

    Optional<QueueDefinition> find(String name) {
        return Optional.ofNullable(name).map(live.current().byName()::get);
    }

    QueueDefinition defaultQueue() {
        Queues queues = live.current();
        return queues.byName().get(queues.defaultQueue());
    }
}

package nl.loket.action;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.faq.FaqProperties;
import org.springframework.stereotype.Component;

/**
 * The actions from {@code loket.actions.dir}, reloaded by the {@link ContentWatcher} when a file changes.
 * A file with errors keeps its last good version serving (or is absent until it has one); the others
 * change as written. The actions' phrases are an index of the FAQ matcher of their own, so an action is
 * matched with the same rules, stems and typo tolerance as the FAQ.
 */
@Component
class ActionCatalog {

    record Catalog(Map<String, ActionDefinition> byFile, Map<String, ActionDefinition> byId, Faq phrases) {
    }

    private final Live<Catalog> live;

    ActionCatalog(ActionProperties properties, FaqProperties faq, ContentWatcher watcher) {
        Path dir = properties.dir();
        this.live = watcher.watch("actions " + dir, build(Map.of(), faq), () -> ActionFiles.files(dir), previous -> {
            ActionFiles.Result result = ActionFiles.read(dir);
            Map<String, ActionDefinition> byFile = new LinkedHashMap<>();
            for (Path file : ActionFiles.files(dir)) {
                String name = file.getFileName().toString();
                Optional.ofNullable(result.byFile().get(name))
                        .or(() -> Optional.ofNullable(previous).map(p -> p.byFile().get(name)))
                        .ifPresent(action -> byFile.put(name, action));
            }
            return new Loaded<>(build(byFile, faq), result.problems());
        });
    }

    private static Catalog build(Map<String, ActionDefinition> byFile, FaqProperties faq) {
        Map<String, ActionDefinition> byId = new LinkedHashMap<>();
        List<FaqEntry> entries = new ArrayList<>();
        byFile.values().forEach(action -> {
            if (byId.putIfAbsent(action.id(), action) == null) {
                action.phrases().forEach((lang, phrases) -> entries.add(new FaqEntry(action.id(), lang,
                        action.title().in(lang), phrases, List.of(), List.of(), List.of(), List.of(), null, null, null,
                        "", action.file())));
            }
        });
        return new Catalog(byFile, byId, Faq.of(entries, Map.of(), faq));
    }

    Optional<ActionDefinition> find(String id) {
        return Optional.ofNullable(live.current().byId().get(id));
    }

    List<ActionDefinition> all() {
        return List.copyOf(live.current().byId().values());
    }

    FaqMatch match(String text, String lang) {
        return live.current().phrases().match(text, lang);
    }
}

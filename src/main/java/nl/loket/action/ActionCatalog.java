package nl.loket.action;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqCandidate;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.faq.FaqProperties;
import org.springframework.stereotype.Component;

/**
 * The actions from {@code loket.actions.dir}, reloaded by the {@link ContentWatcher} when a file changes.
 * A file with errors keeps its last good version serving (or is absent until it has one); the others
 * change as written. The actions' phrases are matched by the FAQ matcher in one index with the FAQ's
 * entries and synonyms, so an action is offered only when it fits a message better than every FAQ entry, by
 * the same rules, stems and typo tolerance; the index is rebuilt when either changes.
 */
@Component
class ActionCatalog {

    /** How an action's phrases are named in the joint index (FAQ ids and action ids may be the same). */
    static final String PREFIX = "action:";

    record Catalog(Map<String, ActionDefinition> byFile, Map<String, ActionDefinition> byId,
            List<FaqEntry> phrases) {
    }

    private record Joint(long version, List<FaqEntry> faqEntries, Map<String, List<List<String>>> synonyms,
            Faq index) {

        boolean isOf(long actionsVersion, Faq faq) {
            return version == actionsVersion && faqEntries == faq.entries() && synonyms == faq.synonyms();
        }
    }

    private final Live<Catalog> live;
    private final Faq faq;
    private final FaqProperties matching;
    private volatile Joint joint;
    private final ReentrantLock building = new ReentrantLock();

    ActionCatalog(ActionProperties properties, Faq faq, FaqProperties matching, ContentWatcher watcher) {
        this.faq = faq;
        this.matching = matching;
        Path dir = properties.dir();
        this.live = watcher.watch("actions " + dir, build(Map.of()), () -> ActionFiles.files(dir), previous -> {
            ActionFiles.Result result = ActionFiles.read(dir);
            Map<String, ActionDefinition> byFile = new LinkedHashMap<>();
            for (Path file : ActionFiles.files(dir)) {
                String name = file.getFileName().toString();
                Optional.ofNullable(result.byFile().get(name))
                        .or(() -> Optional.ofNullable(previous).map(p -> p.byFile().get(name)))
                        .ifPresent(action -> byFile.put(name, action));
            }
            return new Loaded<>(build(byFile), result.problems());
        });
        index(); // built at start-up, not by the first customer messages
    }

    private static Catalog build(Map<String, ActionDefinition> byFile) {
        Map<String, ActionDefinition> byId = new LinkedHashMap<>();
        List<FaqEntry> entries = new ArrayList<>();
        byFile.values().forEach(action -> {
            if (byId.putIfAbsent(action.id(), action) == null) {
                action.phrases().forEach((lang, phrases) -> entries.add(new FaqEntry(PREFIX + action.id(), lang,
                        action.title().in(lang), phrases, List.of(), List.of(), List.of(), List.of(), null, null, null,
                        "", action.file())));
            }
        });
        return new Catalog(byFile, byId, entries);
    }

    Optional<ActionDefinition> find(String id) {
        return Optional.ofNullable(live.current().byId().get(id));
    }

    /** The actions' phrases as entries of the joint index. */
    List<FaqEntry> phrases() {
        return live.current().phrases();
    }

    List<ActionDefinition> all() {
        return List.copyOf(live.current().byId().values());
    }

    /**
     * Matches a message against the joint index once: the router takes both decisions from it, whether the
     * message asks for an action ({@link #asked}) and, when no action ranks, which FAQ entry answers it.
     */
    FaqMatch match(String text, String lang) {
        return index().match(text, lang);
    }

    /** The action a message asks for: the joint index's confident answer when it is an action. */
    Optional<ActionDefinition> asked(FaqMatch match) {
        if (match.outcome() != FaqMatch.Outcome.ANSWER || !isAction(match.best())) {
            return Optional.empty();
        }
        return find(match.best().entry().id().substring(PREFIX.length()));
    }

    static boolean isAction(FaqCandidate candidate) {
        return candidate.entry().id().startsWith(PREFIX);
    }

    /**
     * The joint index of the current versions. Built once per version, under a lock: it embeds every example
     * (the semantic signal), seconds of CPU, and every message that arrived meanwhile built its own (found
     * with the load suite: a node under 1,000 sockets answered nothing for the whole measured window).
     */
    private Faq index() {
        Joint current = joint;
        if (current != null && current.isOf(live.version(), faq)) {
            return current.index();
        }
        building.lock();
        try {
            long version = live.version();
            // one version's synonyms and entries: the joint index ranks the FAQ's entries as the FAQ's own does
            Map<String, List<List<String>>> synonyms = faq.synonyms();
            List<FaqEntry> faqEntries = faq.entries();
            current = joint;
            if (current == null || !current.isOf(version, faq)) {
                List<FaqEntry> all = new ArrayList<>(phrases());
                all.addAll(faqEntries);
                current = new Joint(version, faqEntries, synonyms, Faq.of(all, synonyms, matching));
                joint = current;
            }
            return current.index();
        } finally {
            building.unlock();
        }
    }
}

package nl.loket.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.loket.content.ContentFile;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;
import nl.loket.content.Problem;
import nl.loket.content.YamlNode;
import org.springframework.stereotype.Component;

/**
 * Canned replies from {@code canned.yml}, reloaded by the {@link ContentWatcher} when the file changes.
 * Every bad reply is reported with its line; one that had a good version before keeps serving that
 * version, so an editor's slip never takes a reply away from the agents.
 */
@Component
class CannedReplies {

    record CannedReply(String id, String lang, String title, String text) {
    }

    static final List<String> LANGUAGES = List.of("nl", "en");
    private static final Set<String> KEYS = Set.of("id", "lang", "title", "text");

    /** What one read found: the replies that serve (by id and language; null when the file as a whole is broken). */
    record Read(Map<String, CannedReply> replies, List<Problem> problems) {
    }

    private final Live<Map<String, CannedReply>> live;

    CannedReplies(ConsoleProperties properties, ContentWatcher watcher) {
        Path file = Path.of(properties.cannedFile());
        this.live = watcher.watch("canned replies " + file, Map.of(), () -> List.of(file), previous -> {
            Read read = read(file, previous == null ? Map.of() : previous);
            return new Loaded<>(read.replies(), read.problems());
        });
    }

    List<CannedReply> all() {
        return List.copyOf(live.current().values());
    }

    /** Reads the file; a broken reply keeps its version from {@code previous} when there is one. */
    static Read read(Path path, Map<String, CannedReply> previous) {
        var file = new ContentFile(path.toString());
        if (!Files.exists(path)) {
            return new Read(Map.of(), List.of());
        }
        String text = file.read(path);
        YamlNode root = text == null ? null : file.yaml(text).orElse(null);
        YamlNode.Mapping top = root == null ? null
                : file.mapping(root, "the file must be a mapping with a list 'replies:'");
        YamlNode list = top == null ? null : file.present(top, "replies", true);
        if (list != null && !(list instanceof YamlNode.Sequence)) {
            file.error(list.line(), "'replies' must be a list of {id, lang, title, text}, not " + list.describe());
        }
        if (top != null) {
            file.unknownKeys(top, Set.of("replies"), true);
        }
        Map<String, CannedReply> replies = new LinkedHashMap<>();
        List<Problem> kept = new ArrayList<>();
        for (YamlNode item : list instanceof YamlNode.Sequence s ? s.items() : List.<YamlNode>of()) {
            YamlNode.Mapping reply = file.mapping(item, "a canned reply is a mapping {id, lang, title, text}");
            if (reply == null) {
                continue;
            }
            int before = file.errors();
            file.unknownKeys(reply, KEYS, true);
            String id = file.id(reply, "id");
            String lang = file.text(reply, "lang", true);
            if (lang != null && !LANGUAGES.contains(lang)) {
                file.error(reply.lineOf("lang"), "lang '" + lang + "' must be one of " + String.join(", ", LANGUAGES));
            }
            String title = file.text(reply, "title", true);
            String body = file.text(reply, "text", true);
            String key = id + "/" + lang;
            if (file.errors() == before && replies.containsKey(key)) {
                file.error(reply.lineOf("id"), "a reply '" + id + "' in " + lang + " is already defined above");
                continue;
            }
            if (file.errors() == before) {
                replies.put(key, new CannedReply(id, lang, title, body));
            } else if (previous.containsKey(key) && !replies.containsKey(key)) {
                replies.put(key, previous.get(key));
                kept.add(Problem.warning(file.name(), reply.line(), "serving the last good version of '" + id + "' ("
                        + lang + ")"));
            }
        }
        List<Problem> problems = new ArrayList<>(file.problems());
        problems.addAll(kept);
        boolean whole = list instanceof YamlNode.Sequence;
        return new Read(whole ? Collections.unmodifiableMap(replies) : null, problems);
    }
}

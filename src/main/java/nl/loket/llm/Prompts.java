package nl.loket.llm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.loket.content.ContentFile;
import nl.loket.content.ContentWatcher;
import nl.loket.content.Live;
import nl.loket.content.Loaded;
import nl.loket.content.Problem;
import org.springframework.stereotype.Component;

/**
 * The prompt files in {@code loket.prompts.dir}, reloaded by the {@link ContentWatcher} when they change.
 * A file with problems is reported as {@code file:line: message} and its last good version stays in
 * service; until every file has had a good version the LLM tier stays off.
 */
@Component
class Prompts {

    static final String ANSWER = "answer.md";
    static final String SUMMARY = "handover-summary.md";
    static final List<String> LANGS = List.of("nl", "en");

    /** Which placeholders a prompt file must have and may have. */
    private record Placeholders(Set<String> required, Set<String> allowed) {
    }

    private static final Map<String, Placeholders> FILES = files();

    /** The good text of each file (kept from before for a broken one), and the set they make when complete. */
    private record Version(Map<String, String> texts, PromptSet set) {
    }

    private final Live<Version> live;

    Prompts(PromptProperties properties, ContentWatcher watcher) {
        Path dir = properties.dir().toAbsolutePath().normalize();
        this.live = watcher.watch("prompts " + dir, new Version(Map.of(), null),
                () -> FILES.keySet().stream().map(dir::resolve).toList(),
                previous -> {
                    Read read = read(dir, previous == null ? Map.of() : previous.texts());
                    return new Loaded<>(read.texts().isEmpty() ? null : new Version(read.texts(), read.set()),
                            read.problems());
                });
    }

    /** The last good prompts, or null when there never was a good version of every file. */
    PromptSet current() {
        return live.current().set();
    }

    /** The problems of the last read (empty when it was good). */
    List<String> problems() {
        return live.problems().stream().map(Problem::toString).toList();
    }

    /** What one read of the folder found. */
    record Read(Map<String, String> texts, List<Problem> problems) {

        /** The prompt set, or null while a file has never been good. */
        PromptSet set() {
            if (!texts.keySet().containsAll(FILES.keySet())) {
                return null;
            }
            Map<String, String> system = new LinkedHashMap<>();
            LANGS.forEach(lang -> system.put(lang, texts.get(system(lang))));
            return new PromptSet(Map.copyOf(system), texts.get(ANSWER), texts.get(SUMMARY));
        }
    }

    /** Reads every prompt file; a broken one keeps its text from {@code previous} when there is one. */
    static Read read(Path dir, Map<String, String> previous) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        FILES.forEach((name, placeholders) -> {
            Path path = dir.resolve(name);
            var file = new ContentFile(path.toString());
            String text = null;
            if (!Files.isRegularFile(path)) {
                file.error(1, "missing file");
            } else {
                text = file.read(path);
            }
            if (text != null) {
                PromptTemplate.check(file, text, placeholders.required(), placeholders.allowed());
            }
            problems.addAll(file.problems());
            if (text != null && file.errors() == 0) {
                texts.put(name, text);
            } else if (previous.containsKey(name)) {
                texts.put(name, previous.get(name));
                problems.add(Problem.warning(file.name(), 1, "serving the last good version of this file"));
            }
        });
        return new Read(texts, problems);
    }

    private static String system(String lang) {
        return "system." + lang + ".md";
    }

    private static Map<String, Placeholders> files() {
        Map<String, Placeholders> files = new LinkedHashMap<>();
        LANGS.forEach(lang -> files.put(system(lang), new Placeholders(Set.of("abstain"), Set.of("abstain"))));
        files.put(ANSWER, new Placeholders(Set.of("sources", "question"), Set.of("sources", "question", "history",
                "lang")));
        files.put(SUMMARY, new Placeholders(Set.of("transcript"), Set.of("transcript", "reason", "lang")));
        return files;
    }
}

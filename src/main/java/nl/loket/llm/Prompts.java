package nl.loket.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The prompt files in {@code loket.prompts.dir}: validated at start-up and reloaded when the folder
 * changes. A version with problems is reported as {@code file:line: message} and not used; the
 * last good version stays in service.
 */
@Component
class Prompts implements AutoCloseable {

    static final String ANSWER = "answer.md";
    static final String SUMMARY = "handover-summary.md";
    static final List<String> LANGS = List.of("nl", "en");

    private static final Logger log = LoggerFactory.getLogger(Prompts.class);
    private static final Set<String> SYSTEM_REQUIRED = Set.of("abstain");
    private static final Set<String> ANSWER_REQUIRED = Set.of("sources", "question");
    private static final Set<String> ANSWER_ALLOWED = Set.of("sources", "question", "history", "lang");
    private static final Set<String> SUMMARY_REQUIRED = Set.of("transcript");
    private static final Set<String> SUMMARY_ALLOWED = Set.of("transcript", "reason", "lang");

    private final Path dir;
    private volatile PromptSet current;
    private volatile List<String> problems = List.of();
    private WatchService watcher;

    Prompts(PromptProperties properties) {
        this.dir = properties.dir().toAbsolutePath().normalize();
        reload();
        watch();
    }

    /** The last good prompts, or null when there never was a good version. */
    PromptSet current() {
        return current;
    }

    /** The problems of the last load (empty when it was good). */
    List<String> problems() {
        return problems;
    }

    synchronized void reload() {
        List<String> found = new ArrayList<>();
        Map<String, String> system = new LinkedHashMap<>();
        for (String lang : LANGS) {
            String file = "system." + lang + ".md";
            String text = read(file, found);
            if (text != null) {
                found.addAll(PromptTemplate.check(display(file), text, SYSTEM_REQUIRED, SYSTEM_REQUIRED));
                system.put(lang, text);
            }
        }
        String answer = read(ANSWER, found);
        if (answer != null) {
            found.addAll(PromptTemplate.check(display(ANSWER), answer, ANSWER_REQUIRED, ANSWER_ALLOWED));
        }
        String summary = read(SUMMARY, found);
        if (summary != null) {
            found.addAll(PromptTemplate.check(display(SUMMARY), summary, SUMMARY_REQUIRED, SUMMARY_ALLOWED));
        }
        problems = List.copyOf(found);
        if (found.isEmpty()) {
            current = new PromptSet(Map.copyOf(system), answer, summary);
            log.info("prompts loaded from {}", dir);
        } else {
            found.forEach(p -> log.error("prompt problem: {}", p));
            log.error("prompts in {} have {} problem(s); {}", dir, found.size(),
                    current == null ? "the LLM tier stays off until they are fixed" : "keeping the last good version");
        }
    }

    private String read(String file, List<String> problems) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) {
            problems.add(display(file) + ":1: missing file");
            return null;
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            problems.add(display(file) + ":1: cannot be read: " + e.getMessage());
            return null;
        }
    }

    private String display(String file) {
        return dir.resolve(file).toString();
    }

    private void watch() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            watcher = dir.getFileSystem().newWatchService();
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            log.warn("cannot watch {} for changes; prompts reload only on restart", dir, e);
            return;
        }
        Thread.ofVirtual().name("prompts-watcher").start(this::watchLoop);
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // An editor's save is often several events; settle before reading.
                WatchKey more;
                do {
                    key.pollEvents();
                    key.reset();
                    more = watcher.poll(150, TimeUnit.MILLISECONDS);
                    if (more != null) {
                        key = more;
                    }
                } while (more != null);
                reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed at shutdown
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}

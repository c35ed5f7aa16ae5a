package nl.loket.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Canned replies from {@code canned.yml}, reloaded when the file changes. */
@Component
class CannedReplies {

    record CannedReply(String id, String lang, String title, String text) {
    }

    private static final Logger log = LoggerFactory.getLogger(CannedReplies.class);

    private final Path file;
    private volatile FileTime loadedAt;
    private volatile List<CannedReply> replies = List.of();

    CannedReplies(ConsoleProperties properties) {
        this.file = Path.of(properties.cannedFile());
    }

    List<CannedReply> all() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loadedAt)) {
                replies = read();
                loadedAt = modified;
            }
        } catch (IOException | RuntimeException e) {
            log.warn("canned replies {} not read: {}", file, e.toString());
        }
        return replies;
    }

    private List<CannedReply> read() throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<CannedReply> result = new ArrayList<>();
            if (root instanceof Map<?, ?> map && map.get("replies") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> r && r.get("text") != null) {
                        result.add(new CannedReply(str(r.get("id")), str(r.get("lang")), str(r.get("title")),
                                str(r.get("text"))));
                    }
                }
            }
            return List.copyOf(result);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}

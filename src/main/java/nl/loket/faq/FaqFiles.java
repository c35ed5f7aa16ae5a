package nl.loket.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.loket.conversation.QuickReply;
import tools.jackson.databind.JsonNode;

/**
 * Reads an FAQ folder. Every problem becomes a {@link Problem} with file and line; a broken file
 * is skipped, and when an earlier good version of it is known that version is kept, so one bad
 * save never takes an answer offline.
 */
final class FaqFiles {

    static final List<String> LANGUAGES = List.of("nl", "en");
    static final int MIN_QUESTIONS = 5;
    static final String SYNONYMS = "synonyms.yml";
    static final String TESTS = "tests.yml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> KEYS = Set.of("id", "lang", "title", "questions", "keywords",
            "requiredKeywords", "tags", "quickReplies", "handover", "minScore", "notice");

    /** What one read of the folder found. {@code byFile} maps a file name to the entry serving for it. */
    record Loaded(Map<String, FaqEntry> byFile, Map<String, List<List<String>>> synonyms,
            List<GoldenQuestion> golden, List<Problem> problems) {

        List<FaqEntry> entries() {
            return List.copyOf(byFile.values());
        }
    }

    private FaqFiles() {
    }

    /** Reads {@code dir}; {@code previous} is the last good read (or null) whose entries stand in for broken files. */
    static Loaded read(Path dir, Loaded previous) {
        List<Problem> problems = new ArrayList<>();
        Map<String, FaqEntry> byFile = new LinkedHashMap<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (String lang : LANGUAGES) {
            for (Path path : markdownFiles(dir.resolve(lang))) {
                String file = dir.relativize(path).toString();
                List<Problem> found = new ArrayList<>();
                FaqEntry entry = parseEntry(file, lang, read(path), found);
                problems.addAll(found);
                if (entry == null && previous != null && previous.byFile().containsKey(file)) {
                    entry = previous.byFile().get(file);
                    problems.add(Problem.warning(file, 1, "serving the last good version of '" + entry.id() + "'"));
                }
                if (entry == null) {
                    continue;
                }
                String other = fileOfId.putIfAbsent(entry.id(), file);
                if (other != null) {
                    problems.add(Problem.error(file, 2, "duplicate id '" + entry.id() + "' (also in " + other + ")"));
                    continue;
                }
                byFile.put(file, entry);
            }
        }
        Map<String, List<List<String>>> synonyms = readSynonyms(dir.resolve(SYNONYMS), problems);
        if (synonyms == null) {
            synonyms = previous == null ? Map.of() : previous.synonyms();
        }
        List<GoldenQuestion> golden = readGolden(dir.resolve(TESTS), problems);
        return new Loaded(byFile, synonyms, golden, List.copyOf(problems));
    }

    static List<Path> markdownFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses one entry file; returns null (and adds errors) when it cannot serve. */
    static FaqEntry parseEntry(String file, String folderLang, String text, List<Problem> problems) {
        if (text == null) {
            problems.add(Problem.error(file, 1, "cannot read the file"));
            return null;
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problems.add(Problem.error(file, 1, "front matter missing: the file must start with a line '---'"));
            return null;
        }
        int end = -1;
        for (int i = 1; i < lines.size() && end < 0; i++) {
            if (lines.get(i).strip().equals("---")) {
                end = i;
            }
        }
        if (end < 0) {
            problems.add(Problem.error(file, 1, "front matter not closed: add a line '---' after it"));
            return null;
        }
        YamlDocument doc;
        try {
            doc = YamlDocument.parse(String.join("\n", lines.subList(1, end)), 2);
        } catch (YamlDocument.Invalid e) {
            problems.add(Problem.error(file, e.line, e.getMessage()));
            return null;
        }
        if (!doc.root().isObject()) {
            problems.add(Problem.error(file, 2, "front matter must be a mapping of keys (id: ..., lang: ...)"));
            return null;
        }
        int before = errorCount(problems);
        var fields = new Fields(file, doc, problems);
        doc.keyLines().keySet().stream().filter(k -> !KEYS.contains(k)).sorted().forEach(
                k -> problems.add(Problem.warning(file, doc.lineOf(k), "unknown key '" + k + "' (ignored)")));
        String id = fields.requiredString("id");
        if (id != null && !ID.matcher(id).matches()) {
            fields.error("id", "id '" + id + "' must be lowercase letters, digits and dashes");
        }
        String lang = fields.requiredString("lang");
        if (lang != null && !lang.equals(folderLang)) {
            fields.error("lang", "lang '" + lang + "' does not match the folder '" + folderLang + "/'");
        }
        String title = fields.requiredString("title");
        List<String> questions = fields.strings("questions", true);
        if (questions != null && questions.size() < MIN_QUESTIONS) {
            fields.error("questions", "needs at least " + MIN_QUESTIONS + " example questions, found "
                    + questions.size());
        }
        List<String> keywords = fields.strings("keywords", false);
        List<String> requiredKeywords = fields.strings("requiredKeywords", false);
        List<String> tags = fields.strings("tags", false);
        List<QuickReply> quickReplies = fields.quickReplies();
        String handover = fields.optionalString("handover");
        Double minScore = fields.fraction("minScore");
        FaqNotice notice = fields.notice();
        String answer = String.join("\n", lines.subList(end + 1, lines.size())).strip();
        if (answer.isEmpty()) {
            problems.add(Problem.error(file, end + 1, "the answer is empty: write it below the closing '---'"));
        }
        if (errorCount(problems) > before) {
            return null;
        }
        return new FaqEntry(id, lang, title, questions, keywords, requiredKeywords, tags, quickReplies, handover,
                minScore, notice, answer, file);
    }

    private static int errorCount(List<Problem> problems) {
        return (int) problems.stream().filter(Problem::error).count();
    }

    /** Typed access to front-matter keys that reports problems at the key's line. */
    private record Fields(String file, YamlDocument doc, List<Problem> problems) {

        void error(String key, String message) {
            problems.add(Problem.error(file, doc.lineOf(key), message));
        }

        JsonNode node(String key) {
            JsonNode node = doc.root().get(key);
            return node == null || node.isNull() ? null : node;
        }

        String requiredString(String key) {
            String value = optionalString(key);
            if (value == null && node(key) == null) {
                error(key, "missing required key '" + key + "'");
            }
            return value;
        }

        String optionalString(String key) {
            JsonNode node = node(key);
            if (node == null) {
                return null;
            }
            if (!node.isValueNode() || node.asString().isBlank()) {
                error(key, "'" + key + "' must be a non-empty text");
                return null;
            }
            return node.asString().strip();
        }

        List<String> strings(String key, boolean required) {
            JsonNode node = node(key);
            if (node == null) {
                if (required) {
                    error(key, "missing required key '" + key + "'");
                }
                return required ? null : List.of();
            }
            if (!node.isArray()) {
                error(key, "'" + key + "' must be a list");
                return null;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull() || item.asString().isBlank()) {
                    error(key, "every item of '" + key + "' must be a non-empty text");
                    return null;
                }
                values.add(item.asString().strip());
            }
            return values;
        }

        List<QuickReply> quickReplies() {
            JsonNode node = node("quickReplies");
            if (node == null) {
                return List.of();
            }
            List<QuickReply> replies = new ArrayList<>();
            for (JsonNode item : node.isArray() ? node : List.<JsonNode>of()) {
                JsonNode label = item.get("label");
                JsonNode value = item.get("value");
                if (label == null || value == null || !label.isValueNode() || !value.isValueNode()) {
                    break;
                }
                replies.add(new QuickReply(label.asString(), value.asString()));
            }
            if (!node.isArray() || replies.size() != node.size()) {
                error("quickReplies", "'quickReplies' must be a list of {label: ..., value: ...}");
                return null;
            }
            return replies;
        }

        Double fraction(String key) {
            JsonNode node = node(key);
            if (node == null) {
                return null;
            }
            if (!node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
                error(key, "'" + key + "' must be a number from 0 to 1");
                return null;
            }
            return node.asDouble();
        }

        FaqNotice notice() {
            JsonNode node = node("notice");
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                error("notice", "'notice' must be {from: <date-time>, until: <date-time>}");
                return null;
            }
            OffsetDateTime from = dateTime(node.get("from"), "from");
            OffsetDateTime until = dateTime(node.get("until"), "until");
            if (from == null || until == null) {
                return null;
            }
            if (!until.isAfter(from)) {
                error("notice", "notice 'until' (" + until + ") is not after 'from' (" + from + ")");
                return null;
            }
            return new FaqNotice(from, until);
        }

        private OffsetDateTime dateTime(JsonNode node, String name) {
            if (node == null || !node.isValueNode()) {
                error("notice", "notice needs '" + name + "' as a date-time like 2026-11-20T07:00:00+01:00");
                return null;
            }
            try {
                return OffsetDateTime.parse(node.asString().strip());
            } catch (DateTimeParseException e) {
                error("notice", "notice '" + name + "' is not a date-time with offset (like "
                        + "2026-11-20T07:00:00+01:00): " + node.asString());
                return null;
            }
        }
    }

    /** Returns null when the file is broken (the caller keeps the last good synonyms). */
    static Map<String, List<List<String>>> readSynonyms(Path path, List<Problem> problems) {
        String text = Files.exists(path) ? read(path) : "";
        String file = path.getFileName().toString();
        YamlDocument doc;
        try {
            doc = YamlDocument.parse(text == null ? "" : text, 1);
        } catch (YamlDocument.Invalid e) {
            problems.add(Problem.error(file, e.line, e.getMessage()));
            return null;
        }
        Map<String, List<List<String>>> result = new HashMap<>();
        if (doc.root().isMissingNode() || doc.root().isEmpty()) {
            return result;
        }
        if (!doc.root().isObject()) {
            problems.add(Problem.error(file, 1, "synonyms must be a mapping: nl: [[a, b], ...], en: [...]"));
            return null;
        }
        for (var property : doc.root().properties()) {
            String lang = property.getKey();
            if (!LANGUAGES.contains(lang)) {
                problems.add(Problem.error(file, doc.lineOf(lang), "unknown language '" + lang + "' (nl or en)"));
                return null;
            }
            List<List<String>> groups = new ArrayList<>();
            for (JsonNode group : property.getValue()) {
                List<String> words = new ArrayList<>();
                group.forEach(w -> words.add(w.asString().strip()));
                if (!group.isArray() || words.size() < 2 || words.stream().anyMatch(String::isBlank)) {
                    problems.add(Problem.error(file, doc.lineOf(lang),
                            "every synonym group of '" + lang + "' must be a list of at least two words"));
                    return null;
                }
                groups.add(List.copyOf(words));
            }
            result.put(lang, List.copyOf(groups));
        }
        return result;
    }

    static List<GoldenQuestion> readGolden(Path path, List<Problem> problems) {
        if (!Files.exists(path)) {
            return List.of();
        }
        String file = path.getFileName().toString();
        YamlDocument doc;
        try {
            doc = YamlDocument.parse(read(path), 1);
        } catch (YamlDocument.Invalid e) {
            problems.add(Problem.error(file, e.line, e.getMessage()));
            return List.of();
        }
        JsonNode root = doc.root();
        if (root.isObject() && root.has("tests")) {
            root = root.get("tests");
        }
        List<GoldenQuestion> golden = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.isArray() ? root : List.<JsonNode>of()) {
            int line = doc.lineOfItem(index++);
            String q = item.path("q").asString("");
            String lang = item.path("lang").asString("");
            String expect = item.path("expect").asString("");
            if (q.isBlank() || !LANGUAGES.contains(lang) || expect.isBlank()) {
                problems.add(Problem.error(file, line, "a golden question needs q, lang (nl/en) and expect "
                        + "(an entry id or 'none')"));
                continue;
            }
            golden.add(new GoldenQuestion(q, lang, expect, line));
        }
        return golden;
    }
}

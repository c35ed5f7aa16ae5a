package nl.loket.faq;

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
import nl.loket.content.ContentFile;
import nl.loket.content.Problem;
import nl.loket.content.YamlNode;
import nl.loket.conversation.QuickReply;

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

    /** The files the FAQ is served from (the golden questions only matter to the check). */
    static List<Path> served(Path dir) {
        List<Path> files = new ArrayList<>();
        LANGUAGES.forEach(lang -> files.addAll(ContentFile.filesIn(dir.resolve(lang), ".md")));
        files.add(dir.resolve(SYNONYMS));
        return files;
    }

    /** Reads {@code dir}; {@code previous} is the last good read (or null) whose entries stand in for broken files. */
    static Loaded read(Path dir, Loaded previous) {
        List<Problem> problems = new ArrayList<>();
        Map<String, FaqEntry> byFile = new LinkedHashMap<>();
        Map<String, String> fileOfId = new HashMap<>();
        for (String lang : LANGUAGES) {
            for (Path path : ContentFile.filesIn(dir.resolve(lang), ".md")) {
                String relative = dir.relativize(path).toString();
                var file = new ContentFile(path.toString());
                String text = file.read(path);
                FaqEntry entry = text == null ? null : parseEntry(file, relative, lang, text);
                problems.addAll(file.problems());
                if (entry == null && previous != null && previous.byFile().containsKey(relative)) {
                    entry = previous.byFile().get(relative);
                    problems.add(Problem.warning(file.name(), 1, "serving the last good version of '" + entry.id()
                            + "'"));
                }
                if (entry == null) {
                    continue;
                }
                String other = fileOfId.putIfAbsent(entry.id(), relative);
                if (other != null) {
                    problems.add(Problem.error(file.name(), 2, "duplicate id '" + entry.id() + "' (also in " + other
                            + ")"));
                    continue;
                }
                byFile.put(relative, entry);
            }
        }
        Map<String, List<List<String>>> synonyms = readSynonyms(dir.resolve(SYNONYMS), problems);
        if (synonyms == null) {
            synonyms = previous == null ? Map.of() : previous.synonyms();
        }
        List<GoldenQuestion> golden = readGolden(dir.resolve(TESTS), problems);
        return new Loaded(byFile, synonyms, golden, List.copyOf(problems));
    }

    /**
     * Parses one entry file; returns null (with errors in {@code file}) when it cannot serve.
     *
     * @param relative the file's name in the FAQ folder, which the entry keeps
     */
    static FaqEntry parseEntry(ContentFile file, String relative, String folderLang, String text) {
        ContentFile.FrontMatter front = file.frontMatter(text).orElse(null);
        if (front == null) {
            return null;
        }
        int before = file.errors();
        YamlNode.Mapping keys = front.header();
        file.unknownKeys(keys, KEYS, false);
        String id = file.id(keys, "id");
        String lang = file.text(keys, "lang", true);
        if (lang != null && !lang.equals(folderLang)) {
            file.error(keys.lineOf("lang"), "lang '" + lang + "' does not match the folder '" + folderLang + "/'");
        }
        String title = file.text(keys, "title", true);
        List<String> questions = file.texts(keys, "questions", true);
        if (questions != null && questions.size() < MIN_QUESTIONS) {
            file.error(keys.lineOf("questions"), "needs at least " + MIN_QUESTIONS + " example questions, found "
                    + questions.size());
        }
        List<String> keywords = file.texts(keys, "keywords", false);
        List<String> requiredKeywords = file.texts(keys, "requiredKeywords", false);
        List<String> tags = file.texts(keys, "tags", false);
        List<QuickReply> quickReplies = quickReplies(file, keys);
        String handover = file.text(keys, "handover", false);
        Double minScore = file.number(keys, "minScore", 0, 1);
        FaqNotice notice = notice(file, keys);
        String answer = front.body().strip();
        if (answer.isEmpty()) {
            file.error(front.bodyLine() - 1, "the answer is empty: write it below the closing '---'");
        }
        if (file.errors() > before) {
            return null;
        }
        return new FaqEntry(id, lang, title, questions, keywords, requiredKeywords, tags, quickReplies, handover,
                minScore, notice, answer, relative);
    }

    private static List<QuickReply> quickReplies(ContentFile file, YamlNode.Mapping keys) {
        YamlNode node = file.present(keys, "quickReplies", false);
        if (node == null) {
            return List.of();
        }
        List<QuickReply> replies = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(node);
        for (YamlNode item : items) {
            YamlNode.Mapping reply = item instanceof YamlNode.Mapping m ? m : null;
            String label = reply == null ? null : reply.get("label").map(ContentFile::text).orElse(null);
            String value = reply == null ? null : reply.get("value").map(ContentFile::text).orElse(null);
            if (label == null || value == null || !(node instanceof YamlNode.Sequence)) {
                file.error(item.line(), "'quickReplies' must be a list of {label: ..., value: ...}");
                return null;
            }
            replies.add(new QuickReply(label, value));
        }
        return replies;
    }

    private static FaqNotice notice(ContentFile file, YamlNode.Mapping keys) {
        YamlNode node = file.present(keys, "notice", false);
        if (node == null) {
            return null;
        }
        YamlNode.Mapping notice = file.mapping(node, "'notice' must be {from: <date-time>, until: <date-time>}");
        if (notice == null) {
            return null;
        }
        OffsetDateTime from = dateTime(file, notice, "from");
        OffsetDateTime until = dateTime(file, notice, "until");
        if (from == null || until == null) {
            return null;
        }
        if (!until.isAfter(from)) {
            file.error(notice.lineOf("until"), "notice 'until' (" + until + ") is not after 'from' (" + from + ")");
            return null;
        }
        return new FaqNotice(from, until);
    }

    private static OffsetDateTime dateTime(ContentFile file, YamlNode.Mapping notice, String name) {
        String text = notice.get(name).map(ContentFile::text).orElse(null);
        if (text == null) {
            file.error(notice.lineOf(name), "notice needs '" + name
                    + "' as a date-time like 2026-11-20T07:00:00+01:00");
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            file.error(notice.lineOf(name), "notice '" + name + "' is not a date-time with offset (like "
                    + "2026-11-20T07:00:00+01:00): " + text);
            return null;
        }
    }

    /** Returns null when the file is broken (the caller keeps the last good synonyms). */
    static Map<String, List<List<String>>> readSynonyms(Path path, List<Problem> problems) {
        var file = new ContentFile(path.toString());
        String text = Files.exists(path) ? file.read(path) : "";
        YamlNode root = text == null ? null : file.yaml(text).orElse(null);
        Map<String, List<List<String>>> result = root == null ? null : synonyms(file, root);
        problems.addAll(file.problems());
        return file.errors() > 0 ? null : result;
    }

    private static Map<String, List<List<String>>> synonyms(ContentFile file, YamlNode root) {
        Map<String, List<List<String>>> result = new HashMap<>();
        if (root instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            return result;
        }
        YamlNode.Mapping languages = file.mapping(root, "synonyms must be a mapping: nl: [[a, b], ...], en: [...]");
        if (languages == null) {
            return null;
        }
        languages.entries().forEach((lang, entry) -> {
            if (!LANGUAGES.contains(lang)) {
                file.error(entry.keyLine(), "unknown language '" + lang + "' (nl or en)");
                return;
            }
            List<List<String>> groups = new ArrayList<>();
            List<YamlNode> items = entry.value() instanceof YamlNode.Sequence s ? s.items() : List.of(entry.value());
            for (YamlNode group : items) {
                List<String> words = group instanceof YamlNode.Sequence s
                        ? s.items().stream().map(ContentFile::text).toList() : List.of();
                if (!(entry.value() instanceof YamlNode.Sequence) || words.size() < 2 || words.contains(null)) {
                    file.error(group.line(), "every synonym group of '" + lang
                            + "' must be a list of at least two words, like [verhuizen, verhuizing]");
                    continue;
                }
                groups.add(List.copyOf(words));
            }
            result.put(lang, List.copyOf(groups));
        });
        return result;
    }

    static List<GoldenQuestion> readGolden(Path path, List<Problem> problems) {
        if (!Files.exists(path)) {
            return List.of();
        }
        var file = new ContentFile(path.toString());
        String text = file.read(path);
        YamlNode root = text == null ? null : file.yaml(text).orElse(null);
        List<GoldenQuestion> golden = new ArrayList<>();
        if (root instanceof YamlNode.Mapping mapping && mapping.get("tests").isPresent()) {
            root = mapping.get("tests").get();
        }
        boolean empty = root instanceof YamlNode.Scalar s && s.isNull();
        if (root != null && !(root instanceof YamlNode.Sequence) && !empty) {
            file.error(root.line(), "golden questions are a list of {q: ..., lang: nl, expect: <entry id or none>}");
        }
        for (YamlNode item : root instanceof YamlNode.Sequence sequence ? sequence.items() : List.<YamlNode>of()) {
            YamlNode.Mapping m = item instanceof YamlNode.Mapping mapping ? mapping : null;
            String q = m == null ? null : m.get("q").map(ContentFile::text).orElse(null);
            String lang = m == null ? null : m.get("lang").map(ContentFile::text).orElse(null);
            String expect = m == null ? null : m.get("expect").map(ContentFile::text).orElse(null);
            if (q == null || !LANGUAGES.contains(lang) || expect == null) {
                file.error(item.line(), "a golden question needs q, lang (nl/en) and expect (an entry id or 'none')");
                continue;
            }
            golden.add(new GoldenQuestion(q, lang, expect, item.line()));
        }
        problems.addAll(file.problems());
        return golden;
    }
}

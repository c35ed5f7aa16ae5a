package nl.loket.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One content file being read: its text parsed as YAML or as Markdown with front matter, typed access to
 * its keys, and every problem found on the way with the line it is on. Accessors that meet a value they
 * cannot use add an error and return null, so a reader can go on and report every mistake in one pass,
 * then check {@link #errors()} to see whether the result can serve.
 */
public final class ContentFile {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String name;
    private final List<Problem> problems = new ArrayList<>();

    /** @param name the file as the editor opens it; it starts every problem */
    public ContentFile(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The problems in the order of their lines, the way an editor goes through them. */
    public List<Problem> problems() {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }

    public int errors() {
        return (int) problems.stream().filter(Problem::error).count();
    }

    public void error(int line, String message) {
        problems.add(Problem.error(name, line, message));
    }

    public void warning(int line, String message) {
        problems.add(Problem.warning(name, line, message));
    }

    /** The file's text with Windows line ends made plain, or null (and an error) when it cannot be read. */
    public String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            error(1, "cannot read the file: " + e.getMessage());
            return null;
        }
    }

    /** The YAML text's root; empty when the text is not valid YAML. An empty text is a null scalar. */
    public Optional<YamlNode> yaml(String text) {
        return YamlParser.parse(this, text, 1);
    }

    /** Front matter ({@code ---}, YAML keys, {@code ---}) and the Markdown below it. */
    public record FrontMatter(YamlNode.Mapping header, String body, int bodyLine) {
    }

    public Optional<FrontMatter> frontMatter(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().strip().equals("---")) {
            error(1, "front matter missing: the file must start with a line '---'");
            return Optional.empty();
        }
        int end = 1;
        while (end < lines.size() && !lines.get(end).strip().equals("---")) {
            end++;
        }
        if (end == lines.size()) {
            error(1, "front matter not closed: add a line '---' after it");
            return Optional.empty();
        }
        Optional<YamlNode> header = YamlParser.parse(this, String.join("\n", lines.subList(1, end)), 2);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (!(header.get() instanceof YamlNode.Mapping mapping)) {
            error(2, "front matter must be a mapping of keys (id: ..., lang: ...)");
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(mapping, String.join("\n", lines.subList(end + 1, lines.size())), end + 2));
    }

    /** {@code node} as a mapping, or null with an error that says what was expected. */
    public YamlNode.Mapping mapping(YamlNode node, String expected) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        error(node.line(), expected + ", not " + node.describe());
        return null;
    }

    /** Adds a problem for every key not in {@code known}: an error, or a warning when the key is ignored harmlessly. */
    public void unknownKeys(YamlNode.Mapping mapping, Set<String> known, boolean error) {
        String list = String.join(", ", new TreeSet<>(known));
        mapping.entries().forEach((key, entry) -> {
            if (!known.contains(key)) {
                if (error) {
                    error(entry.keyLine(), "unknown key '" + key + "'; known keys: " + list);
                } else {
                    warning(entry.keyLine(), "unknown key '" + key + "' (ignored); known keys: " + list);
                }
            }
        });
    }

    /** A non-empty text (a number or true/false written bare counts as its text), stripped; null when absent. */
    public String text(YamlNode.Mapping mapping, String key, boolean required) {
        YamlNode node = present(mapping, key, required);
        if (node == null) {
            return null;
        }
        String text = text(node);
        if (text == null) {
            error(mapping.lineOf(key), "'" + key + "' must be a non-empty text, not " + node.describe());
        }
        return text;
    }

    /** A non-empty scalar's stripped text, or null for anything else. */
    public static String text(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()
                ? scalar.text().strip() : null;
    }

    /** A required id: lowercase letters, digits and dashes, as in file names and URLs; null when absent or broken. */
    public String id(YamlNode.Mapping mapping, String key) {
        String id = text(mapping, key, true);
        if (id != null && !ID.matcher(id).matches()) {
            error(mapping.lineOf(key), key + " '" + id + "' must be lowercase letters, digits and dashes");
            return null;
        }
        return id;
    }

    /** A list of non-empty texts; an absent optional key is an empty list, a broken one null. */
    public List<String> texts(YamlNode.Mapping mapping, String key, boolean required) {
        YamlNode node = present(mapping, key, required);
        if (node == null) {
            return required ? null : List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            error(mapping.lineOf(key), "'" + key + "' must be a list (- item, or [a, b]), not " + node.describe());
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            String text = text(item);
            if (text == null) {
                error(item.line(), "every item of '" + key + "' must be a non-empty text, not " + item.describe());
                return null;
            }
            texts.add(text);
        }
        return List.copyOf(texts);
    }

    /** A number from {@code min} to {@code max}; null when absent or broken. */
    public Double number(YamlNode.Mapping mapping, String key, double min, double max) {
        YamlNode node = present(mapping, key, false);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.Scalar.Type.NUMBER) {
            double value = Double.parseDouble(scalar.text());
            if (value >= min && value <= max) {
                return value;
            }
        }
        error(mapping.lineOf(key), "'" + key + "' must be a number from " + format(min) + " to " + format(max));
        return null;
    }

    /** {@code true} or {@code false}; absent is false. */
    public boolean flag(YamlNode.Mapping mapping, String key) {
        YamlNode node = present(mapping, key, false);
        if (node == null) {
            return false;
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.Scalar.Type.BOOLEAN) {
            return Boolean.parseBoolean(scalar.text());
        }
        error(mapping.lineOf(key), "'" + key + "' must be true or false, not " + node.describe());
        return false;
    }

    /** The key's value when it is there and not empty; a missing required key is an error at the mapping's line. */
    public YamlNode present(YamlNode.Mapping mapping, String key, boolean required) {
        YamlNode node = mapping.get(key).filter(n -> !(n instanceof YamlNode.Scalar s && s.isNull())).orElse(null);
        if (node == null && required) {
            error(mapping.lineOf(key), "missing required key '" + key + "'");
        }
        return node;
    }

    /** The files directly in {@code folder} whose names end with {@code suffix}, sorted; none when it is missing. */
    public static List<Path> filesIn(Path folder, String suffix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

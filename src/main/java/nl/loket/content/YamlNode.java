package nl.loket.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML value with the file line it starts on, so a problem found after parsing still has a line. */
public sealed interface YamlNode {

    int line();

    /** What the node is, in the words of an error message ("a text", "a list", ...). */
    String describe();

    /** A plain value; {@code text} is null for an empty value ({@code key:} or {@code null}). */
    record Scalar(String text, Type type, int line) implements YamlNode {

        public enum Type { TEXT, NUMBER, BOOLEAN, NULL }

        public boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String describe() {
            return switch (type) {
                case TEXT -> "a text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "empty";
            };
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** Keys in file order, each with the line the key is written on. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {

        public record Entry(int keyLine, YamlNode value) {
        }

        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(entries.get(key)).map(Entry::value);
        }

        /** The key's line, or the mapping's own line when the key is missing (where it should be added). */
        public int lineOf(String key) {
            Entry entry = entries.get(key);
            return entry == null ? line : entry.keyLine();
        }

        @Override
        public String describe() {
            return "a mapping (key: value)";
        }
    }
}

package nl.loket.faq;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed YAML text plus the line of every top-level key and of every top-level list item, so
 * problems found after parsing can still point editors at a line.
 *
 * @param firstLine the file line of the text's first line (front matter starts on line 2)
 */
record YamlDocument(JsonNode root, Map<String, Integer> keyLines, Map<Integer, Integer> itemLines, int firstLine) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Thrown for YAML the parser rejects; {@code line} is already a file line. */
    static final class Invalid extends Exception {
        final int line;

        Invalid(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static YamlDocument parse(String text, int firstLine) throws Invalid {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new Invalid(firstLine + line - 1, "invalid YAML: " + e.getOriginalMessage());
        }
        Map<String, Integer> keyLines = new HashMap<>();
        Map<Integer, Integer> itemLines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            int depth = 0;
            int item = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = firstLine + parser.currentTokenLocation().getLineNr() - 1;
                if (depth == 1 && token == JsonToken.PROPERTY_NAME) {
                    keyLines.put(parser.currentName(), line);
                }
                if (depth == 1 && root.isArray() && (token.isStructStart() || token.isScalarValue())) {
                    itemLines.put(item++, line);
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        }
        return new YamlDocument(root == null ? YAML.createObjectNode() : root, keyLines, itemLines, firstLine);
    }

    int lineOf(String key) {
        return keyLines.getOrDefault(key, firstLine);
    }

    int lineOfItem(int index) {
        return itemLines.getOrDefault(index, firstLine);
    }
}

package nl.loket.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds {@link YamlNode}s from Jackson's YAML tokens, which carry their locations. A syntax error is
 * placed where the editor made it: for an unclosed quote or bracket the parser only notices at the end
 * of the file or on a later line, so the line where it was opened is reported instead.
 */
final class YamlParser {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final ContentFile file;
    private final int offset;
    private JsonParser parser;
    private List<String> lines;
    private int lastTextLine;

    private YamlParser(ContentFile file, int firstLine) {
        this.file = file;
        this.offset = firstLine - 1;
    }

    /** The text's root node, or empty (with the problem added to {@code file}) when it is not valid YAML. */
    static Optional<YamlNode> parse(ContentFile file, String text, int firstLine) {
        return new YamlParser(file, firstLine).parse(text);
    }

    private Optional<YamlNode> parse(String text) {
        lines = text.lines().toList();
        try (JsonParser p = YAML.createParser(text)) {
            parser = p;
            JsonToken token = p.nextToken();
            if (token == null) {
                return Optional.of(new YamlNode.Scalar(null, YamlNode.Scalar.Type.NULL, offset + 1));
            }
            return Optional.of(node(token));
        } catch (JacksonException e) {
            syntaxError(e);
            return Optional.empty();
        }
    }

    private int line() {
        return offset + Math.max(1, parser.currentTokenLocation().getLineNr());
    }

    private YamlNode node(JsonToken token) {
        int line = line();
        return switch (token) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_STRING -> {
                lastTextLine = line;
                yield new YamlNode.Scalar(parser.getString(), YamlNode.Scalar.Type.TEXT, line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                new YamlNode.Scalar(parser.getString(), YamlNode.Scalar.Type.NUMBER, line);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getString(), YamlNode.Scalar.Type.BOOLEAN, line);
            default -> new YamlNode.Scalar(null, YamlNode.Scalar.Type.NULL, line);
        };
    }

    private YamlNode.Mapping mapping(int line) {
        Map<String, YamlNode.Mapping.Entry> entries = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String key = parser.currentName();
            int keyLine = line();
            YamlNode value = node(parser.nextToken());
            YamlNode.Mapping.Entry first = entries.putIfAbsent(key, new YamlNode.Mapping.Entry(keyLine, value));
            if (first != null) {
                file.error(keyLine, "duplicate key '" + key + "' (first on line " + first.keyLine()
                        + "): remove one of them");
            }
        }
        return new YamlNode.Mapping(entries, line);
    }

    private YamlNode.Sequence sequence(int line) {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(node(token));
        }
        return new YamlNode.Sequence(items, line);
    }

    private void syntaxError(JacksonException e) {
        if (!(e.getCause() instanceof MarkedYamlEngineException marked)) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            file.error(offset + line, "invalid YAML: " + e.getOriginalMessage());
            return;
        }
        String context = marked.getContext() == null ? "" : marked.getContext();
        String problem = marked.getProblem() == null ? "" : marked.getProblem();
        // An opened quote or bracket runs on until the parser gives up, lines later: point at the opening.
        boolean opened = context.contains("quoted scalar") || context.contains("flow")
                || context.contains("simple key");
        Optional<Mark> mark = opened && marked.getContextMark().isPresent() ? marked.getContextMark()
                : marked.getProblemMark();
        int line = offset + mark.map(m -> m.getLine() + 1).orElse(1);
        // A quote left open is closed by the next quote in the file, and the error comes after that one: when
        // the text before the error began on an earlier line with an odd number of quotes, the slip is there.
        if (!opened && lastTextLine > offset && lastTextLine < line && unbalancedQuote(lastTextLine)) {
            file.error(lastTextLine, "invalid YAML: the quote opened on this line is not closed on it, so the text "
                    + "runs on until line " + line + ", where the parser gives up");
            return;
        }
        file.error(line, "invalid YAML: " + explain(context, problem));
    }

    private boolean unbalancedQuote(int fileLine) {
        String line = lines.get(fileLine - offset - 1).replace("\\\"", "");
        return line.chars().filter(c -> c == '"').count() % 2 == 1;
    }

    /** The parser's words, preceded by what an editor usually did to cause them. */
    private static String explain(String context, String problem) {
        String hint;
        if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
            hint = "a tab; indent with spaces only";
        } else if (context.contains("quoted scalar")) {
            hint = "the quote opened on this line is never closed";
        } else if (context.contains("flow sequence")) {
            hint = "the '[' opened on this line is never closed with ']'";
        } else if (context.contains("flow mapping")) {
            hint = "the '{' opened on this line is never closed with '}'";
        } else if (context.contains("simple key")) {
            hint = "this line has no ':' after its key";
        } else if (problem.contains("mapping values are not allowed")) {
            hint = "a ':' where none can be: check this line's indentation, or put the text in quotes";
        } else if (problem.contains("expected <block end>")) {
            hint = "this line's indentation does not fit the lines above it (or a quote ends too early)";
        } else {
            hint = null;
        }
        String words = (context.isEmpty() ? "" : context + ": ") + problem.replace("\n", " ");
        return hint == null ? words : hint + " (" + words + ")";
    }
}

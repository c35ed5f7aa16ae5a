package nl.loket.action;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import nl.loket.content.ContentFile;
import nl.loket.content.Problem;
import nl.loket.content.YamlNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the action files of a folder: one {@code <id>.yml} per action. A file with errors is left out
 * (with every problem as {@code file:line: message}); the others serve, so one broken action never
 * blocks the rest.
 */
final class ActionFiles {

    static final List<String> LANGS = List.of("nl", "en");
    private static final Set<String> KEYS = Set.of("id", "verified", "title", "description", "offer", "phrases", "faq", "fields",
            "summary", "done", "call");
    private static final Set<String> FIELD_KEYS = Set.of("name", "type", "label", "help", "error", "optional",
            "pattern", "min", "max", "window", "choices", "customer");
    private static final Set<String> CALL_KEYS = Set.of("system", "method", "path", "body", "timeout", "success",
            "reference", "message", "errors");
    private static final Set<String> ERROR_KEYS = Set.of("4xx", "5xx", "timeout", "unavailable", "unexpected");
    private static final Set<String> CUSTOMER = Set.of("id", "name", "email");
    private static final Set<String> RESULT_NAMES = Set.of("reference", "message");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern STATUS = Pattern.compile("[45]\\d\\d");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)");
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param byFile the usable actions by file name; a broken file is absent */
    record Result(Map<String, ActionDefinition> byFile, List<Problem> problems) {
        Result {
            byFile = Map.copyOf(byFile);
            problems = List.copyOf(problems);
        }
    }

    private ActionFiles() {
    }

    static List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>(ContentFile.filesIn(dir, ".yml"));
        files.addAll(ContentFile.filesIn(dir, ".yaml"));
        return files.stream().sorted().toList();
    }

    static Result read(Path dir) {
        List<Problem> problems = new ArrayList<>();
        Map<String, ActionDefinition> byFile = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Path path : files(dir)) {
            ContentFile file = new ContentFile(path.toString());
            if (path.getFileName().toString().endsWith(".yaml")) {
                file.error(1, "not read: action files end in .yml");
                problems.addAll(file.problems());
                continue;
            }
            ActionDefinition action = read(file, path);
            if (action != null && ids.containsKey(action.id())) {
                file.error(1, "id '" + action.id() + "' is also the id of " + ids.get(action.id()));
                action = null;
            }
            problems.addAll(file.problems());
            if (action != null && file.errors() == 0) {
                ids.put(action.id(), path.toString());
                byFile.put(path.getFileName().toString(), action);
            }
        }
        return new Result(byFile, problems);
    }

    private static ActionDefinition read(ContentFile file, Path path) {
        String text = file.read(path);
        if (text == null) {
            return null;
        }
        YamlNode root = file.yaml(text).orElse(null);
        YamlNode.Mapping top = root == null ? null : file.mapping(root, "an action file is a mapping (id: ..., fields: ...)");
        if (top == null) {
            return null;
        }
        file.unknownKeys(top, KEYS, true);
        String id = file.id(top, "id");
        String expected = path.getFileName().toString().replaceFirst("\\.yml$", "");
        if (id != null && !id.equals(expected)) {
            file.error(top.lineOf("id"), "id '" + id + "' must be the file's name: " + expected);
        }
        boolean verified = file.flag(top, "verified");
        Texts title = texts(file, top, "title", true);
        Texts description = texts(file, top, "description", false);
        Texts offer = texts(file, top, "offer", false);
        Map<String, List<String>> phrases = phrases(file, top);
        List<String> faq = file.texts(top, "faq", false);
        List<ActionField> fields = fields(file, top);
        Set<String> names = new HashSet<>(RESULT_NAMES);
        CUSTOMER.forEach(c -> names.add("customer." + c));
        fields.forEach(f -> names.add(f.name()));
        Texts summary = texts(file, top, "summary", true);
        Texts done = texts(file, top, "done", true);
        placeholders(file, top, "summary", summary, names);
        placeholders(file, top, "done", done, names);
        ActionCall call = call(file, top, names);
        if (fields.stream().anyMatch(f -> f.customer() != null) && !verified) {
            file.error(top.lineOf("verified"), "a field filled in from the customer needs 'verified: true': "
                    + "an unsigned customer's details are not theirs for sure");
        }
        if (file.errors() > 0) {
            return null;
        }
        return new ActionDefinition(id, verified, title, description, offer, phrases, faq == null ? List.of() : faq, fields,
                summary, done, call, path.toString());
    }

    private static Texts texts(ContentFile file, YamlNode.Mapping mapping, String key, boolean required) {
        YamlNode node = file.present(mapping, key, required);
        if (node == null) {
            return Texts.NONE;
        }
        YamlNode.Mapping byLang = file.mapping(node, "'" + key + "' is a text per language (nl: ..., en: ...)");
        if (byLang == null) {
            return Texts.NONE;
        }
        file.unknownKeys(byLang, Set.copyOf(LANGS), true);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String lang : LANGS) {
            String text = file.text(byLang, lang, true);
            if (text != null) {
                texts.put(lang, text);
            }
        }
        return new Texts(texts);
    }

    private static Map<String, List<String>> phrases(ContentFile file, YamlNode.Mapping top) {
        YamlNode node = file.present(top, "phrases", true);
        YamlNode.Mapping byLang = node == null ? null
                : file.mapping(node, "'phrases' is a list per language (nl: [...], en: [...])");
        if (byLang == null) {
            return Map.of();
        }
        file.unknownKeys(byLang, Set.copyOf(LANGS), true);
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        for (String lang : LANGS) {
            List<String> list = file.texts(byLang, lang, false);
            if (list != null && !list.isEmpty()) {
                phrases.put(lang, list);
            }
        }
        if (phrases.isEmpty() && file.errors() == 0) {
            file.error(top.lineOf("phrases"), "'phrases' needs at least one phrase: what a customer says to get it");
        }
        return phrases;
    }

    private static List<ActionField> fields(ContentFile file, YamlNode.Mapping top) {
        YamlNode node = file.present(top, "fields", true);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            file.error(node.line(), "'fields' must be a list of fields (- name: ..., type: ...)");
            return List.of();
        }
        List<ActionField> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlNode item : sequence.items()) {
            YamlNode.Mapping m = file.mapping(item, "a field is a mapping (name: ..., type: ..., label: ...)");
            if (m == null) {
                continue;
            }
            ActionField field = field(file, m);
            if (field == null) {
                continue;
            }
            if (!seen.add(field.name())) {
                file.error(m.lineOf("name"), "field '" + field.name() + "' is named twice");
            }
            fields.add(field);
        }
        return fields;
    }

    private static ActionField field(ContentFile file, YamlNode.Mapping m) {
        file.unknownKeys(m, FIELD_KEYS, true);
        String name = file.text(m, "name", true);
        if (name != null && (!NAME.matcher(name).matches() || RESULT_NAMES.contains(name))) {
            file.error(m.lineOf("name"), "field name '" + name + "' must be lowercase letters, digits and _ "
                    + "(and not 'reference' or 'message', which come from the response)");
        }
        String typeName = file.text(m, "type", true);
        FieldType type = typeName == null ? null : FieldType.named(typeName).orElse(null);
        if (typeName != null && type == null) {
            file.error(m.lineOf("type"), "unknown type '" + typeName + "'; known types: text, ean, number, amount, "
                    + "postcode, house-number, date, choice");
        }
        Texts label = texts(file, m, "label", true);
        Texts help = texts(file, m, "help", false);
        Texts error = texts(file, m, "error", false);
        boolean optional = file.flag(m, "optional");
        Pattern pattern = pattern(file, m, type);
        BigDecimal min = bound(file, m, "min", type);
        BigDecimal max = bound(file, m, "max", type);
        if (min != null && max != null && min.compareTo(max) > 0) {
            file.error(m.lineOf("min"), "'min' is above 'max'");
        }
        Integer[] window = window(file, m, type);
        List<ActionField.Choice> choices = choices(file, m, type);
        String customer = file.text(m, "customer", false);
        if (customer != null && !CUSTOMER.contains(customer)) {
            file.error(m.lineOf("customer"), "'customer' is one of id, name, email: what the signed customer has");
        }
        if (name == null || type == null) {
            return null;
        }
        return new ActionField(name, type, label, help, error, optional, pattern, min, max, window[0], window[1],
                choices, customer);
    }

    private static Pattern pattern(ContentFile file, YamlNode.Mapping m, FieldType type) {
        String regex = file.text(m, "pattern", false);
        if (regex == null) {
            return null;
        }
        if (type != FieldType.TEXT) {
            file.error(m.lineOf("pattern"), "'pattern' is for fields of type text");
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            file.error(m.lineOf("pattern"), "'pattern' is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private static BigDecimal bound(ContentFile file, YamlNode.Mapping m, String key, FieldType type) {
        if (m.get(key).isEmpty()) {
            return null;
        }
        if (type != FieldType.NUMBER && type != FieldType.AMOUNT) {
            file.error(m.lineOf(key), "'" + key + "' is for fields of type number or amount");
            return null;
        }
        Double value = file.number(m, key, -1e12, 1e12);
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** {@code window: {from: -30, to: 0}}: days from today. */
    private static Integer[] window(ContentFile file, YamlNode.Mapping m, FieldType type) {
        Integer[] window = {null, null};
        YamlNode node = file.present(m, "window", false);
        if (node == null) {
            return window;
        }
        if (type != FieldType.DATE) {
            file.error(m.lineOf("window"), "'window' is for fields of type date");
            return window;
        }
        YamlNode.Mapping w = file.mapping(node, "'window' is days from today (from: -30, to: 0)");
        if (w == null) {
            return window;
        }
        file.unknownKeys(w, Set.of("from", "to"), true);
        Double from = file.number(w, "from", -3660, 3660);
        Double to = file.number(w, "to", -3660, 3660);
        window[0] = from == null ? null : from.intValue();
        window[1] = to == null ? null : to.intValue();
        if (from != null && to != null && from > to) {
            file.error(w.lineOf("from"), "the window's 'from' is after its 'to'");
        }
        return window;
    }

    private static List<ActionField.Choice> choices(ContentFile file, YamlNode.Mapping m, FieldType type) {
        YamlNode node = file.present(m, "choices", type == FieldType.CHOICE);
        if (node == null) {
            return List.of();
        }
        if (type != FieldType.CHOICE) {
            file.error(m.lineOf("choices"), "'choices' is for fields of type choice");
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().size() < 2) {
            file.error(node.line(), "'choices' must be a list of at least two (- value: ..., label: {nl: ..., en: ...})");
            return List.of();
        }
        List<ActionField.Choice> choices = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            YamlNode.Mapping c = file.mapping(item, "a choice is a mapping (value: ..., label: ...)");
            if (c != null) {
                file.unknownKeys(c, Set.of("value", "label"), true);
                String value = file.text(c, "value", true);
                Texts label = texts(file, c, "label", true);
                if (value != null) {
                    choices.add(new ActionField.Choice(value, label));
                }
            }
        }
        return choices;
    }

    private static ActionCall call(ContentFile file, YamlNode.Mapping top, Set<String> names) {
        YamlNode node = file.present(top, "call", true);
        YamlNode.Mapping c = node == null ? null
                : file.mapping(node, "'call' is the request to send (system: ..., path: ..., body: ...)");
        if (c == null) {
            return null;
        }
        file.unknownKeys(c, CALL_KEYS, true);
        String system = file.id(c, "system");
        String method = Optional.ofNullable(file.text(c, "method", false)).orElse("POST");
        if (!ActionCall.METHODS.contains(method)) {
            file.error(c.lineOf("method"), "'method' is one of " + String.join(", ", ActionCall.METHODS));
        }
        String path = file.text(c, "path", true);
        if (path != null) {
            checkPath(file, c.lineOf("path"), path, names);
        }
        JsonNode body = body(file, c, names);
        Duration timeout = timeout(file, c);
        String successPointer = null;
        String successValue = null;
        YamlNode success = file.present(c, "success", false);
        if (success != null) {
            YamlNode.Mapping s = file.mapping(success, "'success' says which response succeeded (pointer: /status, "
                    + "equals: accepted)");
            if (s != null) {
                file.unknownKeys(s, Set.of("pointer", "equals"), true);
                successPointer = pointer(file, s, "pointer", true);
                successValue = file.text(s, "equals", true);
            }
        }
        String reference = pointer(file, c, "reference", false);
        String message = pointer(file, c, "message", false);
        Map<String, Texts> errors = errors(file, c, names);
        return new ActionCall(system, method, path, body, timeout, successPointer, successValue, reference, message,
                errors);
    }

    private static void checkPath(ContentFile file, int line, String path, Set<String> names) {
        // the base URL is configuration's alone: a path may not name another host, scheme or query
        String literal = PLACEHOLDER.matcher(path).replaceAll("x");
        if (!path.startsWith("/") || path.startsWith("//") || literal.contains("://") || literal.contains("?")
                || literal.contains("#") || literal.contains("\\") || literal.contains("..")
                || literal.contains("{") || literal.contains("}")) {
            file.error(line, "'path' must be a path like /meter-readings/{ean}: it starts with one '/', and has no "
                    + "host, '?', '#', '..' or broken {…}; the base URL comes from configuration");
            return;
        }
        placeholders(file, line, "path", path, names);
    }

    private static JsonNode body(ContentFile file, YamlNode.Mapping c, Set<String> names) {
        String text = file.text(c, "body", false);
        if (text == null) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(text);
            strings(body).forEach(value -> placeholders(file, c.lineOf("body"), "body", value, names));
            return body;
        } catch (JacksonException e) {
            file.error(c.lineOf("body"), "'body' is not valid JSON: " + e.getOriginalMessage()
                    + " (write placeholders inside quotes: \"{ean}\")");
            return null;
        }
    }

    /** The texts in a JSON tree, where placeholders may be. */
    private static List<String> strings(JsonNode node) {
        List<String> strings = new ArrayList<>();
        if (node.isString()) {
            strings.add(node.asString());
        }
        node.forEach(child -> strings.addAll(strings(child)));
        return strings;
    }

    private static Duration timeout(ContentFile file, YamlNode.Mapping c) {
        String text = file.text(c, "timeout", false);
        if (text == null) {
            return Duration.ofSeconds(10);
        }
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration timeout = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            if (!timeout.isZero() && timeout.compareTo(MAX_TIMEOUT) <= 0) {
                return timeout;
            }
        }
        file.error(c.lineOf("timeout"), "'timeout' must be a duration up to 60s, like 5s or 800ms");
        return null;
    }

    private static String pointer(ContentFile file, YamlNode.Mapping m, String key, boolean required) {
        String pointer = file.text(m, key, required);
        if (pointer != null && !pointer.startsWith("/")) {
            file.error(m.lineOf(key), "'" + key + "' is a JSON pointer into the response, like /reference");
            return null;
        }
        return pointer;
    }

    private static Map<String, Texts> errors(ContentFile file, YamlNode.Mapping c, Set<String> names) {
        YamlNode node = file.present(c, "errors", false);
        YamlNode.Mapping m = node == null ? null
                : file.mapping(node, "'errors' is a text per response (\"409\": {nl: ..., en: ...}, 5xx: ...)");
        if (m == null) {
            return Map.of();
        }
        Map<String, Texts> errors = new LinkedHashMap<>();
        m.entries().forEach((key, entry) -> {
            if (!ERROR_KEYS.contains(key) && !STATUS.matcher(key).matches()) {
                file.error(entry.keyLine(), "unknown error '" + key + "'; write a status (\"409\") or one of "
                        + String.join(", ", ERROR_KEYS.stream().sorted().toList()));
                return;
            }
            Texts texts = texts(file, m, key, true);
            placeholders(file, m, key, texts, names);
            errors.put(key, texts);
        });
        return errors;
    }

    private static void placeholders(ContentFile file, YamlNode.Mapping m, String key, Texts texts,
            Set<String> names) {
        texts.byLang().values().forEach(text -> placeholders(file, m.lineOf(key), key, text, names));
    }

    private static void placeholders(ContentFile file, int line, String key, String text, Set<String> names) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                file.error(line, "'" + key + "' uses {" + m.group(1) + "}, which is not a field of this action "
                        + "(nor reference, message or customer.id/name/email)");
            }
        }
    }
}

package nl.loket.handover;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code queues.yml}. It walks SnakeYAML's node tree (which keeps line numbers) rather than
 * binding to objects, so every problem is reported as {@code file:line: problem} for the editor.
 */
final class QueuesFile {

    /** The queues read, and the problems found; with any problem the file is not used. */
    record Result(List<QueueDefinition> queues, String defaultQueue, List<String> problems) {
    }

    private static final Map<String, List<DayOfWeek>> DAYS = days();
    private static final Set<String> QUEUE_KEYS = Set.of("name", "title", "languages", "hours", "tags", "details",
            "default");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private QueuesFile(String file) {
        this.file = file;
    }

    static Result read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(path.toString(), reader);
        } catch (IOException e) {
            return new Result(List.of(), null, List.of(path + ":1: cannot read the file: " + e.getMessage()));
        }
    }

    static Result read(String file, Reader reader) {
        return new QueuesFile(file).parse(reader);
    }

    private Result parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            problems.add(file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
            return new Result(List.of(), null, problems);
        }
        if (!(root instanceof MappingNode top) || !(value(top, "queues") instanceof SequenceNode list)) {
            problem(root, "the file must have a list 'queues:'");
            return new Result(List.of(), null, problems);
        }
        List<QueueDefinition> queues = new ArrayList<>();
        String defaultQueue = null;
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode queue)) {
                problem(item, "each queue is a mapping with at least 'name' and 'hours'");
                continue;
            }
            QueueDefinition definition = queue(queue);
            if (definition == null) {
                continue;
            }
            if (queues.stream().anyMatch(q -> q.name().equals(definition.name()))) {
                problem(queue, "queue '" + definition.name() + "' is defined twice");
                continue;
            }
            queues.add(definition);
            if ("true".equals(scalar(value(queue, "default")))) {
                if (defaultQueue != null) {
                    problem(queue, "only one queue can be the default; '" + defaultQueue + "' already is");
                }
                defaultQueue = definition.name();
            }
        }
        if (queues.isEmpty() && problems.isEmpty()) {
            problem(list, "define at least one queue");
        }
        if (defaultQueue == null && !queues.isEmpty()) {
            defaultQueue = queues.getFirst().name();
        }
        return new Result(problems.isEmpty() ? queues : List.of(), defaultQueue, problems);
    }

    private QueueDefinition queue(MappingNode queue) {
        for (NodeTuple tuple : queue.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!QUEUE_KEYS.contains(key)) {
                problem(tuple.getKeyNode(), "unknown key '" + key + "'; expected one of " + QUEUE_KEYS);
            }
        }
        String name = scalar(value(queue, "name"));
        if (name == null || !NAME.matcher(name).matches()) {
            problem(queue, "'name' is required: lower-case letters, digits, '-' or '_'");
            return null;
        }
        int before = problems.size();
        Map<String, String> titles = texts(value(queue, "title"), "title");
        List<String> languages = strings(value(queue, "languages"), "languages");
        Map<DayOfWeek, List<QueueDefinition.OpeningSlot>> hours = hours(queue);
        List<String> tags = strings(value(queue, "tags"), "tags");
        List<DetailSpec> details = new ArrayList<>();
        Node detailsNode = value(queue, "details");
        if (detailsNode instanceof SequenceNode detailList) {
            for (Node d : detailList.getValue()) {
                DetailSpec detail = detail(d);
                if (detail != null) {
                    details.add(detail);
                }
            }
        } else if (detailsNode != null) {
            problem(detailsNode, "'details' is a list of {name, ask, pattern}");
        }
        if (problems.size() > before) {
            return null;
        }
        return new QueueDefinition(name, titles, languages.isEmpty() ? List.of("nl", "en") : languages, hours, tags,
                details);
    }

    private Map<DayOfWeek, List<QueueDefinition.OpeningSlot>> hours(MappingNode queue) {
        Map<DayOfWeek, List<QueueDefinition.OpeningSlot>> hours = new EnumMap<>(DayOfWeek.class);
        Node node = value(queue, "hours");
        if (!(node instanceof MappingNode mapping)) {
            problem(node == null ? queue : node, "'hours' is required, e.g. {mon-fri: \"08:00-20:00\", sat: closed}");
            return hours;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String days = scalar(tuple.getKeyNode());
            List<DayOfWeek> weekdays = days == null ? null : DAYS.get(days.toLowerCase(Locale.ROOT));
            if (weekdays == null) {
                problem(tuple.getKeyNode(), "unknown day '" + days + "'; use mon..sun, mon-fri, sat-sun or every-day");
                continue;
            }
            for (String range : scalarOrList(tuple.getValueNode())) {
                if (range.equalsIgnoreCase("closed")) {
                    continue;
                }
                QueueDefinition.OpeningSlot slot = slot(tuple.getValueNode(), range);
                if (slot != null) {
                    weekdays.forEach(d -> hours.computeIfAbsent(d, k -> new ArrayList<>()).add(slot));
                }
            }
        }
        return hours;
    }

    private QueueDefinition.OpeningSlot slot(Node node, String range) {
        String[] parts = range.split("-");
        try {
            if (parts.length == 2) {
                LocalTime from = LocalTime.parse(parts[0].strip());
                LocalTime until = LocalTime.parse(parts[1].strip());
                if (until.isAfter(from)) {
                    return new QueueDefinition.OpeningSlot(from, until);
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problem(node, "opening hours '" + range + "' must look like 08:00-20:00 (end after start) or 'closed'");
        return null;
    }

    private DetailSpec detail(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, "a detail is a mapping {name, ask, pattern}");
            return null;
        }
        String name = scalar(value(mapping, "name"));
        Map<String, String> ask = texts(value(mapping, "ask"), "ask");
        if (name == null || ask.isEmpty()) {
            problem(mapping, "a detail needs 'name' and 'ask' (the question per language, e.g. {nl: ..., en: ...})");
            return null;
        }
        String regex = scalar(value(mapping, "pattern"));
        Pattern pattern = null;
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                problem(value(mapping, "pattern"), "'pattern' is not a valid regular expression: "
                        + e.getDescription());
                return null;
            }
        }
        return new DetailSpec(name, ask, pattern);
    }

    private Map<String, String> texts(Node node, String key) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node == null) {
            return texts;
        }
        if (node instanceof ScalarNode scalar) {
            texts.put("nl", scalar.getValue());
            texts.put("en", scalar.getValue());
        } else if (node instanceof MappingNode mapping) {
            mapping.getValue().forEach(t -> texts.put(scalar(t.getKeyNode()), scalar(t.getValueNode())));
        } else {
            problem(node, "'" + key + "' is a text or {nl: ..., en: ...}");
        }
        return texts;
    }

    private List<String> strings(Node node, String key) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode) && !(node instanceof ScalarNode)) {
            problem(node, "'" + key + "' is a list, e.g. [a, b]");
            return List.of();
        }
        return scalarOrList(node);
    }

    private static List<String> scalarOrList(Node node) {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (node instanceof SequenceNode list) {
            return list.getValue().stream().map(QueuesFile::scalar).filter(s -> s != null).toList();
        }
        return List.of();
    }

    private static Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private void problem(Node node, String message) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        problems.add(file + ":" + line + ": " + message);
    }

    private static Map<String, List<DayOfWeek>> days() {
        Map<String, List<DayOfWeek>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day.name().substring(0, 3).toLowerCase(Locale.ROOT), List.of(day));
        }
        days.put("mon-fri", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY));
        days.put("sat-sun", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        days.put("every-day", List.of(DayOfWeek.values()));
        return days;
    }
}

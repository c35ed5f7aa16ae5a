package nl.loket.handover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import nl.loket.content.ContentFile;
import nl.loket.content.Problem;
import nl.loket.content.YamlNode;

/** Reads {@code queues.yml}; every problem is reported as {@code file:line: problem} for the editor. */
final class QueuesFile {

    /** The queues read, and the problems found; with any error the file is not used (no queues). */
    record Result(List<QueueDefinition> queues, String defaultQueue, List<Problem> problems) {

        boolean usable() {
            return problems.stream().noneMatch(Problem::error);
        }
    }

    private static final Map<String, List<DayOfWeek>> DAYS = days();
    private static final Set<String> QUEUE_KEYS = Set.of("name", "title", "languages", "hours", "tags", "details",
            "default");
    private static final Set<String> DETAIL_KEYS = Set.of("name", "label", "ask", "pattern");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final String END_OF_DAY = "24:00";

    private final ContentFile file;

    private QueuesFile(ContentFile file) {
        this.file = file;
    }

    static Result read(Path path) {
        var file = new ContentFile(path.toString());
        if (!Files.exists(path)) {
            file.error(1, "the file is missing");
            return new Result(List.of(), null, file.problems());
        }
        String text = file.read(path);
        return text == null ? new Result(List.of(), null, file.problems()) : new QueuesFile(file).parse(text);
    }

    static Result read(String name, String text) {
        return new QueuesFile(new ContentFile(name)).parse(text);
    }

    private Result parse(String text) {
        YamlNode root = file.yaml(text).orElse(null);
        YamlNode.Mapping top = root == null ? null
                : file.mapping(root, "the file must be a mapping with a list 'queues:'");
        YamlNode list = top == null ? null : file.present(top, "queues", true);
        List<QueueDefinition> queues = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        String defaultQueue = null;
        if (list != null && !(list instanceof YamlNode.Sequence)) {
            file.error(list.line(), "'queues' must be a list of queues (- name: ...), not " + list.describe());
        }
        for (YamlNode item : list instanceof YamlNode.Sequence sequence ? sequence.items() : List.<YamlNode>of()) {
            YamlNode.Mapping queue = file.mapping(item, "each queue is a mapping with at least 'name' and 'hours'");
            if (queue == null) {
                continue;
            }
            String name = queue.get("name").map(ContentFile::text).orElse(null);
            Integer first = name == null ? null : names.putIfAbsent(name, queue.lineOf("name"));
            if (first != null) {
                file.error(queue.lineOf("name"), "queue '" + name + "' is defined twice (first on line " + first + ")");
                continue;
            }
            boolean isDefault = file.flag(queue, "default");
            QueueDefinition definition = queue(queue);
            if (definition == null) {
                continue;
            }
            queues.add(definition);
            if (isDefault) {
                if (defaultQueue != null) {
                    file.error(queue.lineOf("default"), "only one queue can be the default; '" + defaultQueue
                            + "' already is");
                }
                defaultQueue = definition.name();
            }
        }
        if (list instanceof YamlNode.Sequence && queues.isEmpty() && file.errors() == 0) {
            file.error(list.line(), "define at least one queue");
        }
        if (defaultQueue == null && !queues.isEmpty()) {
            defaultQueue = queues.getFirst().name();
        }
        return file.errors() > 0 ? new Result(List.of(), null, file.problems())
                : new Result(queues, defaultQueue, file.problems());
    }

    private QueueDefinition queue(YamlNode.Mapping queue) {
        int before = file.errors();
        file.unknownKeys(queue, QUEUE_KEYS, true);
        String name = file.text(queue, "name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            file.error(queue.lineOf("name"), "'name' must be lower-case letters, digits, '-' or '_' (at most 40)");
        }
        Map<String, String> titles = perLanguage(queue, "title");
        List<String> languages = oneOrMore(queue, "languages");
        Map<DayOfWeek, List<QueueDefinition.OpeningSlot>> hours = hours(queue);
        List<String> tags = oneOrMore(queue, "tags");
        List<DetailSpec> details = details(queue);
        if (file.errors() > before) {
            return null;
        }
        return new QueueDefinition(name, titles, languages.isEmpty() ? List.of("nl", "en") : languages, hours, tags,
                details);
    }

    private Map<DayOfWeek, List<QueueDefinition.OpeningSlot>> hours(YamlNode.Mapping queue) {
        Map<DayOfWeek, List<QueueDefinition.OpeningSlot>> hours = new EnumMap<>(DayOfWeek.class);
        YamlNode node = file.present(queue, "hours", false);
        if (!(node instanceof YamlNode.Mapping mapping)) {
            file.error(node == null ? queue.line() : node.line(),
                    "'hours' is required, e.g. {mon-fri: \"08:00-20:00\", sat: closed, sun: \"00:00-24:00\"}");
            return hours;
        }
        mapping.entries().forEach((days, entry) -> {
            List<DayOfWeek> weekdays = DAYS.get(days.toLowerCase(Locale.ROOT));
            if (weekdays == null) {
                file.error(entry.keyLine(), "unknown day '" + days + "'; use mon..sun, mon-fri, sat-sun or every-day");
                return;
            }
            List<YamlNode> ranges = entry.value() instanceof YamlNode.Sequence s ? s.items() : List.of(entry.value());
            for (YamlNode range : ranges) {
                String text = ContentFile.text(range);
                if (text != null && text.equalsIgnoreCase("closed")) {
                    continue;
                }
                QueueDefinition.OpeningSlot slot = text == null ? null : slot(text);
                if (slot == null) {
                    file.error(range.line(), "opening hours '" + (text == null ? "" : text) + "' must look like "
                            + "08:00-20:00 (end after start, 24:00 for midnight) or 'closed'");
                    continue;
                }
                weekdays.forEach(d -> hours.computeIfAbsent(d, k -> new ArrayList<>()).add(slot));
            }
        });
        return hours;
    }

    /** {@code 08:00-20:00}; an end of {@code 24:00} is midnight at the end of the day. Null when not a range. */
    private static QueueDefinition.OpeningSlot slot(String range) {
        Matcher m = RANGE.matcher(range.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(pad(m.group(1)));
            if (m.group(2).equals(END_OF_DAY)) {
                return new QueueDefinition.OpeningSlot(from, QueueDefinition.OpeningSlot.END_OF_DAY);
            }
            LocalTime until = LocalTime.parse(pad(m.group(2)));
            return until.isAfter(from) ? new QueueDefinition.OpeningSlot(from, until) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private List<DetailSpec> details(YamlNode.Mapping queue) {
        YamlNode node = file.present(queue, "details", false);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence list)) {
            file.error(node.line(), "'details' is a list of {name, label, ask, pattern}, not " + node.describe());
            return List.of();
        }
        List<DetailSpec> details = new ArrayList<>();
        for (YamlNode item : list.items()) {
            YamlNode.Mapping detail = file.mapping(item, "a detail is a mapping {name, label, ask, pattern}");
            if (detail == null) {
                continue;
            }
            file.unknownKeys(detail, DETAIL_KEYS, true);
            String name = file.text(detail, "name", true);
            Map<String, String> labels = perLanguage(detail, "label");
            Map<String, String> ask = perLanguage(detail, "ask");
            if (ask.isEmpty() && detail.get("ask").isEmpty()) {
                file.error(detail.line(), "a detail needs 'ask': the question per language, e.g. {nl: ..., en: ...}");
            }
            String regex = file.text(detail, "pattern", false);
            Pattern pattern = null;
            if (regex != null) {
                try {
                    pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
                } catch (PatternSyntaxException e) {
                    file.error(detail.lineOf("pattern"), "'pattern' is not a valid regular expression: "
                            + e.getDescription());
                }
            }
            if (name != null && !ask.isEmpty()) {
                details.add(new DetailSpec(name, labels, ask, pattern));
            }
        }
        return details;
    }

    /** A text for every language, or {nl: ..., en: ...}. */
    private Map<String, String> perLanguage(YamlNode.Mapping mapping, String key) {
        Map<String, String> texts = new LinkedHashMap<>();
        YamlNode node = file.present(mapping, key, false);
        String same = node == null ? null : ContentFile.text(node);
        if (same != null) {
            texts.put("nl", same);
            texts.put("en", same);
        } else if (node instanceof YamlNode.Mapping languages) {
            languages.entries().keySet().forEach(lang -> {
                String text = file.text(languages, lang, true);
                if (text != null) {
                    texts.put(lang, text);
                }
            });
        } else if (node != null) {
            file.error(node.line(), "'" + key + "' is a text or {nl: ..., en: ...}, not " + node.describe());
        }
        return texts;
    }

    /** A list of texts, or one text for a list of one. */
    private List<String> oneOrMore(YamlNode.Mapping mapping, String key) {
        YamlNode node = file.present(mapping, key, false);
        String one = node == null ? null : ContentFile.text(node);
        if (one != null) {
            return List.of(one);
        }
        List<String> texts = file.texts(mapping, key, false);
        return texts == null ? List.of() : texts;
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

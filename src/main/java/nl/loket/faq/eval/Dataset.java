package nl.loket.faq.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.loket.faq.FaqEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One evaluation set: the FAQ built from {@code faq-5shot.jsonl} (the label is id and title), the
 * other train utterances as in-scope questions, and {@code oos-train.jsonl} as out-of-scope ones.
 */
record Dataset(String name, String lang, List<FaqEntry> entries, List<Question> inScope, List<String> outOfScope) {

    record Question(String text, String label) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Dataset read(Path folder) throws IOException {
        List<JsonNode> train = lines(folder.resolve("train.jsonl"));
        String lang = train.isEmpty() ? "en" : train.getFirst().path("lang").asString("en");
        List<FaqEntry> entries = new ArrayList<>();
        Set<String> examples = new HashSet<>();
        for (JsonNode line : lines(folder.resolve("faq-5shot.jsonl"))) {
            String label = line.path("label").asString();
            List<String> questions = new ArrayList<>();
            line.path("examples").forEach(e -> questions.add(e.asString()));
            questions.forEach(q -> examples.add(label + "\u0000" + q));
            entries.add(new FaqEntry(label, lang, label, questions, List.of(), List.of(), List.of(), List.of(), null, null, null,
                    label, label));
        }
        Set<String> labels = new HashSet<>(entries.stream().map(FaqEntry::id).toList());
        List<Question> inScope = new ArrayList<>();
        for (JsonNode line : train) {
            String label = line.path("label").asString(null);
            String text = line.path("text").asString();
            if (label != null && labels.contains(label) && !examples.contains(label + "\u0000" + text)) {
                inScope.add(new Question(text, label));
            }
        }
        List<String> outOfScope = new ArrayList<>();
        Path oos = folder.resolve("oos-train.jsonl");
        if (Files.exists(oos)) {
            lines(oos).forEach(line -> outOfScope.add(line.path("text").asString()));
        }
        return new Dataset(folder.getFileName().toString(), lang, entries, inScope, outOfScope);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}

package nl.loket.faq.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqProperties;
import nl.loket.faq.SemanticMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Latency of one {@link Faq#match} over a generated FAQ of 2,000 Dutch entries with 7 example
 * questions each. The words are realistic: the vocabulary is every word of the sample content
 * ({@code faq/nl/*.md}, questions and answers) plus the Dutch xSID train utterances when the data
 * sets are next to the repository; frequent words (the 60 most frequent: "ik", "de", "mijn")
 * glue the sentences, and each entry gets 3 topic words of its own, drawn with a Zipf-like skew
 * so some topic words are shared by many entries. A quarter of the questions carry a typo in a
 * topic word (the corrector's path). With {@code semantic=local} every question is also embedded by the
 * in-process model while it is matched (the examples once, at set-up). Run: {@code bin/faq-bench}; the
 * p50/p99 are recorded in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
public class FaqMatchBenchmark extends LatencySettings {

    private static final int GLUE = 60;

    @Param({"2000"})
    int entries;

    /** The semantic signal for both languages: {@code local} embeds each question in-process as it is matched. */
    @Param({"off", "local"})
    String semantic;

    private Faq faq;
    private String[] questions;
    private int next;

    /** The generated FAQ and the questions asked of it; the matcher's tests use it too. */
    public record Generated(List<FaqEntry> entries, Map<String, List<List<String>>> synonyms,
            List<String> questions) {
    }

    @Setup
    public void build() throws IOException {
        var generated = generate(entries);
        var mode = SemanticMode.valueOf(semantic.toUpperCase(Locale.ROOT));
        faq = Faq.of(generated.entries(), generated.synonyms(), FaqProperties.defaults(Path.of("."))
                .withSemantic(new FaqProperties.Semantic(mode, mode, FaqProperties.Semantic.SHIPPED.cache())));
        questions = generated.questions().toArray(String[]::new);
    }

    public static Generated generate(int entries) throws IOException {
        List<String> words = vocabulary();
        List<String> glue = words.subList(0, GLUE);
        List<String> topical = words.subList(GLUE, words.size());
        Random random = new Random(42);
        List<FaqEntry> generated = new ArrayList<>();
        List<List<String>> topics = new ArrayList<>();
        for (int e = 0; e < entries; e++) {
            List<String> topic = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                topic.add(topical.get(zipf(random, topical.size())));
            }
            topics.add(topic);
            List<String> examples = new ArrayList<>();
            for (int q = 0; q < 7; q++) {
                examples.add(sentence(random, glue, topical, topic, 4 + random.nextInt(6)));
            }
            generated.add(new FaqEntry("e" + e, "nl", String.join(" ", topic), examples, List.of(topic.getFirst()),
                    List.of(), List.of(), List.of(), null, null, null, sentence(random, glue, topical, topic, 30), "e" + e + ".md"));
        }
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            List<String> topic = topics.get(random.nextInt(topics.size()));
            String question = sentence(random, glue, topical, topic, 3 + random.nextInt(8));
            if (i % 4 == 0) {
                String word = topic.get(random.nextInt(topic.size()));
                question += " " + (word.length() > 4 ? word.substring(0, 2) + word.substring(3) : word);
            }
            questions.add(question);
        }
        return new Generated(generated, Map.of("nl", List.of(List.of("termijnbedrag", "voorschot", "maandbedrag"))),
                questions);
    }

    /** Words by frequency, most frequent first. */
    private static List<String> vocabulary() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("faq/nl"))) {
            for (Path file : files.sorted().toList()) {
                texts.add(Files.readString(file));
            }
        }
        Path xsid = Path.of(System.getProperty("loket.datasets", "../shared/datasets"), "xsid-nl", "train.jsonl");
        if (Files.exists(xsid)) {
            texts.addAll(Files.readAllLines(xsid));
        }
        for (String text : texts) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (word.length() > 1) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static int zipf(Random random, int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(size, random.nextDouble())) - 1);
    }

    private static String sentence(Random random, List<String> glue, List<String> topical, List<String> topic,
            int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int kind = random.nextInt(5);
            String word = kind < 2 ? glue.get(random.nextInt(glue.size()))
                    : kind < 4 ? topic.get(random.nextInt(topic.size()))
                    : topical.get(zipf(random, topical.size()));
            text.append(w == 0 ? "" : " ").append(word);
        }
        return text.toString();
    }

    @Benchmark
    public Object match() {
        return faq.match(questions[next++ & 1023], "nl");
    }

    public static void main(String[] args) throws Exception {
        // the bare embedding call runs in the same JVM session as the matches: its yardstick on a shared machine
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args)).include(FaqMatchBenchmark.class.getSimpleName())
                .include(EmbeddingBenchmark.class.getSimpleName()).build()).run();
    }
}

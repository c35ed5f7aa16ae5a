package nl.loket.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CharGramIndexTests {

    private static final List<List<String>> TEXTS = List.of(
            List.of("Hoe geef ik mijn meterstand door?", "meterstand doorgeven", "gasmeter"),
            List.of("Ik ga verhuizen", "Wat moet ik doen als ik verhuis?", "verhuizen"),
            List.of("Waarom is mijn voorschot hoger?", "termijnbedrag", "voorschot"));

    @Test
    void scoresEachEntryByTheTfIdfCosineOfItsBestExampleAndOfItsTextsTogether() {
        var index = CharGramIndex.build(TEXTS);
        for (String question : List.of("meterstand doorgven", "ik verhuis morgen", "voorschot te hoog", "xyz")) {
            var actual = index.similarities(question);
            for (int e = 0; e < TEXTS.size(); e++) {
                double best = 0;
                int example = 0;
                for (int x = 0; x < TEXTS.get(e).size(); x++) {
                    double cosine = cosine(question, List.of(TEXTS.get(e).get(x)));
                    if (cosine > best) {
                        best = cosine;
                        example = x;
                    }
                }
                String at = question + " / entry " + e;
                // The index keeps its weights as floats.
                assertThat(actual.best()[e]).as(at).isCloseTo(best, within(1e-6));
                assertThat(actual.example()[e]).as(at).isEqualTo(example);
                assertThat(actual.whole()[e]).as(at).isCloseTo(cosine(question, TEXTS.get(e)), within(1e-6));
            }
        }
    }

    /** The cosine of (1 + ln tf) * idf vectors, idf over the examples, written out directly. */
    private static double cosine(String question, List<String> texts) {
        List<String> examples = TEXTS.stream().flatMap(List::stream).toList();
        Map<String, Long> q = counts(List.of(question));
        Map<String, Long> d = counts(texts);
        Map<String, Double> qw = new HashMap<>();
        Map<String, Double> dw = new HashMap<>();
        q.forEach((gram, tf) -> qw.put(gram, (1 + Math.log(tf)) * idf(gram, examples)));
        d.forEach((gram, tf) -> dw.put(gram, (1 + Math.log(tf)) * idf(gram, examples)));
        double dot = qw.entrySet().stream().mapToDouble(g -> g.getValue() * dw.getOrDefault(g.getKey(), 0.0)).sum();
        return Math.min(1, dot / norm(qw) / norm(dw));
    }

    private static Map<String, Long> counts(List<String> texts) {
        return texts.stream().flatMap(t -> CharGramIndex.grams(t).stream())
                .collect(Collectors.groupingBy(g -> g, Collectors.counting()));
    }

    private static double idf(String gram, List<String> examples) {
        long df = examples.stream().filter(x -> Set.copyOf(CharGramIndex.grams(x)).contains(gram)).count();
        return Math.log((examples.size() + 1.0) / (df + 1.0)) + 1;
    }

    private static double norm(Map<String, Double> weights) {
        return Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    }
}

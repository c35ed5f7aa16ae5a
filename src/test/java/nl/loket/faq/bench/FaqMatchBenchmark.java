package nl.loket.faq.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqProperties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Latency of one {@link Faq#match} over a generated FAQ of Dutch-like entries (7 questions each).
 * Run: {@code bin/faq-bench}; the p50/p99 are recorded in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FaqMatchBenchmark {

    private static final String[] WORDS = ("meterstand termijnbedrag jaarafrekening verhuizen opzeggen storing app "
            + "inloggen factuur betalen incasso zonnepanelen terugleveren contract tarief stroom gas warmtepomp "
            + "laadpaal klacht adres nummer wachtwoord rekening bedrag maand jaar overstappen korting aanbieding "
            + "netbeheerder aansluiting meter slimme storingen uitval prijzen energiebelasting teruggave tegoed "
            + "betalingsregeling herinnering aanmaning schuld hulp klantnummer gegevens wijzigen doorgeven").split(" ");
    private static final String[] GLUE = "hoe kan ik mijn de het waar wat wanneer niet geen wil moet".split(" ");

    @Param({"2000"})
    int entries;

    private Faq faq;
    private String[] questions;
    private int next;

    @Setup
    public void build() {
        Random random = new Random(42);
        List<FaqEntry> generated = new ArrayList<>();
        for (int e = 0; e < entries; e++) {
            List<String> examples = new ArrayList<>();
            for (int q = 0; q < 7; q++) {
                examples.add(sentence(random, 3 + random.nextInt(6)) + " " + e);
            }
            generated.add(new FaqEntry("e" + e, "nl", sentence(random, 3), examples, List.of(WORDS[e % WORDS.length]),
                    List.of(), List.of(), null, null, null, sentence(random, 20), "e" + e + ".md"));
        }
        faq = Faq.of(generated, Map.of("nl", List.of(List.of("termijnbedrag", "voorschot", "maandbedrag"))),
                FaqProperties.defaults(Path.of(".")));
        questions = new String[1024];
        for (int i = 0; i < questions.length; i++) {
            String typo = WORDS[random.nextInt(WORDS.length)].substring(1);
            questions[i] = sentence(random, 2 + random.nextInt(8)) + (i % 4 == 0 ? " " + typo : "");
        }
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String[] source = random.nextInt(3) == 0 ? GLUE : WORDS;
            text.append(w == 0 ? "" : " ").append(source[random.nextInt(source.length)]);
        }
        return text.toString();
    }

    @Benchmark
    public Object match() {
        return faq.match(questions[next++ & 1023], "nl");
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(FaqMatchBenchmark.class.getSimpleName()).build()).run();
    }
}

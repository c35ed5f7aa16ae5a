package nl.loket.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped sample content for tests outside the FAQ module: the FAQ as the server builds it, its questions. */
public final class ShippedContent {

    public static final Path FAQ = Path.of("faq");

    /** A question with its language. */
    public record Question(String text, String lang) {
    }

    private ShippedContent() {
    }

    /** The shipped FAQ with its synonyms, matched with {@code matching}. */
    public static Faq faq(FaqProperties matching) {
        var loaded = FaqFiles.read(FAQ, null);
        return Faq.of(loaded.entries(), loaded.synonyms(), matching);
    }

    /** Every golden question, every example of every entry and every holdout question (docs/data/faq-holdout.tsv). */
    public static List<Question> questions() {
        var loaded = FaqFiles.read(FAQ, null);
        List<Question> questions = new ArrayList<>();
        loaded.golden().forEach(g -> questions.add(new Question(g.question(), g.lang())));
        loaded.entries().forEach(e -> e.questions().forEach(q -> questions.add(new Question(q, e.lang()))));
        try {
            Files.readAllLines(Path.of("docs/data/faq-holdout.tsv")).stream().filter(l -> !l.startsWith("#"))
                    .map(l -> l.split("\t")).filter(c -> c.length == 3)
                    .forEach(c -> questions.add(new Question(c[2], c[0])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return questions;
    }
}

package nl.loket.faq.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.loket.faq.FaqEntry;

/** The evaluation sets' FAQs and questions, read with {@link Dataset}, for tests outside this package. */
public record EvaluationSets(String lang, List<FaqEntry> entries, List<String> questions) {

    /** A set's FAQ with its in-scope and out-of-scope questions, all of them. */
    public static EvaluationSets read(Path folder) throws IOException {
        Dataset data = Dataset.read(folder);
        List<String> questions = Stream.concat(data.inScope().stream().map(Dataset.Question::text),
                data.outOfScope().stream()).toList();
        return new EvaluationSets(data.lang(), data.entries(), questions);
    }
}

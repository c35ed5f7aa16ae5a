package nl.loket.handover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.loket.content.ContentCheck;
import nl.loket.content.Problem;

/** The queues part of {@code bin/faq-check}: {@code queues.yml} in the FAQ folder, read as the server reads it. */
public final class QueuesCheck implements ContentCheck {

    static final String FILE = "queues.yml";

    @Override
    public Report check(Context context) {
        Path file = context.faq().resolve(FILE);
        if (!Files.exists(file)) {
            return new Report("no " + FILE, List.of(Problem.warning(file.toString(), 1, "no queues file: every "
                    + "handover goes to one queue 'algemeen' that is always open")));
        }
        QueuesFile.Result result = QueuesFile.read(file);
        return new Report(result.queues().size() + " queues", result.problems());
    }
}

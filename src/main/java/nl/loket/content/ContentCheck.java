package nl.loket.content;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One kind of content that {@code bin/faq-check} checks. A module that owns a kind of content implements
 * it (a public class with a public no-argument constructor) and lists the class in
 * {@code META-INF/services/nl.loket.content.ContentCheck}; the check command finds it there, so adding a
 * kind touches neither the command nor the other kinds.
 */
public interface ContentCheck {

    /** Where the content is, and the moment the check runs at (notices that are about to end are warned about). */
    record Context(Path faq, Optional<Path> prompts, Optional<Path> actions, Optional<Path> against, Clock clock) {
    }

    /**
     * What a check found.
     *
     * @param summary what was checked, e.g. "4 queues"; it goes into the command's last line
     * @param notes lines printed after the problems (e.g. what a content change does to the answers)
     */
    record Report(String summary, List<Problem> problems, List<String> notes) {

        public Report {
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public Report(String summary, List<Problem> problems) {
            this(summary, problems, List.of());
        }
    }

    Report check(Context context);
}

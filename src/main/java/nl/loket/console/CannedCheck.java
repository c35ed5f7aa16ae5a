package nl.loket.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.loket.content.ContentCheck;

/** The canned-replies part of {@code bin/faq-check}: {@code canned.yml} in the FAQ folder, read as the server does. */
public final class CannedCheck implements ContentCheck {

    static final String FILE = "canned.yml";

    @Override
    public Report check(Context context) {
        Path file = context.faq().resolve(FILE);
        if (!Files.exists(file)) {
            return new Report("no " + FILE, List.of());
        }
        CannedReplies.Read read = CannedReplies.read(file, Map.of());
        return new Report((read.replies() == null ? 0 : read.replies().size()) + " canned replies", read.problems());
    }
}

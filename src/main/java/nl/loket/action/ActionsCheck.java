package nl.loket.action;

import java.util.List;
import nl.loket.content.ContentCheck;

/** The actions part of {@code bin/faq-check}: every action file, read as the server reads it. */
public final class ActionsCheck implements ContentCheck {

    @Override
    public Report check(Context context) {
        return context.actions().map(dir -> {
            ActionFiles.Result result = ActionFiles.read(dir);
            return new Report(result.byFile().size() + " actions", result.problems());
        }).orElseGet(() -> new Report("no actions folder", List.of()));
    }
}

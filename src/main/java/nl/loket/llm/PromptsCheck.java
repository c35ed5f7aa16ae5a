package nl.loket.llm;

import java.util.List;
import java.util.Map;
import nl.loket.content.ContentCheck;

/** The prompts part of {@code bin/faq-check}: every prompt file, read as the server reads it. */
public final class PromptsCheck implements ContentCheck {

    @Override
    public Report check(Context context) {
        return context.prompts().map(dir -> {
            Prompts.Read read = Prompts.read(dir, Map.of());
            return new Report(read.texts().size() + " prompt files", read.problems());
        }).orElseGet(() -> new Report("no prompts folder", List.of()));
    }
}

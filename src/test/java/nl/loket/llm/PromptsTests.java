package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.loket.content.Watchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTests {

    @TempDir
    Path dir;

    private void writeGood() throws IOException {
        for (String lang : Prompts.LANGS) {
            Files.writeString(dir.resolve("system." + lang + ".md"), "Rules.\nSay {{abstain}} when unsure.\n");
        }
        Files.writeString(dir.resolve(Prompts.ANSWER), "{{sources}}\n<customer_message>{{question}}</customer_message>\n");
        Files.writeString(dir.resolve(Prompts.SUMMARY), "Summarise:\n{{transcript}}\n");
    }

    @Test
    void loadsTheRepositoryPrompts() throws IOException {
        var prompts = new Prompts(new PromptProperties(Path.of("prompts")), Watchers.manual());
        assertThat(prompts.problems()).isEmpty();
        assertThat(prompts.current().systemFor("en")).contains("{{abstain}}");
    }

    @Test
    void reportsProblemsWithFileAndLine() throws IOException {
        writeGood();
        Files.writeString(dir.resolve(Prompts.ANSWER), "Sources:\n{{sources}}\nQ: {{qestion}}\n");
        Files.delete(dir.resolve("system.en.md"));
        var prompts = new Prompts(new PromptProperties(dir), Watchers.manual());
        assertThat(prompts.current()).isNull();
        assertThat(prompts.problems()).containsExactlyInAnyOrder(
                dir.resolve("system.en.md") + ":1: missing file",
                dir.resolve("answer.md") + ":3: unknown placeholder {{qestion}}; allowed: {{history}}, {{lang}}, "
                        + "{{question}}, {{sources}}",
                dir.resolve("answer.md") + ":4: missing required placeholder {{question}}");
    }

    @Test
    void reloadsOnChangeAndKeepsTheLastGoodVersionOfABrokenFile() throws IOException {
        writeGood();
        var watcher = Watchers.manual();
        var prompts = new Prompts(new PromptProperties(dir), watcher);
        assertThat(prompts.current()).isNotNull();

        Files.writeString(dir.resolve("system.nl.md"), "Nieuw: {{abstain}}\n");
        assertThat(watcher.refresh()).isTrue();
        assertThat(prompts.current().systemFor("nl")).startsWith("Nieuw");

        Files.writeString(dir.resolve("system.nl.md"), "Kapot {{ abstain\n");
        Files.writeString(dir.resolve(Prompts.SUMMARY), "Vat samen:\n{{transcript}}\n");
        assertThat(watcher.refresh()).isTrue();
        assertThat(prompts.problems()).contains(dir.resolve("system.nl.md") + ":1: warning: serving the last good "
                + "version of this file").anyMatch(p -> p.startsWith(dir.resolve("system.nl.md") + ":1: '{{'"));
        assertThat(prompts.current().systemFor("nl")).startsWith("Nieuw");
        assertThat(prompts.current().summary()).as("the good file next to the broken one serves").startsWith("Vat");
    }

    @Test
    void fillsPlaceholdersOnceSoCustomerTextCannotInjectOne() {
        assertThat(PromptTemplate.fill("Q: {{question}} S: {{sources}}",
                Map.of("question", "{{sources}}", "sources", "[1] x"))).isEqualTo("Q: {{sources}} S: [1] x");
    }
}

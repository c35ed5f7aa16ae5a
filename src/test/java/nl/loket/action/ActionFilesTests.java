package nl.loket.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.loket.content.CheckCommand;
import nl.loket.content.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionFilesTests {

    static final Path SHIPPED = Path.of("actions");

    private static final String GOOD = """
            id: good
            verified: false
            title: {nl: Iets doen, en: Do something}
            phrases:
              nl: [ik wil iets doen]
            fields:
              - name: code
                type: text
                pattern: "[A-Z]{3}"
                label: {nl: Welke code?, en: Which code?}
            summary: {nl: "Code {code}?", en: "Code {code}?"}
            done: {nl: "Gedaan: {reference}", en: "Done: {reference}"}
            call:
              system: polder
              path: /things/{code}
              body: '{"code": "{code}"}'
            """;

    @Test
    void readsTheShippedActionsWithoutProblems() {
        ActionFiles.Result result = ActionFiles.read(SHIPPED);

        assertThat(result.problems()).isEmpty();
        assertThat(result.byFile()).hasSize(4);
        ActionDefinition meter = result.byFile().get("meterstand-doorgeven.yml");
        assertThat(meter.verified()).isTrue();
        assertThat(meter.fields()).extracting(ActionField::name).containsExactly("ean", "reading", "date");
        assertThat(meter.call().path()).isEqualTo("/meter-readings");
        assertThat(meter.call().body().path("ean").asString()).isEqualTo("{ean}");
        assertThat(meter.description().in("en")).isEqualTo("Submit the reading of an electricity or gas meter.");
    }

    @Test
    void theDescriptionForTheLlmIsOptionalAndAskedPerLanguage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.yml"), GOOD);
        Files.writeString(dir.resolve("described.yml"), GOOD.replace("id: good", "id: described")
                .replace("phrases:", "description: {nl: Iets doen voor de klant}\nphrases:"));

        ActionFiles.Result result = ActionFiles.read(dir);

        assertThat(result.byFile().get("good.yml").description().isEmpty()).isTrue();
        assertThat(result.byFile()).doesNotContainKey("described.yml");
        assertThat(result.problems()).singleElement().asString().startsWith(dir.resolve("described.yml") + ":4:");
    }

    @Test
    void reportsEveryMistakeWithItsLineAndLeavesOnlyThatFileOut(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.yml"), GOOD);
        Files.writeString(dir.resolve("bad.yml"), """
                id: bad
                title: {nl: Kapot}
                phrases:
                  nl: [kapot]
                fields:
                  - name: ean
                    type: barcode
                    label: {nl: EAN?, en: EAN?}
                  - name: amount
                    type: amount
                    min: 50
                    max: 10
                    label: {nl: Bedrag?, en: Amount?}
                summary: {nl: "Klopt {eaan}?", en: "Right?"}
                done: {nl: Klaar, en: Done}
                call:
                  system: polder
                  path: https://evil.example/{ean}
                  body: '{"ean": {ean}}'
                  timeout: 5 minutes
                """);

        ActionFiles.Result result = ActionFiles.read(dir);

        String bad = dir.resolve("bad.yml").toString();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                bad + ":2: missing required key 'en'",
                bad + ":7: unknown type 'barcode'; known types: text, ean, number, amount, postcode, house-number, "
                        + "date, choice",
                bad + ":11: 'min' is above 'max'",
                bad + ":14: 'summary' uses {eaan}, which is not a field of this action (nor reference, message or "
                        + "customer.id/name/email)",
                bad + ":18: 'path' must be a path like /meter-readings/{ean}: it starts with one '/', and has no host, "
                        + "'?', '#', '..' or broken {…}; the base URL comes from configuration",
                bad + ":19: 'body' is not valid JSON: Unexpected character ('e' (code 101)): was expecting double-quote "
                        + "to start property name (write placeholders inside quotes: \"{ean}\")",
                bad + ":20: 'timeout' must be a duration up to 60s, like 5s or 800ms");
        assertThat(result.byFile()).containsOnlyKeys("good.yml");
    }

    @Test
    void refusesAPathThatCouldLeaveTheBaseUrl(@TempDir Path dir) throws IOException {
        for (String path : new String[] {"//evil.example/x", "/a/../admin", "/x?admin=1", "/x#y", "x/{code}"}) {
            Files.writeString(dir.resolve("good.yml"), GOOD.replace("/things/{code}", path));
            assertThat(ActionFiles.read(dir).byFile()).as(path).isEmpty();
        }
    }

    @Test
    void aFieldFromTheCustomerNeedsAVerifiedCustomer(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.yml"), GOOD.replace("    label: {nl: Welke code?, en: Which code?}",
                "    label: {nl: Welke code?, en: Which code?}\n    customer: email"));

        assertThat(ActionFiles.read(dir).problems()).extracting(Problem::toString).containsExactly(
                dir.resolve("good.yml") + ":2: a field filled in from the customer needs 'verified: true': an "
                        + "unsigned customer's details are not theirs for sure");
    }

    @Test
    void theIdIsTheFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.yml"), GOOD);
        Files.writeString(dir.resolve("old.yaml"), GOOD);

        assertThat(ActionFiles.read(dir).problems()).extracting(Problem::toString).containsExactly(
                dir.resolve("old.yaml") + ":1: not read: action files end in .yml",
                dir.resolve("other.yml") + ":1: id 'good' must be the file's name: other");
    }

    @Test
    void faqCheckReportsBrokenActionFilesAndExitsOne(@TempDir Path root) throws IOException {
        Path faq = Files.createDirectory(root.resolve("faq"));
        Path actions = Files.createDirectory(root.resolve("actions"));
        Files.writeString(actions.resolve("good.yml"), GOOD);
        Files.writeString(actions.resolve("broken.yml"), "id: broken\ntitle: [\n");
        var out = new ByteArrayOutputStream();
        var check = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneId.of("Europe/Amsterdam")));

        assertThat(check.run(new String[] {faq.toString()})).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(actions.resolve("broken.yml") + ":3: invalid YAML")
                .contains("1 actions: 1 errors");
    }

    @Test
    void faqCheckPassesTheShippedContent() {
        var out = new ByteArrayOutputStream();
        var check = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneId.of("Europe/Amsterdam")));

        int exit = check.run(new String[] {"faq"});

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(", 4 actions: 0 errors");
        assertThat(exit).isZero();
    }
}

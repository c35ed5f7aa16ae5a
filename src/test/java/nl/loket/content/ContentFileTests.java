package nl.loket.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The editor's usual slips, each reported at the line where it was made. */
class ContentFileTests {

    private static final String QUEUES = """
            queues:
              - name: algemeen
                title: {nl: de klantenservice, en: customer service}
                hours:
                  mon-fri: "08:00-20:00"
                  sat: "09:00-17:00"
                tags: [contract, account]
              - name: facturen
                hours:
                  mon-fri: "08:00-18:00"
                details:
                  - name: customerNumber
                    ask: "Wat is je klantnummer?"
                    pattern: "[0-9]{8}"
              - name: klachten
                hours:
                  mon-fri: "09:00-17:00"
            """;

    private static List<Problem> problems(String text) {
        var file = new ContentFile("queues.yml");
        assertThat(file.yaml(text)).isEmpty();
        return file.problems();
    }

    private static String replaceLine(String text, int line, String with) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        lines.set(line - 1, with);
        return String.join("\n", lines) + "\n";
    }

    @Test
    void theSampleIsValid() {
        var file = new ContentFile("queues.yml");
        assertThat(file.yaml(QUEUES)).isPresent();
        assertThat(file.problems()).isEmpty();
    }

    @Test
    void aTabIsReportedOnItsLine() {
        assertThat(problems(replaceLine(QUEUES, 6, "\t  sat: \"09:00-17:00\""))).singleElement()
                .hasToString("queues.yml:6: invalid YAML: a tab; indent with spaces only (while scanning for the next "
                        + "token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for "
                        + "indentation))");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        assertThat(problems(replaceLine(QUEUES, 5, "      mon-fri: \"08:00-20:00"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith(
                        "queues.yml:5: invalid YAML: the quote opened on this line is not closed on it, so the text "
                                + "runs on until line 6, where the parser gives up"));
    }

    @Test
    void anUnclosedBracketIsReportedWhereItOpens() {
        assertThat(problems(replaceLine(QUEUES, 7, "    tags: [contract, account"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith(
                        "queues.yml:7: invalid YAML: the '[' opened on this line is never closed with ']'"));
    }

    @Test
    void aKeyIndentedTooFarIsReportedOnItsLine() {
        assertThat(problems(replaceLine(QUEUES, 14, "                pattern: \"[0-9]{8}\""))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("queues.yml:14: invalid YAML: this line's "
                        + "indentation does not fit the lines above it"));
    }

    @Test
    void aKeyIndentedTooLittleIsReportedOnItsLine() {
        assertThat(problems(replaceLine(QUEUES, 14, "  pattern: \"[0-9]{8}\""))).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(14));
    }

    @Test
    void aKeyWithoutItsColonIsReportedOnItsLine() {
        assertThat(problems(replaceLine(QUEUES, 9, "    hours"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("queues.yml:9: invalid YAML: "));
    }

    @Test
    void aDuplicateKeyNamesBothLines() {
        var file = new ContentFile("queues.yml");
        file.yaml(replaceLine(QUEUES, 7, "    title: nog een titel"));
        assertThat(file.problems()).extracting(Problem::toString)
                .containsExactly("queues.yml:7: duplicate key 'title' (first on line 3): remove one of them");
    }

    @Test
    void aWrongTypeSaysWhatWasExpectedAndWhatWasFound() {
        var file = new ContentFile("nl/x.md");
        var front = file.frontMatter("""
                ---
                id: x
                questions: Hoe geef ik mijn meterstand door?
                keywords: [meterstand, {a: b}]
                minScore: hoog
                default: ja
                ---
                Antwoord.
                """).orElseThrow();

        file.texts(front.header(), "questions", true);
        file.texts(front.header(), "keywords", false);
        file.number(front.header(), "minScore", 0, 1);
        file.flag(front.header(), "default");
        file.text(front.header(), "title", true);
        file.unknownKeys(front.header(), Set.of("id", "questions", "keywords", "minScore", "title"), false);

        assertThat(file.problems()).extracting(Problem::toString).containsExactly(
                "nl/x.md:2: missing required key 'title'",
                "nl/x.md:3: 'questions' must be a list (- item, or [a, b]), not a text",
                "nl/x.md:4: every item of 'keywords' must be a non-empty text, not a mapping (key: value)",
                "nl/x.md:5: 'minScore' must be a number from 0 to 1",
                "nl/x.md:6: 'default' must be true or false, not a text",
                "nl/x.md:6: warning: unknown key 'default' (ignored); known keys: id, keywords, minScore, questions, "
                        + "title");
        assertThat(front.body()).isEqualTo("Antwoord.");
        assertThat(front.bodyLine()).isEqualTo(8);
    }

    @Test
    void aMistakeInFrontMatterCountsTheFilesLines() {
        var file = new ContentFile("nl/x.md");
        assertThat(file.frontMatter("---\nid: x\ntitle: \"Meter\nquestions:\n  - a\n  - b\n---\nAntwoord\n"))
                .isEmpty();
        assertThat(file.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .startsWith("nl/x.md:3: invalid YAML: the quote opened on this line is never closed"));
    }
}

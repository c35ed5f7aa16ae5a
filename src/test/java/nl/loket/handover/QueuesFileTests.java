package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QueuesFileTests {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void readsTheShippedQueuesFile() {
        QueuesFile.Result result = QueuesFile.read(Path.of("faq/queues.yml"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.defaultQueue()).isEqualTo("algemeen");
        assertThat(result.queues()).extracting(QueueDefinition::name).contains("algemeen", "klachten", "facturen");
        QueueDefinition facturen = result.queues().stream().filter(q -> q.name().equals("facturen")).findFirst()
                .orElseThrow();
        assertThat(facturen.details()).extracting(DetailSpec::name).containsExactly("customerNumber", "postcode");
        assertThat(facturen.details().get(1).accepts("1234 ab")).isTrue();
        assertThat(facturen.details().get(1).accepts("0123AB")).isFalse();
        assertThat(facturen.details().getFirst().accepts(" 12345678 ")).isTrue();
        assertThat(facturen.details().getFirst().accepts("1234567")).isFalse();
    }

    @Test
    void knowsOpeningHoursAndWhenTheTeamIsBack() {
        QueueDefinition queue = read("""
                queues:
                  - name: algemeen
                    hours: {mon-fri: "08:00-20:00", sat: closed}
                """);
        ZonedDateTime fridayEvening = ZonedDateTime.of(2026, 11, 27, 20, 0, 0, 0, AMSTERDAM);

        assertThat(queue.isOpen(fridayEvening.minusMinutes(1))).isTrue();
        assertThat(queue.isOpen(fridayEvening)).isFalse();
        assertThat(queue.nextOpening(fridayEvening)).hasValueSatisfying(t -> {
            assertThat(t.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(t.getHour()).isEqualTo(8);
        });
    }

    @Test
    void reportsEveryProblemWithFileAndLine() {
        QueuesFile.Result result = QueuesFile.read("queues.yml", new StringReader("""
                queues:
                  - name: algemeen
                    hours: {mon-fri: "20:00-08:00"}
                  - name: klachten
                    colour: red
                    hours: {funday: "09:00-17:00"}
                    details:
                      - name: postcode
                        ask: "Postcode?"
                        pattern: "[0-9"
                  - name: Bad Name
                """));

        assertThat(result.queues()).isEmpty();
        assertThat(result.problems()).containsExactly(
                "queues.yml:3: opening hours '20:00-08:00' must look like 08:00-20:00 (end after start) or 'closed'",
                "queues.yml:5: unknown key 'colour'; expected one of " + result.problems().get(1)
                        .substring(result.problems().get(1).indexOf('[')),
                "queues.yml:6: unknown day 'funday'; use mon..sun, mon-fri, sat-sun or every-day",
                "queues.yml:10: 'pattern' is not a valid regular expression: Unclosed character class",
                "queues.yml:11: 'name' is required: lower-case letters, digits, '-' or '_'");
    }

    @Test
    void reportsBrokenYamlWithItsLine() {
        QueuesFile.Result result = QueuesFile.read("queues.yml", new StringReader("queues:\n  - name: [a\n"));

        assertThat(result.problems()).singleElement().asString().startsWith("queues.yml:3: not valid YAML");
    }

    private static QueueDefinition read(String yaml) {
        QueuesFile.Result result = QueuesFile.read("test.yml", new StringReader(yaml));
        assertThat(result.problems()).isEmpty();
        return result.queues().getFirst();
    }
}

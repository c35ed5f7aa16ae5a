package nl.loket.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.loket.content.Problem;
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
        assertThat(facturen.details().getFirst().labels()).containsEntry("nl", "Klantnummer")
                .containsEntry("en", "Customer number");
        assertThat(facturen.details().get(1).labels()).containsEntry("nl", "Postcode").containsEntry("en", "Postcode");
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
    void isOpenAroundTheClockWithZeroToTwentyFour() {
        QueueDefinition queue = read("""
                queues:
                  - name: storingen
                    hours: {every-day: "00:00-24:00"}
                """);

        for (String local : new String[] {"2026-12-06T00:00", "2026-12-06T12:00", "2026-12-06T23:59:59.999",
            "2026-12-07T00:00"}) {
            assertThat(queue.isOpen(at(local))).as(local).isTrue();
        }
        // The nights the clocks change: 02:00 jumps to 03:00 in March, 03:00 falls back to 02:00 in October.
        for (Instant instant = Instant.parse("2026-03-28T22:00:00Z"); instant.isBefore(Instant.parse(
                "2026-03-29T04:00:00Z")); instant = instant.plusSeconds(15 * 60)) {
            assertThat(queue.isOpen(now(instant))).as("%s", instant).isTrue();
        }
        for (Instant instant = Instant.parse("2026-10-24T22:00:00Z"); instant.isBefore(Instant.parse(
                "2026-10-25T04:00:00Z")); instant = instant.plusSeconds(15 * 60)) {
            assertThat(queue.isOpen(now(instant))).as("%s", instant).isTrue();
        }
        assertThat(queue.hours().get(DayOfWeek.SUNDAY)).extracting(Object::toString).containsExactly("00:00-24:00");
    }

    @Test
    void isOpenUntilMidnightWithTwentyFourAsTheEnd() {
        QueueDefinition queue = read("""
                queues:
                  - name: avond
                    hours:
                      sat: ["09:00-12:00", "22:00-24:00"]
                      sun: "00:00-02:00"
                """);

        assertThat(queue.isOpen(at("2026-12-05T21:59:59"))).isFalse();
        assertThat(queue.isOpen(at("2026-12-05T22:00"))).isTrue();
        assertThat(queue.isOpen(at("2026-12-05T23:59:59.999"))).isTrue();
        assertThat(queue.isOpen(at("2026-12-06T00:00"))).as("Sunday's slot goes on at midnight").isTrue();
        assertThat(queue.isOpen(at("2026-12-06T02:00"))).isFalse();
        assertThat(queue.nextOpening(at("2026-12-05T08:00"))).hasValue(at("2026-12-05T09:00"));
        assertThat(queue.nextOpening(at("2026-12-05T13:00"))).hasValue(at("2026-12-05T22:00"));
        assertThat(queue.nextOpening(at("2026-12-06T03:00"))).hasValue(at("2026-12-12T09:00"));
    }

    @Test
    void aSlotInTheHourTheClocksSkipDoesNotOpenThatNight() {
        QueueDefinition skipped = read("""
                queues:
                  - name: nacht
                    hours: {sun: "02:00-03:00", mon: "09:00-10:00"}
                """);
        QueueDefinition across = read("""
                queues:
                  - name: nacht
                    hours: {sun: "02:30-04:00"}
                """);
        // Sunday 29 March 2026: at 02:00 the clocks in Amsterdam jump to 03:00.
        ZonedDateTime saturdayNight = now(Instant.parse("2026-03-28T23:00:00Z"));

        assertThat(skipped.nextOpening(saturdayNight)).hasValue(ZonedDateTime.of(2026, 3, 30, 9, 0, 0, 0, AMSTERDAM));
        assertThat(skipped.isOpen(now(Instant.parse("2026-03-29T01:00:00Z")))).as("03:00 CEST").isFalse();
        assertThat(across.nextOpening(saturdayNight)).as("opens when the clocks land")
                .hasValue(ZonedDateTime.of(2026, 3, 29, 3, 0, 0, 0, AMSTERDAM));
        assertThat(across.isOpen(now(Instant.parse("2026-03-29T01:59:00Z")))).as("03:59 CEST").isTrue();
        assertThat(across.isOpen(now(Instant.parse("2026-03-29T02:00:00Z")))).as("04:00 CEST").isFalse();
        // Sunday 25 October 2026: 02:00-03:00 happens twice, and the part after 02:30 is open both times.
        assertThat(across.isOpen(now(Instant.parse("2026-10-25T00:30:00Z")))).as("02:30 CEST").isTrue();
        assertThat(across.isOpen(now(Instant.parse("2026-10-25T01:15:00Z")))).as("02:15 CET").isFalse();
        assertThat(across.isOpen(now(Instant.parse("2026-10-25T01:30:00Z")))).as("02:30 CET").isTrue();
    }

    @Test
    void refusesHoursThatCannotBeMeant() {
        QueuesFile.Result result = QueuesFile.read("queues.yml", """
                queues:
                  - name: algemeen
                    hours:
                      mon: "24:00-24:00"
                      tue: "00:00-00:00"
                      wed: "08:00-25:00"
                      thu: 8
                """);

        assertThat(result.problems()).extracting(Problem::line).containsExactly(4, 5, 6, 7);
        assertThat(result.problems().getFirst().message()).isEqualTo("opening hours '24:00-24:00' must look like "
                + "08:00-20:00 (end after start, 24:00 for midnight) or 'closed'");
    }

    @Test
    void reportsEveryProblemWithFileAndLine() {
        QueuesFile.Result result = QueuesFile.read("queues.yml", """
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
                      - name: customerNumber
                        label: [Klantnummer]
                        ask: "Klantnummer?"
                  - name: Bad Name
                    default: yes please
                  - name: algemeen
                    hours: {mon: "09:00-17:00"}
                """);

        assertThat(result.queues()).isEmpty();
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                "queues.yml:3: opening hours '20:00-08:00' must look like 08:00-20:00 (end after start, 24:00 for "
                        + "midnight) or 'closed'",
                "queues.yml:5: unknown key 'colour'; known keys: default, details, hours, languages, name, tags, title",
                "queues.yml:6: unknown day 'funday'; use mon..sun, mon-fri, sat-sun or every-day",
                "queues.yml:10: 'pattern' is not a valid regular expression: Unclosed character class",
                "queues.yml:12: 'label' is a text or {nl: ..., en: ...}, not a list",
                "queues.yml:14: 'name' must be lower-case letters, digits, '-' or '_' (at most 40)",
                "queues.yml:14: 'hours' is required, e.g. {mon-fri: \"08:00-20:00\", sat: closed, sun: "
                        + "\"00:00-24:00\"}",
                "queues.yml:15: 'default' must be true or false, not a text",
                "queues.yml:16: queue 'algemeen' is defined twice (first on line 2)");
    }

    @Test
    void reportsBrokenYamlAtTheLineOfTheMistake() {
        QueuesFile.Result result = QueuesFile.read("queues.yml", "queues:\n  - name: [a\n    hours: {}\n\n\n");

        assertThat(result.problems()).singleElement().asString()
                .startsWith("queues.yml:2: invalid YAML: the '[' opened on this line is never closed");
    }

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(AMSTERDAM);
    }

    /** The moment a fixed clock shows, in the queues' zone: the way the handover looks at the time. */
    private static ZonedDateTime now(Instant instant) {
        return ZonedDateTime.now(Clock.fixed(instant, AMSTERDAM));
    }

    private static QueueDefinition read(String yaml) {
        QueuesFile.Result result = QueuesFile.read("test.yml", yaml);
        assertThat(result.problems()).isEmpty();
        return result.queues().getFirst();
    }
}

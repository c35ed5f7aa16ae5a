package nl.loket.handover;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One queue of agents, as an editor describes it in {@code queues.yml}.
 *
 * @param titles the team's name per language, as the customer sees it
 * @param hours opening hours per weekday in the queue's zone (Europe/Amsterdam), as wall-clock times; a missing
 *     day is closed
 * @param tags FAQ tags whose questions go to this queue
 * @param details what the bot asks before queueing, in this order
 */
public record QueueDefinition(String name, Map<String, String> titles, List<String> languages,
        Map<DayOfWeek, List<OpeningSlot>> hours, List<String> tags, List<DetailSpec> details) {

    /**
     * From {@code from} up to (not including) {@code until}, on the wall clock. An {@code until} of
     * {@link #END_OF_DAY} (written {@code 24:00}) runs to midnight, so {@code 00:00-24:00} is the whole day.
     */
    public record OpeningSlot(LocalTime from, LocalTime until) {

        public static final LocalTime END_OF_DAY = LocalTime.MIDNIGHT;

        public boolean contains(LocalTime time) {
            return !time.isBefore(from) && (until.equals(END_OF_DAY) || time.isBefore(until));
        }

        @Override
        public String toString() {
            return from + "-" + (until.equals(END_OF_DAY) ? "24:00" : until.toString());
        }
    }

    public QueueDefinition {
        titles = Map.copyOf(titles);
        languages = List.copyOf(languages);
        hours = Map.copyOf(hours);
        tags = List.copyOf(tags);
        details = List.copyOf(details);
    }

    public String title(String lang) {
        return titles.getOrDefault(lang, titles.getOrDefault("nl", name));
    }

    public boolean isOpen(ZonedDateTime at) {
        LocalTime time = at.toLocalTime();
        return hours.getOrDefault(at.getDayOfWeek(), List.of()).stream().anyMatch(slot -> slot.contains(time));
    }

    /** When the team is next at work, looking at most a week ahead; empty when the queue never opens. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime at) {
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime date = at.plusDays(day);
            Optional<ZonedDateTime> first = hours.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                    .map(slot -> start(date, slot))
                    // A slot that lies wholly in the hour the clocks skip in spring does not happen that day.
                    .filter(start -> start.isAfter(at) && isOpen(start))
                    .min(ZonedDateTime::compareTo);
            if (first.isPresent()) {
                return first;
            }
        }
        return Optional.empty();
    }

    /** The moment the slot starts on {@code date}'s day; a start the clocks skip in spring is when they land. */
    private static ZonedDateTime start(ZonedDateTime date, OpeningSlot slot) {
        LocalDateTime local = date.toLocalDate().atTime(slot.from());
        ZoneOffsetTransition transition = date.getZone().getRules().getTransition(local);
        return transition != null && transition.isGap() ? transition.getDateTimeAfter().atZone(date.getZone())
                : local.atZone(date.getZone());
    }
}

package nl.loket.handover;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One queue of agents, as an editor describes it in {@code queues.yml}.
 *
 * @param titles the team's name per language, as the customer sees it
 * @param hours opening hours per weekday in the queue's zone (Europe/Amsterdam); a missing day is closed
 * @param tags FAQ tags whose questions go to this queue
 * @param details what the bot asks before queueing, in this order
 */
public record QueueDefinition(String name, Map<String, String> titles, List<String> languages,
        Map<DayOfWeek, List<OpeningSlot>> hours, List<String> tags, List<DetailSpec> details) {

    public record OpeningSlot(LocalTime from, LocalTime until) {
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
        return hours.getOrDefault(at.getDayOfWeek(), List.of()).stream()
                .anyMatch(slot -> !time.isBefore(slot.from()) && time.isBefore(slot.until()));
    }

    /** When the team is next at work, looking at most a week ahead; empty when the queue never opens. */
    public Optional<ZonedDateTime> nextOpening(ZonedDateTime at) {
        for (int day = 0; day <= 7; day++) {
            ZonedDateTime date = at.plusDays(day);
            for (OpeningSlot slot : hours.getOrDefault(date.getDayOfWeek(), List.of())) {
                ZonedDateTime start = date.with(slot.from());
                if (day == 0 && !start.isAfter(at)) {
                    continue;
                }
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }
}

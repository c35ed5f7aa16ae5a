package nl.loket.insight;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.loket.api.ApiRefusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The insights page's data for editors and supervisors (the console's security configuration guards
 * {@code /console/api/insights**}): the report as JSON, and every table as CSV.
 */
@RestController
class InsightsController {

    private static final long MAX_DAYS = 400;

    private final Insights insights;
    private final InsightProperties properties;
    private final Clock clock;

    InsightsController(Insights insights, InsightProperties properties, Clock clock) {
        this.insights = insights;
        this.properties = properties;
        this.clock = clock;
    }

    /** One CSV table: its header and how a report fills its rows. */
    private record Table(List<String> header, Function<InsightsReport, List<List<Object>>> rows) {
    }

    private static final Map<String, Table> TABLES = Map.of(
            "value", new Table(List.of("figure", "value"), r -> {
                var v = r.value();
                List<List<Object>> rows = new ArrayList<>(List.of(List.of("conversations", v.conversations()),
                        List.of("resolved_without_person", v.resolvedWithoutPerson()),
                        List.of("resolved_share", blank(v.resolvedShare())), List.of("handovers", v.handovers()),
                        List.of("handover_rate", blank(v.handoverRate())),
                        List.of("average_time_to_human_seconds", blank(v.averageTimeToHumanSeconds())),
                        List.of("answers_faq", v.answers().faq()), List.of("answers_clarified", v.answers().clarified()),
                        List.of("answers_llm", v.answers().llm()),
                        List.of("actions_completed", v.answers().actionsCompleted()),
                        List.of("answers_passed_on", v.answers().passedOn())));
                v.csat().forEach((handled, c) -> {
                    rows.add(List.of("csat_" + handled + "_count", c.count()));
                    rows.add(List.of("csat_" + handled + "_average", blank(c.average())));
                });
                rows.addAll(List.of(List.of("cost_without_bot", v.cost().withoutBot()),
                        List.of("cost_with_bot", v.cost().withBot()), List.of("cost_saved", v.cost().saved()),
                        List.of("cost_saved_share", blank(v.cost().savedShare())),
                        List.of("target_saving", v.cost().target()), List.of("target_met", v.cost().targetMet())));
                return rows;
            }),
            "weeks", new Table(List.of("week", "start", "conversations", "resolved_share", "handover_rate"),
                    r -> r.weeks().stream().map(w -> List.<Object>of(w.week(), w.start(), w.conversations(),
                            blank(w.resolvedShare()), blank(w.handoverRate()))).toList()),
            "topics", new Table(List.of("entry", "title", "conversations", "llm_conversations", "handovers",
                    "handover_rate", "priority"), r -> r.topics().stream().map(t -> List.<Object>of(t.entryId(), t.title(),
                            t.conversations(), t.llmConversations(), t.handovers(), blank(t.handoverRate()), t.priority()))
                    .toList()),
            "unanswered", new Table(List.of("count", "lang", "grouped_by", "examples", "closest_entry", "closest_title"),
                    r -> r.unanswered().stream().map(u -> List.<Object>of(u.count(), u.lang(), u.groupedBy(),
                            String.join(" | ", u.examples()), blank(u.closestEntryId()), blank(u.closestTitle())))
                            .toList()),
            "unhelpful", new Table(List.of("entry", "title", "tier", "count"),
                    r -> r.unhelpful().stream().map(u -> List.<Object>of(u.entryId(), u.title(), u.tier(),
                            u.count())).toList()),
            "handover-reasons", new Table(List.of("week", "reason", "count"),
                    r -> r.handoverReasons().stream().map(h -> List.<Object>of(h.week(), h.reason(), h.count()))
                            .toList()),
            "entry-hits", new Table(List.of("entry", "title", "lang", "hits"),
                    r -> r.entryHits().stream().map(h -> List.<Object>of(h.entryId(), h.title(), h.lang(), h.hits()))
                            .toList()),
            "action-hits", new Table(List.of("action", "title", "completed", "rejected", "failed"),
                    r -> r.actionHits().stream().map(h -> List.<Object>of(h.actionId(), h.title(), h.completed(),
                            h.rejected(), h.failed())).toList()));

    @GetMapping("/console/api/insights")
    InsightsReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String lang) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate start = date("from", from, today.withDayOfMonth(1));
        LocalDate end = date("to", to, today.plusDays(1));
        if (!end.isAfter(start) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw ApiRefusal.badRequest("bad_period", "Parameter to must be after from, at most " + MAX_DAYS + " days.");
        }
        if (lang != null && !lang.isBlank() && !List.of("nl", "en").contains(lang)) {
            throw ApiRefusal.badRequest("unsupported_language", "Parameter lang must be nl or en (or absent for both).");
        }
        return insights.report(start, end, lang == null || lang.isBlank() ? null : lang);
    }

    @GetMapping("/console/api/insights.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String table, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        Table t = TABLES.get(table == null ? "" : table);
        if (t == null) {
            throw ApiRefusal.badRequest("unknown_table", "Parameter table must be one of " + TABLES.keySet().stream().sorted()
                    .collect(Collectors.joining(", ")) + ".");
        }
        InsightsReport report = report(from, to, lang);
        StringBuilder out = new StringBuilder(line(t.header().stream().map(Object.class::cast).toList()));
        t.rows().apply(report).forEach(row -> out.append(line(row)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loket-" + table + "-"
                        + report.period().from() + "-" + report.period().to() + ".csv\"")
                .body(out.toString());
    }

    private static String line(List<Object> cells) {
        return cells.stream().map(c -> cell(String.valueOf(c))).collect(Collectors.joining(",")) + "\r\n";
    }

    /** RFC 4180 quoting, and a leading quote on what a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9.]+")
                ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") || !safe.equals(value) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static Object blank(Object value) {
        return value == null ? "" : value;
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiRefusal.badRequest("bad_date", "Parameter " + name + " must be a date like 2026-12-01.");
        }
    }
}

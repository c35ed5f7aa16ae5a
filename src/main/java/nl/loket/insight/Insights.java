package nl.loket.insight;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nl.loket.action.Actions;
import nl.loket.conversation.Author;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.llm.Redaction;
import org.springframework.stereotype.Service;

/**
 * Computes the insights page from the stored conversations themselves (their logs and CSAT), so the
 * figures cannot drift from what happened. It reads every conversation of the store once per request:
 * a page for editors and supervisors, not for the message path. Only conversations within the
 * retention exist, so the period reaches back at most that far.
 */
@Service
public class Insights {

    private static final double SIMILAR = 0.5;
    private static final int EXAMPLES = 3;
    private static final int DRAFT_QUESTIONS = 20;

    private final Conversations conversations;
    private final Satisfaction satisfaction;
    private final Faq faq;
    private final Redaction redaction;
    private final Actions actions;
    private final InsightProperties properties;

    Insights(Conversations conversations, Satisfaction satisfaction, Faq faq, Redaction redaction, Actions actions,
            InsightProperties properties) {
        this.conversations = conversations;
        this.satisfaction = satisfaction;
        this.faq = faq;
        this.redaction = redaction;
        this.actions = actions;
        this.properties = properties;
    }

    /** What one conversation recorded, as the page counts it. */
    private record Facts(Conversation conversation, boolean handedOver, String handled, Duration timeToHuman,
            List<String> answeredEntries, Map<String, Long> answeredAt, long firstHandoverSeq,
            List<Reason> reasons, List<String> unanswered, List<ConversationEvent.BotMessage> unhelpful,
            Map<String, Integer> answers, List<ActionUse> actions) {
    }

    /** An action's result in the log: which action, and {@code completed}, {@code rejected} or {@code failed}. */
    private record ActionUse(String actionId, String outcome) {
    }

    private record Reason(Instant at, String reason) {
    }

    /** The report for conversations started on {@code from} up to and excluding {@code to}; lang null: all. */
    public InsightsReport report(LocalDate from, LocalDate to, String lang) {
        Instant start = from.atStartOfDay(properties.zone()).toInstant();
        Instant end = to.atStartOfDay(properties.zone()).toInstant();
        List<Facts> all = new ArrayList<>();
        for (String id : conversations.ids()) {
            conversations.find(id)
                    .filter(c -> !c.createdAt().isBefore(start) && c.createdAt().isBefore(end))
                    .filter(c -> lang == null || lang.equals(c.lang()))
                    .flatMap(this::facts).ifPresent(all::add);
        }
        all.sort(Comparator.comparing(f -> f.conversation().createdAt()));
        return new InsightsReport(new InsightsReport.Period(from, to, lang), value(all), weeks(all), topics(all),
                unanswered(all, lang), unhelpful(all), reasons(all), hits(all, lang), actionHits(all, lang));
    }

    /** Empty for a conversation in which the customer said nothing (a widget opened and left). */
    private Optional<Facts> facts(Conversation c) {
        List<ConversationEvent> log = conversations.eventsAfter(c.id(), 0);
        Instant firstCustomer = null;
        Instant firstAgent = null;
        boolean handedOver = false;
        long firstHandoverSeq = Long.MAX_VALUE;
        List<String> entries = new ArrayList<>();
        Map<String, Long> answeredAt = new HashMap<>();
        List<Reason> reasons = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        List<ConversationEvent.BotMessage> unhelpful = new ArrayList<>();
        Map<String, Integer> answers = new HashMap<>();
        List<ActionUse> used = new ArrayList<>();
        ConversationEvent lastQuestion = null;
        for (ConversationEvent e : log) {
            if (Handled.statusOf(e) == ConversationStatus.QUEUED) {
                handedOver = true;
                firstHandoverSeq = Math.min(firstHandoverSeq, e.seq());
                String reason = ConversationEvent.attribute(e, "reason");
                if (reason != null && !reason.equals("transferred")) {
                    reasons.add(new Reason(e.at(), reason.contains(":") ? reason.substring(0, reason.indexOf(':'))
                            : reason));
                }
            } else if (Handled.statusOf(e) == ConversationStatus.AGENT && firstAgent == null) {
                firstAgent = e.at();
            } else if (e.kind() == EventKind.MESSAGE && e.author() == Author.CUSTOMER) {
                firstCustomer = firstCustomer == null ? e.at() : firstCustomer;
                lastQuestion = e;
            } else if (e.kind() == EventKind.MESSAGE && e.author() == Author.BOT && ConversationEvent.attribute(e, "outcome") != null) {
                String outcome = ConversationEvent.attribute(e, "outcome");
                answers.merge(switch (outcome) {
                    case "faq", "llm" -> outcome;
                    case "faq_clarify" -> "clarified";
                    default -> "passed_on";
                }, 1, Integer::sum);
                if (outcome.equals("faq") && ConversationEvent.attribute(e, "entryId") != null) {
                    entries.add(ConversationEvent.attribute(e, "entryId"));
                    answeredAt.putIfAbsent(ConversationEvent.attribute(e, "entryId"), e.seq());
                } else if ((outcome.equals("no_answer") || outcome.equals("faq_clarify")) && lastQuestion != null) {
                    unanswered.add(redaction.redact(lastQuestion.text(), c.customer()));
                }
                if (e instanceof ConversationEvent.BotMessage answer && Boolean.FALSE.equals(answer.helpful())) {
                    unhelpful.add(answer);
                }
                lastQuestion = null; // answered (or not): the next one is a new question
            } else if (e instanceof ConversationEvent.ActionResult result) {
                used.add(new ActionUse(String.valueOf(ConversationEvent.attribute(result, "actionId")),
                        String.valueOf(ConversationEvent.attribute(result, "outcome"))));
            }
        }
        if (firstCustomer == null) {
            return Optional.empty();
        }
        return Optional.of(new Facts(c, handedOver, Handled.by(log),
                firstAgent == null ? null : Duration.between(firstCustomer, firstAgent), entries, answeredAt,
                firstHandoverSeq, reasons, unanswered, unhelpful, answers, used));
    }

    private InsightsReport.Value value(List<Facts> all) {
        int n = all.size();
        int handovers = (int) all.stream().filter(Facts::handedOver).count();
        List<Duration> toHuman = all.stream().map(Facts::timeToHuman).filter(d -> d != null).toList();
        Map<String, List<Integer>> scores = new TreeMap<>();
        for (Facts f : all) {
            satisfaction.of(f.conversation().id()).ifPresent(s ->
                    scores.computeIfAbsent(s.handled(), k -> new ArrayList<>()).add(s.score()));
        }
        Map<String, InsightsReport.Csat> csat = new LinkedHashMap<>();
        for (String handled : List.of("bot", "person", "queue")) {
            List<Integer> s = scores.getOrDefault(handled, List.of());
            csat.put(handled, new InsightsReport.Csat(s.size(), s.isEmpty() ? null
                    : round(s.stream().mapToInt(Integer::intValue).average().orElseThrow())));
        }
        InsightsReport.Answers answers = new InsightsReport.Answers(answered(all, "faq"), answered(all, "clarified"),
                answered(all, "llm"), (int) all.stream().flatMap(f -> f.actions().stream())
                        .filter(a -> a.outcome().equals("completed")).count(), answered(all, "passed_on"));
        double withoutBot = n * properties.costPerAgentChat();
        double withBot = n * properties.costPerBotConversation() + handovers * properties.costPerAgentChat();
        double saved = withoutBot - withBot;
        Double savedShare = n == 0 ? null : round(saved / withoutBot);
        return new InsightsReport.Value(n, n - handovers, share(n - handovers, n), handovers, share(handovers, n),
                toHuman.isEmpty() ? null : round(toHuman.stream().mapToLong(Duration::toMillis).average()
                        .orElseThrow() / 1000.0),
                answers, csat, new InsightsReport.Cost(properties.currency(), properties.costPerAgentChat(), properties.costPerBotConversation(),
                        round(withoutBot), round(withBot), round(saved), savedShare, properties.targetSaving(),
                        savedShare != null && savedShare >= properties.targetSaving()));
    }

    private static int answered(List<Facts> all, String kind) {
        return all.stream().mapToInt(f -> f.answers().getOrDefault(kind, 0)).sum();
    }

    private List<InsightsReport.Week> weeks(List<Facts> all) {
        Map<LocalDate, List<Facts>> byWeek = new TreeMap<>();
        all.forEach(f -> byWeek.computeIfAbsent(weekStart(f.conversation().createdAt()), k -> new ArrayList<>()).add(f));
        return byWeek.entrySet().stream().map(e -> {
            int n = e.getValue().size();
            int handovers = (int) e.getValue().stream().filter(Facts::handedOver).count();
            return new InsightsReport.Week(weekName(e.getKey()), e.getKey(), n, share(n - handovers, n),
                    share(handovers, n));
        }).toList();
    }

    /** Entries by how many conversations still went to a person after their answer: volume x handover rate. */
    private List<InsightsReport.Topic> topics(List<Facts> all) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Facts f : all) {
            for (String entry : new LinkedHashSet<>(f.answeredEntries())) {
                int[] c = counts.computeIfAbsent(entry, k -> new int[2]);
                c[0]++;
                if (f.firstHandoverSeq() > f.answeredAt().get(entry)) {
                    c[1] += f.firstHandoverSeq() == Long.MAX_VALUE ? 0 : 1;
                }
            }
        }
        return counts.entrySet().stream().map(e -> new InsightsReport.Topic(e.getKey(), title(e.getKey()),
                        e.getValue()[0], e.getValue()[1], share(e.getValue()[1], e.getValue()[0]),
                        e.getValue()[1]))
                .sorted(Comparator.comparingDouble(InsightsReport.Topic::priority).reversed()
                        .thenComparing(Comparator.comparingInt(InsightsReport.Topic::conversations).reversed()))
                .toList();
    }

    private List<InsightsReport.Unanswered> unanswered(List<Facts> all, String lang) {
        record Question(String text, String lang, Set<String> words) {
        }
        List<List<Question>> groups = new ArrayList<>();
        for (Facts f : all) {
            for (String text : f.unanswered()) {
                var q = new Question(text, f.conversation().lang(), words(text));
                groups.stream().filter(g -> g.getFirst().lang().equals(q.lang())
                                && similarity(g.getFirst().words(), q.words()) >= SIMILAR).findFirst()
                        .ifPresentOrElse(g -> g.add(q), () -> groups.add(new ArrayList<>(List.of(q))));
            }
        }
        return groups.stream().sorted(Comparator.comparingInt(List<Question>::size).reversed()).map(g -> {
            List<String> questions = g.stream().map(Question::text).distinct().limit(DRAFT_QUESTIONS).toList();
            List<String> examples = questions.subList(0, Math.min(EXAMPLES, questions.size()));
            String groupLang = g.getFirst().lang();
            FaqMatch match = faq.match(examples.getFirst(), groupLang);
            FaqEntry closest = match.best() != null ? match.best().entry()
                    : match.candidates().isEmpty() ? null : match.candidates().getFirst().entry();
            String slug = DraftFaq.slug(examples.getFirst());
            return new InsightsReport.Unanswered(g.size(), examples, closest == null ? null : closest.id(),
                    closest == null ? null : closest.title(), groupLang, "faq/" + groupLang + "/" + slug + ".md",
                    DraftFaq.of(slug, groupLang, questions, g.size(), closest));
        }).toList();
    }

    private List<InsightsReport.Unhelpful> unhelpful(List<Facts> all) {
        Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Facts f : all) {
            for (ConversationEvent.BotMessage e : f.unhelpful()) {
                String entry = ConversationEvent.attribute(e, "entryId") != null ? ConversationEvent.attribute(e, "entryId")
                        : e.sources().isEmpty() ? "" : e.sources().getFirst().id();
                counts.merge(List.of(entry, e.tier() == null ? "none" : e.tier()), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(e -> new InsightsReport.Unhelpful(e.getKey().get(0),
                        title(e.getKey().get(0)), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt(InsightsReport.Unhelpful::count).reversed()).toList();
    }

    private List<InsightsReport.ReasonCount> reasons(List<Facts> all) {
        Map<List<String>, Integer> counts = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        all.forEach(f -> f.reasons().forEach(r ->
                counts.merge(List.of(weekName(weekStart(r.at())), r.reason()), 1, Integer::sum)));
        return counts.entrySet().stream().map(e -> new InsightsReport.ReasonCount(e.getKey().get(0),
                e.getKey().get(1), e.getValue())).toList();
    }

    /** Every FAQ entry of the language(s) with its hits, the entries nobody hit included (hits 0), most hit first. */
    private List<InsightsReport.EntryHits> hits(List<Facts> all, String lang) {
        Map<String, Integer> hits = new HashMap<>();
        all.forEach(f -> f.answeredEntries().forEach(id -> hits.merge(id, 1, Integer::sum)));
        return faq.entries().stream().filter(e -> lang == null || lang.equals(e.lang()))
                .map(e -> new InsightsReport.EntryHits(e.id(), e.title(), e.lang(), hits.getOrDefault(e.id(), 0)))
                .sorted(Comparator.comparingInt(InsightsReport.EntryHits::hits).reversed()
                        .thenComparing(InsightsReport.EntryHits::entryId))
                .toList();
    }

    /** Every action with its results by outcome, the actions nobody used included (all 0), most used first. */
    private List<InsightsReport.ActionHits> actionHits(List<Facts> all, String lang) {
        Map<String, String> titles = actions.titles(lang == null ? "nl" : lang);
        Map<String, int[]> counts = new TreeMap<>();
        titles.keySet().forEach(id -> counts.put(id, new int[3]));
        all.forEach(f -> f.actions().forEach(a -> {
            int[] c = counts.computeIfAbsent(a.actionId(), k -> new int[3]);
            c[switch (a.outcome()) {
                case "completed" -> 0;
                case "rejected" -> 1;
                default -> 2;
            }]++;
        }));
        return counts.entrySet().stream().map(e -> new InsightsReport.ActionHits(e.getKey(),
                        titles.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt((InsightsReport.ActionHits h) -> h.completed() + h.rejected()
                        + h.failed()).reversed().thenComparing(InsightsReport.ActionHits::actionId))
                .toList();
    }

    private String title(String entryId) {
        return faq.byId(entryId).map(FaqEntry::title).orElse(entryId);
    }

    private LocalDate weekStart(Instant at) {
        return at.atZone(properties.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String weekName(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}\\[\\]-]+")) {
            if (w.length() > 2) {
                words.add(w);
            }
        }
        return words;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

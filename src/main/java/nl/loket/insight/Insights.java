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
import nl.loket.conversation.EventStored;
import nl.loket.faq.Faq;
import nl.loket.faq.FaqEntry;
import nl.loket.faq.FaqMatch;
import nl.loket.llm.Redaction;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Computes the insights page from what the conversations recorded (their logs and CSAT), so the figures
 * cannot drift from what happened. The value figures and the weekly trend come from per-day counters
 * ({@link DayCounters}) that outlive the conversations: each conversation's share of them is derived from
 * its log by the same {@link Facts}, recomputed shortly after each of its events. What to fix next comes from
 * the same counters (topics, unhelpful answers, handover reasons, hits: counts of closed sets) and, for the
 * questions without a confident answer, from {@link UnansweredQuestions} (redacted texts and their vectors,
 * kept as long as the conversation): a page request reads no conversation and scans nothing.
 */
@Service
public class Insights implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Insights.class);
    /** Conversations waiting for their recount; a bound so that a long Redis outage cannot grow it without end. */
    private static final int MAX_PENDING = 50_000;

    private static final double SIMILAR = 0.5;
    private static final int EXAMPLES = 3;
    private static final int DRAFT_QUESTIONS = 20;

    private final Conversations conversations;
    private final Satisfaction satisfaction;
    private final Faq faq;
    private final Redaction redaction;
    private final Actions actions;
    private final InsightProperties properties;
    private final DayCounters counters;
    private final UnansweredQuestions questions;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> schedule;
    private final ScheduledExecutorService recounts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "insight-counts");
        thread.setDaemon(true);
        return thread;
    });

    Insights(Conversations conversations, Satisfaction satisfaction, Faq faq, Redaction redaction, Actions actions,
            InsightProperties properties, DayCounters counters, UnansweredQuestions questions) {
        this.conversations = conversations;
        this.satisfaction = satisfaction;
        this.faq = faq;
        this.redaction = redaction;
        this.actions = actions;
        this.properties = properties;
        this.counters = counters;
        this.questions = questions;
    }

    /** Recounts while the context runs: a stopped one (its Redis connection stopped too) leaves them pending. */
    @Override
    public synchronized void start() {
        long every = properties.countDelay().toMillis();
        schedule = recounts.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
            flush();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return schedule != null;
    }

    /** Every stored event may change its conversation's share of the counters: recounted off the message path. */
    @EventListener
    void stored(EventStored stored) {
        recount(stored.conversationId());
    }

    @EventListener
    void rated(Satisfaction.Rated rated) {
        recount(rated.conversationId());
    }

    private void recount(String conversationId) {
        if (pending.size() < MAX_PENDING) {
            pending.add(conversationId);
        }
    }

    /** Recounts the conversations whose events this node stored since the last time. */
    void flush() {
        for (String id : List.copyOf(pending)) {
            pending.remove(id);
            try {
                conversations.find(id).ifPresent(c -> {
                    Optional<Facts> facts = facts(c);
                    counters.record(id, day(c.createdAt()), facts.map(this::share).orElse(Map.of()));
                    facts.ifPresent(f -> questions.record(id, day(c.createdAt()), c.lang(), c.createdAt(),
                            f.unanswered()));
                });
            } catch (RuntimeException e) {
                recount(id); // Redis away: the next round tries again
                log.warn("insight counters not updated, retrying: {}", e.toString());
                return;
            }
        }
    }

    @PreDestroy
    void close() {
        recounts.shutdownNow();
    }

    /**
     * What one conversation recorded, as the page counts it. {@code topicAt}: each FAQ entry that answered
     * (from the FAQ, or cited by the LLM) with the seq of its first answer; {@code citedByLlm}: the entries
     * the LLM cited; {@code unhelpful}: each answer marked unhelpful as {@code <entry>|<tier>}.
     */
    private record Facts(Conversation conversation, boolean handedOver, String handled, Duration timeToHuman,
            List<String> answeredEntries, Map<String, Long> topicAt, Set<String> citedByLlm, long firstHandoverSeq,
            List<Reason> reasons, List<String> queues, List<String> unanswered, List<String> unhelpful,
            Map<String, Integer> answers, List<ActionUse> actions) {
    }

    /** An action's result in the log: which action, and {@code completed}, {@code rejected} or {@code failed}. */
    private record ActionUse(String actionId, String outcome) {
    }

    private record Reason(Instant at, String reason) {
    }

    /** The report for conversations started on {@code from} up to and excluding {@code to}; lang null: all. */
    public InsightsReport report(LocalDate from, LocalDate to, String lang) {
        flush(); // what this node stored until now is in the counters the page shows
        Map<LocalDate, Map<String, Long>> days = counters.days(from, to);
        Map<String, Long> period = new HashMap<>();
        days.values().forEach(d -> d.forEach((k, v) -> period.merge(k, v, Long::sum)));
        return new InsightsReport(new InsightsReport.Period(from, to, lang), value(period, lang), weeks(days, lang),
                topics(period, lang), unanswered(questions.of(from, to), lang), unhelpful(period, lang),
                reasons(period, lang), hits(period, lang), actionHits(period, lang));
    }

    /** Empty for a conversation in which the customer said nothing (a widget opened and left). */
    private Optional<Facts> facts(Conversation c) {
        List<ConversationEvent> log = conversations.eventsAfter(c.id(), 0);
        Instant firstCustomer = null;
        Instant firstAgent = null;
        boolean handedOver = false;
        long firstHandoverSeq = Long.MAX_VALUE;
        List<String> entries = new ArrayList<>();
        Map<String, Long> topicAt = new HashMap<>();
        Set<String> citedByLlm = new LinkedHashSet<>();
        List<Reason> reasons = new ArrayList<>();
        List<String> queues = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        List<String> unhelpful = new ArrayList<>();
        Map<String, Integer> answers = new HashMap<>();
        List<ActionUse> used = new ArrayList<>();
        ConversationEvent lastQuestion = null;
        for (ConversationEvent e : log) {
            if (Handled.statusOf(e) == ConversationStatus.QUEUED) {
                handedOver = true;
                firstHandoverSeq = Math.min(firstHandoverSeq, e.seq());
                queues.add(String.valueOf(ConversationEvent.attribute(e, "queue")));
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
                    topicAt.putIfAbsent(ConversationEvent.attribute(e, "entryId"), e.seq());
                } else if (outcome.equals("llm") && e instanceof ConversationEvent.BotMessage answer) {
                    for (var source : answer.sources()) {
                        citedByLlm.add(source.id());
                        topicAt.putIfAbsent(source.id(), e.seq());
                    }
                } else if ((outcome.equals("no_answer") || outcome.equals("faq_clarify")) && lastQuestion != null) {
                    unanswered.add(redaction.redact(lastQuestion.text(), c.customer()));
                }
                if (e instanceof ConversationEvent.BotMessage answer && Boolean.FALSE.equals(answer.helpful())) {
                    String entry = ConversationEvent.attribute(e, "entryId") != null
                            ? ConversationEvent.attribute(e, "entryId")
                            : answer.sources().isEmpty() ? "" : answer.sources().getFirst().id();
                    unhelpful.add(entry + "|" + (answer.tier() == null ? "none" : answer.tier()));
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
                firstAgent == null ? null : Duration.between(firstCustomer, firstAgent), entries, topicAt, citedByLlm,
                firstHandoverSeq, reasons, queues, unanswered, unhelpful, answers, used));
    }

    /**
     * The value figures from the stored conversations of the period, without the counters: what the counters
     * must add up to (a test compares the two).
     */
    InsightsReport.Value valueOfStoredConversations(LocalDate from, LocalDate to, String lang) {
        Instant start = from.atStartOfDay(properties.zone()).toInstant();
        Instant end = to.atStartOfDay(properties.zone()).toInstant();
        Map<String, Long> tally = new HashMap<>();
        for (String id : conversations.ids()) {
            conversations.find(id).filter(c -> !c.createdAt().isBefore(start) && c.createdAt().isBefore(end))
                    .flatMap(this::facts).map(this::share)
                    .ifPresent(share -> share.forEach((k, v) -> tally.merge(k, v, Long::sum)));
        }
        return value(tally, lang);
    }

    /**
     * One conversation's share of its day's counters: {@code <lang>|<figure>[|<kind>...]}, counts only. Kinds are
     * closed sets (answer kinds, action ids and outcomes, configured queues, reason codes and weeks, who handled
     * the chat, FAQ entry ids and tiers).
     */
    private Map<String, Long> share(Facts f) {
        String lang = f.conversation().lang() + "|";
        Map<String, Long> share = new TreeMap<>();
        share.put(lang + "conversations", 1L);
        share.put(lang + (f.handedOver() ? "handovers" : "resolved"), 1L);
        share.put(lang + "handled|" + f.handled(), 1L);
        if (f.timeToHuman() != null) {
            share.put(lang + "time_to_human_ms", f.timeToHuman().toMillis());
            share.put(lang + "time_to_human_n", 1L);
        }
        f.answers().forEach((kind, n) -> share.merge(lang + "answers|" + kind, (long) n, Long::sum));
        f.actions().forEach(a -> share.merge(lang + "actions|" + a.outcome(), 1L, Long::sum));
        f.queues().forEach(q -> share.merge(lang + "queue|" + q, 1L, Long::sum));
        f.reasons().forEach(r -> share.merge(lang + "reason|" + r.reason(), 1L, Long::sum));
        // what to fix next: a topic counts once per conversation, and as handed over when a person came after it
        f.topicAt().forEach((entry, at) -> {
            share.put(lang + "topic|" + entry, 1L);
            if (f.citedByLlm().contains(entry)) {
                share.put(lang + "topic_llm|" + entry, 1L);
            }
            if (f.firstHandoverSeq() != Long.MAX_VALUE && f.firstHandoverSeq() > at) {
                share.put(lang + "topic_handed|" + entry, 1L);
            }
        });
        f.answeredEntries().forEach(entry -> share.merge(lang + "hits|" + entry, 1L, Long::sum));
        f.unhelpful().forEach(entryTier -> share.merge(lang + "unhelpful|" + entryTier, 1L, Long::sum));
        f.reasons().forEach(r -> share.merge(lang + "reason_week|" + weekName(weekStart(r.at())) + "|" + r.reason(),
                1L, Long::sum));
        f.actions().forEach(a -> share.merge(lang + "action|" + a.actionId() + "|" + a.outcome(), 1L, Long::sum));
        satisfaction.of(f.conversation().id()).ifPresent(s -> {
            share.put(lang + "csat_n|" + s.handled(), 1L);
            share.put(lang + "csat_sum|" + s.handled(), (long) s.score());
        });
        return share;
    }

    /** The sum of a figure over the languages asked for (lang null: all). */
    private static long sum(Map<String, Long> tally, String lang, String figure) {
        long total = 0;
        for (String l : languages(lang)) {
            total += tally.getOrDefault(l + "|" + figure, 0L);
        }
        return total;
    }

    private static List<String> languages(String lang) {
        return lang == null ? List.of("nl", "en") : List.of(lang);
    }

    /** A figure's kinds ({@code <lang>|<figure>|<kind>}) with their sums over the languages asked for, by kind. */
    private static Map<String, Long> kinds(Map<String, Long> tally, String lang, String figure) {
        Map<String, Long> out = new TreeMap<>();
        for (String l : languages(lang)) {
            String prefix = l + "|" + figure + "|";
            tally.forEach((field, n) -> {
                if (field.startsWith(prefix) && n > 0) {
                    out.merge(field.substring(prefix.length()), n, Long::sum);
                }
            });
        }
        return out;
    }

    /** Kinds of two parts ({@code <first>|<second>}, the first possibly empty), ordered by the first, then the second. */
    private static Map<List<String>, Long> pairs(Map<String, Long> kinds) {
        Map<List<String>, Long> out = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        kinds.forEach((kind, n) -> {
            int bar = kind.lastIndexOf('|');
            out.put(List.of(kind.substring(0, bar), kind.substring(bar + 1)), n);
        });
        return out;
    }

    private InsightsReport.Value value(Map<String, Long> tally, String lang) {
        int n = (int) sum(tally, lang, "conversations");
        int handovers = (int) sum(tally, lang, "handovers");
        long toHuman = sum(tally, lang, "time_to_human_n");
        Map<String, InsightsReport.Csat> csat = new LinkedHashMap<>();
        for (String handled : List.of("bot", "person", "queue")) {
            long count = sum(tally, lang, "csat_n|" + handled);
            csat.put(handled, new InsightsReport.Csat((int) count, count == 0 ? null
                    : round((double) sum(tally, lang, "csat_sum|" + handled) / count)));
        }
        InsightsReport.Answers answers = new InsightsReport.Answers((int) sum(tally, lang, "answers|faq"),
                (int) sum(tally, lang, "answers|clarified"), (int) sum(tally, lang, "answers|llm"),
                (int) sum(tally, lang, "actions|completed"), (int) sum(tally, lang, "answers|passed_on"));
        double withoutBot = n * properties.costPerAgentChat();
        double withBot = n * properties.costPerBotConversation() + handovers * properties.costPerAgentChat();
        double saved = withoutBot - withBot;
        Double savedShare = n == 0 ? null : round(saved / withoutBot);
        return new InsightsReport.Value(n, n - handovers, share(n - handovers, n), handovers, share(handovers, n),
                toHuman == 0 ? null : round(sum(tally, lang, "time_to_human_ms") / (double) toHuman / 1000.0),
                answers, csat, new InsightsReport.Cost(properties.currency(), properties.costPerAgentChat(), properties.costPerBotConversation(),
                        round(withoutBot), round(withBot), round(saved), savedShare, properties.targetSaving(),
                        savedShare != null && savedShare >= properties.targetSaving()));
    }

    private List<InsightsReport.Week> weeks(Map<LocalDate, Map<String, Long>> days, String lang) {
        Map<LocalDate, long[]> byWeek = new TreeMap<>();
        days.forEach((day, tally) -> {
            long[] w = byWeek.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                    k -> new long[2]);
            w[0] += sum(tally, lang, "conversations");
            w[1] += sum(tally, lang, "handovers");
        });
        byWeek.values().removeIf(w -> w[0] == 0);
        return byWeek.entrySet().stream().map(e -> {
            int n = (int) e.getValue()[0];
            int handovers = (int) e.getValue()[1];
            return new InsightsReport.Week(weekName(e.getKey()), e.getKey(), n, share(n - handovers, n),
                    share(handovers, n));
        }).toList();
    }

    /**
     * FAQ entries as topics, the LLM's answers grouped by the entries they cited: by how many conversations
     * still went to a person after the entry's first answer (volume x handover rate).
     */
    private List<InsightsReport.Topic> topics(Map<String, Long> period, String lang) {
        Map<String, Long> llm = kinds(period, lang, "topic_llm");
        Map<String, Long> handedOver = kinds(period, lang, "topic_handed");
        return kinds(period, lang, "topic").entrySet().stream().map(e -> {
                    int n = e.getValue().intValue();
                    int handovers = handedOver.getOrDefault(e.getKey(), 0L).intValue();
                    return new InsightsReport.Topic(e.getKey(), title(e.getKey()), n,
                            llm.getOrDefault(e.getKey(), 0L).intValue(), handovers, share(handovers, n), handovers);
                })
                .sorted(Comparator.comparingDouble(InsightsReport.Topic::priority).reversed()
                        .thenComparing(Comparator.comparingInt(InsightsReport.Topic::conversations).reversed()))
                .toList();
    }

    private record Question(String text, Set<String> words, float[] meaning) {
    }

    /**
     * Near-duplicate questions of one language: by meaning (the cosine to the group's mean vector) when the
     * FAQ's semantic signal has the question's language, else by shared words with the group's first question.
     */
    private final class Group {

        final String lang;
        final List<Question> questions = new ArrayList<>();
        float[] sum;

        Group(String lang, Question first) {
            this.lang = lang;
            add(first);
        }

        void add(Question q) {
            questions.add(q);
            if (q.meaning() != null) {
                sum = sum == null ? q.meaning().clone() : plus(sum, q.meaning());
            }
        }

        boolean fits(String lang, Question q) {
            if (!this.lang.equals(lang)) {
                return false;
            }
            return q.meaning() != null && sum != null ? cosine(sum, q.meaning()) >= properties.sameMeaning()
                    : similarity(questions.getFirst().words(), q.words()) >= SIMILAR;
        }

        boolean byMeaning() {
            return questions.stream().allMatch(q -> q.meaning() != null);
        }
    }

    /** The recorded questions (oldest conversation first) of the language(s), vectors as recorded. */
    private List<InsightsReport.Unanswered> unanswered(List<UnansweredQuestions.Asked> asked, String lang) {
        List<Group> groups = new ArrayList<>();
        for (UnansweredQuestions.Asked a : asked) {
            if (lang != null && !lang.equals(a.lang())) {
                continue;
            }
            for (UnansweredQuestions.Question recorded : a.questions()) {
                var q = new Question(recorded.text(), words(recorded.text()), recorded.vector());
                groups.stream().filter(g -> g.fits(a.lang(), q)).findFirst()
                        .ifPresentOrElse(g -> g.add(q), () -> groups.add(new Group(a.lang(), q)));
            }
        }
        return groups.stream().sorted(Comparator.comparingInt((Group g) -> g.questions.size()).reversed()).map(g -> {
            List<String> questions = g.questions.stream().map(Question::text).distinct().limit(DRAFT_QUESTIONS)
                    .toList();
            List<String> examples = questions.subList(0, Math.min(EXAMPLES, questions.size()));
            FaqMatch match = faq.match(examples.getFirst(), g.lang);
            FaqEntry closest = match.best() != null ? match.best().entry()
                    : match.candidates().isEmpty() ? null : match.candidates().getFirst().entry();
            String slug = DraftFaq.slug(examples.getFirst());
            return new InsightsReport.Unanswered(g.questions.size(), examples, closest == null ? null : closest.id(),
                    closest == null ? null : closest.title(), g.lang, g.byMeaning() ? "meaning" : "words",
                    "faq/" + g.lang + "/" + slug + ".md", DraftFaq.of(slug, g.lang, questions, g.questions.size(),
                            closest));
        }).toList();
    }

    private static float[] plus(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** {@code unit} is a unit vector (the FAQ's are): the cosine needs only {@code sum}'s length. */
    private static double cosine(float[] sum, float[] unit) {
        if (sum.length != unit.length) {
            return 0;
        }
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < sum.length; i++) {
            dot += (double) sum[i] * unit[i];
            norm += (double) sum[i] * sum[i];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    private List<InsightsReport.Unhelpful> unhelpful(Map<String, Long> period, String lang) {
        return pairs(kinds(period, lang, "unhelpful")).entrySet().stream()
                .map(e -> new InsightsReport.Unhelpful(e.getKey().get(0), title(e.getKey().get(0)), e.getKey().get(1),
                        e.getValue().intValue()))
                .sorted(Comparator.comparingInt(InsightsReport.Unhelpful::count).reversed()).toList();
    }

    private List<InsightsReport.ReasonCount> reasons(Map<String, Long> period, String lang) {
        return pairs(kinds(period, lang, "reason_week")).entrySet().stream().map(e -> new InsightsReport.ReasonCount(
                e.getKey().get(0), e.getKey().get(1), e.getValue().intValue())).toList();
    }

    /** Every FAQ entry of the language(s) with its hits, the entries nobody hit included (hits 0), most hit first. */
    private List<InsightsReport.EntryHits> hits(Map<String, Long> period, String lang) {
        Map<String, Long> hits = kinds(period, lang, "hits");
        return faq.entries().stream().filter(e -> lang == null || lang.equals(e.lang()))
                .map(e -> new InsightsReport.EntryHits(e.id(), e.title(), e.lang(),
                        hits.getOrDefault(e.id(), 0L).intValue()))
                .sorted(Comparator.comparingInt(InsightsReport.EntryHits::hits).reversed()
                        .thenComparing(InsightsReport.EntryHits::entryId))
                .toList();
    }

    /** Every action with its results by outcome, the actions nobody used included (all 0), most used first. */
    private List<InsightsReport.ActionHits> actionHits(Map<String, Long> period, String lang) {
        Map<String, String> titles = actions.titles(lang == null ? "nl" : lang);
        Map<String, int[]> counts = new TreeMap<>();
        titles.keySet().forEach(id -> counts.put(id, new int[3]));
        pairs(kinds(period, lang, "action")).forEach((idOutcome, n) -> {
            int[] c = counts.computeIfAbsent(idOutcome.get(0), k -> new int[3]);
            c[switch (idOutcome.get(1)) {
                case "completed" -> 0;
                case "rejected" -> 1;
                default -> 2;
            }] += n.intValue();
        });
        return counts.entrySet().stream().map(e -> new InsightsReport.ActionHits(e.getKey(),
                        titles.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt((InsightsReport.ActionHits h) -> h.completed() + h.rejected()
                        + h.failed()).reversed().thenComparing(InsightsReport.ActionHits::actionId))
                .toList();
    }

    private String title(String entryId) {
        return faq.byId(entryId).map(FaqEntry::title).orElse(entryId);
    }

    private LocalDate day(Instant at) {
        return at.atZone(properties.zone()).toLocalDate();
    }

    private LocalDate weekStart(Instant at) {
        return day(at).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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

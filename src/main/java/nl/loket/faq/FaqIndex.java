package nl.loket.faq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nl.loket.faq.FaqMatch.Outcome;

/**
 * One immutable version of the FAQ: the entries and a {@link LanguageIndex} per language, plus
 * the decision whether to answer, ask which entry is meant, or pass. A new version replaces the
 * old one as a whole, so a match never sees half a reload.
 */
final class FaqIndex {

    private static final int CANDIDATES = 5;
    private static final int MAX_CLARIFY = 3;

    private final List<FaqEntry> entries;
    private final Map<String, List<List<String>>> synonyms;
    private final Map<String, FaqEntry> byId = new HashMap<>();
    private final Map<String, LanguageIndex> languages = new HashMap<>();
    private final FaqProperties properties;

    private FaqIndex(Collection<FaqEntry> entries, Map<String, List<List<String>>> synonyms,
            FaqProperties properties, Map<String, SemanticSource> semantic) {
        this.entries = List.copyOf(entries);
        this.synonyms = Map.copyOf(synonyms);
        this.properties = properties;
        entries.forEach(e -> byId.putIfAbsent(e.id(), e));
        for (String lang : FaqFiles.LANGUAGES) {
            List<FaqEntry> ofLang = this.entries.stream().filter(e -> lang.equals(e.lang())).toList();
            languages.put(lang, LanguageIndex.build(lang, ofLang, synonyms.getOrDefault(lang, List.of()),
                    semantic.get(lang)));
        }
        // after every language took its vectors: the cache keeps exactly this version's
        semantic.values().stream().distinct().forEach(SemanticSource::commit);
    }

    static FaqIndex build(Collection<FaqEntry> entries, Map<String, List<List<String>>> synonyms,
            FaqProperties properties) {
        return new FaqIndex(entries, synonyms, properties, Map.of());
    }

    /** @param semantic per language, the semantic signal's source; a language without one matches lexically */
    static FaqIndex build(Collection<FaqEntry> entries, Map<String, List<List<String>>> synonyms,
            FaqProperties properties, Map<String, SemanticSource> semantic) {
        return new FaqIndex(entries, synonyms, properties, semantic);
    }

    /** Whether a language has the semantic signal on but its examples could not be embedded yet. */
    boolean semanticMissing() {
        return languages.values().stream().anyMatch(LanguageIndex::semanticMissing);
    }

    /** The text's unit vector from its language's semantic signal; null without one (see {@link Faq#meaning}). */
    float[] meaning(String text, String lang) {
        LanguageIndex index = languages.get(lang);
        return index == null ? null : index.embed(text);
    }

    List<FaqEntry> entries() {
        return entries;
    }

    /** The synonym groups per language this version was built with. */
    Map<String, List<List<String>>> synonyms() {
        return synonyms;
    }

    Optional<FaqEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    FaqMatch match(String question, String lang) {
        String detected = null;
        String searched = lang;
        var guess = LanguageGuess.of(question, languages.get("nl").knownShare(question),
                languages.get("en").knownShare(question));
        if (lang == null || (guess.certain() && !guess.lang().equals(lang)
                && !languages.get(guess.lang()).entries().isEmpty())) {
            detected = guess.lang();
            searched = guess.lang();
        }
        LanguageIndex index = languages.get(searched);
        float[] vector = index.embed(question);
        var ranking = index.rank(question, vector);
        String semantic = index.semanticMode() == SemanticMode.OFF ? "off"
                : ranking.semantic() ? index.semanticMode().name().toLowerCase(java.util.Locale.ROOT) : "unavailable";
        Calibration calibration = ranking.semantic() ? Calibration.SEMANTIC : Calibration.LEXICAL;
        var context = new Context(searched, detected, semantic, ranking, keywordTerms(ranking), index, calibration);
        Set<String> terms = context.terms();
        List<FaqCandidate> candidates = new ArrayList<>();
        for (var scored : ranking.ranked().subList(0, Math.min(CANDIDATES, ranking.ranked().size()))) {
            candidates.add(new FaqCandidate(index.entries().get(scored.entry()), scored.similarity()));
        }
        if (ranking.exact() >= 0) {
            FaqEntry entry = index.entries().get(ranking.exact());
            var best = new FaqCandidate(entry, 1.0);
            candidates.removeIf(c -> c.entry().id().equals(entry.id()));
            candidates.addFirst(best);
            var why = explain(context, "exact",
                    ranking.exact(), 1.0, 0, Calibration.Lead.NONE);
            return new FaqMatch(best, 1.0, true, Outcome.ANSWER, trim(candidates), List.of(), why);
        }
        if (candidates.isEmpty()) {
            var why = explain(context, "none",
                    -1, 0, 0, Calibration.Lead.NONE);
            return new FaqMatch(null, 0, false, Outcome.NONE, List.of(), List.of(), why);
        }
        FaqCandidate best = candidates.getFirst();
        double runnerUp = candidates.size() > 1 ? candidates.get(1).similarity() : 0;
        var lead = Calibration.Lead.ofFirst(ranking.ranked());
        double confidence = calibration.confidence(lead);
        double needed = Math.max(properties.threshold(), best.entry().minScore() == null ? 0 : best.entry().minScore());
        boolean confident = confidence >= needed && best.similarity() - runnerUp >= properties.margin();
        boolean required = holdsRequiredKeyword(index, best.entry(), terms);
        var why = explain(context,
                required ? "ranked" : "required-keyword-missing", ranking.ranked().getFirst().entry(),
                best.similarity(), runnerUp, lead);
        if (confident && required) {
            return new FaqMatch(best, confidence, true, Outcome.ANSWER, candidates, List.of(), why);
        }
        List<FaqCandidate> close = clarify(index, ranking.ranked(), terms, candidates, calibration);
        return new FaqMatch(best, confidence, false, close.isEmpty() ? Outcome.NONE : Outcome.CLARIFY, candidates,
                close, why);
    }

    /**
     * The two or three entries to offer as a choice, or none: every entry close to the best must
     * be similar enough to the question, and each must lead the entries outside the group so
     * clearly that it would be answered if it were alone.
     */
    private List<FaqCandidate> clarify(LanguageIndex index, List<LanguageIndex.Scored> ranked, Set<String> terms,
            List<FaqCandidate> candidates, Calibration calibration) {
        double best = candidates.getFirst().similarity();
        int group = 0;
        while (group < candidates.size() && best - candidates.get(group).similarity() <= properties.clarifyBand()) {
            group++;
        }
        if (group < 2 || group > MAX_CLARIFY) {
            return List.of();
        }
        var outside = ranked.subList(group, ranked.size());
        for (int i = 0; i < group; i++) {
            if (candidates.get(i).similarity() < properties.clarifyMinSimilarity()
                    || !holdsRequiredKeyword(index, candidates.get(i).entry(), terms)
                    || calibration.confidence(Calibration.Lead.of(ranked.get(i), outside)) < properties.threshold()) {
                return List.of();
            }
        }
        return candidates.subList(0, group);
    }

    /** The ranked entries for a question without the exact-example rule (the check command compares examples). */
    List<FaqCandidate> ranked(String question, String lang) {
        LanguageIndex index = languages.get(lang);
        return index.rank(question).ranked().stream()
                .map(s -> new FaqCandidate(index.entries().get(s.entry()), s.similarity())).toList();
    }

    List<FaqEntry> retrieve(String question, String lang, int k) {
        LanguageIndex index = languages.get(lang);
        return index.rank(question, index.embed(question)).ranked().stream().limit(k).map(s -> index.entries().get(s.entry())).toList();
    }

    /** The analysed terms of a text in a language, as the matcher sees them. */
    List<String> analyze(String text, String lang) {
        return languages.get(lang).analyze(text);
    }

    private static List<FaqCandidate> trim(List<FaqCandidate> candidates) {
        return candidates.subList(0, Math.min(CANDIDATES, candidates.size()));
    }

    /** What one match saw, for its explanation. */
    private record Context(String lang, String detected, String semantic, LanguageIndex.Ranking ranking,
            Set<String> terms, LanguageIndex index, Calibration calibration) {
    }

    private static MatchExplanation explain(Context c, String rule, int entry, double similarity, double runnerUp,
            Calibration.Lead lead) {
        LanguageIndex index = c.index();
        List<String> matched = entry < 0 ? List.of()
                : c.ranking().analyzed().stream().filter(index.termsOf(entry)::contains).toList();
        List<String> keywords = entry < 0 ? List.of() : Stream.concat(index.entries().get(entry).keywords().stream(),
                index.entries().get(entry).requiredKeywords().stream()).distinct()
                .filter(k -> holdsKeyword(c.terms(), index.analyze(k))).toList();
        var scored = entry < 0 ? null : c.ranking().ranked().stream().filter(s -> s.entry() == entry).findFirst()
                .orElse(null);
        String nearest = scored == null || scored.chars() == 0 ? null
                : LanguageIndex.texts(index.entries().get(entry)).get(scored.example());
        return new MatchExplanation(c.lang(), c.detected(), rule, c.ranking().analyzed(), matched, keywords,
                c.ranking().corrections(), round(similarity), round(runnerUp), scored == null ? 0 : round(scored.words()),
                scored == null ? 0 : round(scored.chars()), round(lead.words()), round(lead.ngrams()), nearest,
                c.semantic(), scored == null ? 0 : round(scored.semantic()), round(lead.semantic()),
                round(lead.overCohesion()),
                scored == null ? List.of() : signals(scored, lead, c.ranking().semantic(), c.calibration()));
    }

    /** Each signal's weighted part of the similarity and its term in the confidence. */
    private static List<MatchExplanation.Signal> signals(LanguageIndex.Scored scored, Calibration.Lead lead,
            boolean semantic, Calibration calibration) {
        double lexical = semantic ? 1 - LanguageIndex.SEMANTIC_WEIGHT : 1;
        double words = lexical * (1 - LanguageIndex.CHAR_WEIGHT) * scored.words();
        double ngrams = lexical * LanguageIndex.CHAR_WEIGHT * scored.chars();
        double meaning = semantic ? LanguageIndex.SEMANTIC_WEIGHT * scored.semantic() : 0;
        double total = words + ngrams + meaning;
        double[] terms = calibration.terms(lead);
        List<MatchExplanation.Signal> signals = new ArrayList<>(List.of(
                new MatchExplanation.Signal("words", round(scored.words()), round(share(words, total)),
                        round(lead.words()), round(terms[1])),
                new MatchExplanation.Signal("ngrams", round(scored.chars()), round(share(ngrams, total)),
                        round(lead.ngrams()), round(terms[2]))));
        if (semantic) {
            signals.add(new MatchExplanation.Signal("semantic", round(scored.semantic()), round(share(meaning, total)),
                    round(lead.semantic()), round(terms[3] + terms[4] + terms[5])));
        }
        return signals;
    }

    private static double share(double part, double total) {
        return total == 0 ? 0 : part / total;
    }

    /**
     * The terms keywords are looked for in: the question's analysed terms and the known words its
     * typos were corrected to.
     */
    private static Set<String> keywordTerms(LanguageIndex.Ranking ranking) {
        Set<String> terms = new HashSet<>(ranking.analyzed());
        terms.addAll(ranking.corrections().values());
        return terms;
    }

    /** Whether a text (an example question) holds one of the entry's required keywords, or it has none. */
    boolean holdsRequiredKeyword(FaqEntry entry, String text) {
        LanguageIndex index = languages.get(entry.lang());
        return holdsRequiredKeyword(index, entry, Set.copyOf(index.analyze(text)));
    }

    private static boolean holdsRequiredKeyword(LanguageIndex index, FaqEntry entry, Set<String> terms) {
        return entry.requiredKeywords().isEmpty()
                || entry.requiredKeywords().stream().anyMatch(k -> holdsKeyword(terms, index.analyze(k)));
    }

    /**
     * A keyword is in a text when the text holds all of the keyword's analysed words, or a word of
     * the keyword's synonym group: "gaslek" is found in "ik ruik gas" when both are in one group.
     */
    private static boolean holdsKeyword(Set<String> terms, List<String> keyword) {
        List<String> words = keyword.stream().filter(t -> !t.startsWith(FaqAnalyzer.SYNONYM_TOKEN)).toList();
        boolean synonym = keyword.stream()
                .anyMatch(t -> t.startsWith(FaqAnalyzer.SYNONYM_TOKEN) && terms.contains(t));
        return synonym || (!words.isEmpty() && terms.containsAll(words));
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package nl.loket.faq;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The FAQ tier's API for other modules: match a question, retrieve entries to ground an LLM
 * answer, look an entry up, and list the active known-issue notices. Always reads the newest
 * loaded version of the content.
 */
public class Faq {

    private final Supplier<FaqIndex> index;
    private final Clock clock;

    Faq(Supplier<FaqIndex> index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /**
     * A fixed FAQ built from entries, for tools that run without Spring (evaluation, benchmarks), with
     * the semantic signal as {@code properties} set it, from the in-process model.
     */
    public static Faq of(Collection<FaqEntry> entries, Map<String, List<List<String>>> synonyms,
            FaqProperties properties) {
        return of(entries, synonyms, properties, SentenceEmbeddings.onClassPath());
    }

    /** The same with the semantic sources given (an evaluation of another model or a remote endpoint). */
    public static Faq of(Collection<FaqEntry> entries, Map<String, List<List<String>>> synonyms,
            FaqProperties properties, List<SentenceEmbeddings> sources) {
        FaqIndex fixed = FaqIndex.build(entries, synonyms, properties, SemanticSources.forTools(properties, sources));
        return new Faq(() -> fixed, Clock.systemUTC());
    }

    /**
     * Matches a question against the entries of a language.
     *
     * @param lang {@code nl} or {@code en}; null to detect it. A question clearly in the other
     *     language is matched against that language's entries (the explanation says so).
     */
    public FaqMatch match(String question, String lang) {
        return index.get().match(question, lang);
    }

    /** The k entries of a language that fit a question best, best first, however weakly. */
    public List<FaqEntry> retrieve(String question, String lang, int k) {
        return index.get().retrieve(question, lang, k);
    }

    /**
     * What a text means to the semantic signal of its language: its unit vector (the cosine of two is their
     * dot product), from the same model that matches the questions. Empty when that language has no semantic
     * signal or its source cannot answer now; the vector is not kept (customers' words).
     */
    public Optional<float[]> meaning(String text, String lang) {
        return Optional.ofNullable(index.get().meaning(text, lang));
    }

    /** Every entry of the current version, all languages. */
    public List<FaqEntry> entries() {
        return index.get().entries();
    }

    /**
     * The synonym groups per language of the current version: an index that matches other texts
     * together with these entries (the actions' phrases) needs them to rank the entries as this one does.
     */
    public Map<String, List<List<String>>> synonyms() {
        return index.get().synonyms();
    }

    public Optional<FaqEntry> byId(String id) {
        return index.get().byId(id);
    }

    /** Entries of a language whose notice is active now, the most recent first. */
    public List<FaqEntry> activeNotices(String lang) {
        var now = clock.instant();
        return index.get().entries().stream()
                .filter(e -> e.lang().equals(lang) && e.notice() != null && e.notice().activeAt(now))
                .sorted(Comparator.comparing((FaqEntry e) -> e.notice().from()).reversed())
                .toList();
    }
}

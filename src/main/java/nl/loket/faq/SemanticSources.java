package nl.loket.faq;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link SemanticSource} each language's semantic signal uses, from {@code loket.faq.semantic.*}.
 * Languages with the same mode share one source (one model, one cache file).
 */
final class SemanticSources {

    private static final Logger log = LoggerFactory.getLogger(SemanticSources.class);

    private SemanticSources() {
    }

    /**
     * @param available the sources this process has (the in-process model always; the remote one when the
     *     LLM endpoint and an embeddings model are configured)
     * @param cacheDir where the example vectors are kept between starts; null for memory only
     */
    static Map<String, SemanticSource> of(FaqProperties.Semantic settings, List<SentenceEmbeddings> available,
            Path cacheDir) {
        Map<SemanticMode, SemanticSource> byMode = new EnumMap<>(SemanticMode.class);
        Map<String, SemanticSource> byLang = new HashMap<>();
        for (String lang : FaqFiles.LANGUAGES) {
            SemanticMode mode = settings.of(lang);
            if (mode == SemanticMode.OFF) {
                continue;
            }
            var candidate = available.stream().filter(e -> e.mode() == mode).findFirst();
            String off = candidate.isEmpty() ? "no such source on the class path" : candidate.get().offReason();
            SemanticSource source = off != null ? null
                    : byMode.computeIfAbsent(mode, m -> new SemanticSource(candidate.get(), cacheDir));
            if (source == null) {
                log.warn("loket.faq.semantic.{}={} but {}; {} is matched by words and n-grams only", lang,
                        mode.name().toLowerCase(java.util.Locale.ROOT), off, lang);
            } else {
                byLang.put(lang, source);
            }
        }
        return byLang;
    }

    /**
     * The sources for the command-line tools (check, evaluation, benchmark): vectors in memory only, so
     * that a tool never rewrites the server's cache. A language set to {@code remote} is matched
     * lexically unless {@code available} has a remote source.
     */
    static Map<String, SemanticSource> forTools(FaqProperties properties, List<SentenceEmbeddings> available) {
        return of(properties.semantic(), available, null);
    }
}

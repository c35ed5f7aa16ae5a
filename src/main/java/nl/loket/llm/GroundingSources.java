package nl.loket.llm;

import java.util.List;

/**
 * Finds the FAQ entries an LLM answer may rest on. The router supplies it (from the FAQ tier's
 * index), so the LLM tier does not depend on the FAQ module.
 */
@FunctionalInterface
public interface GroundingSources {

    /** The best {@code k} entries for the question in this language, best first; empty when none fit. */
    List<GroundingSource> find(String question, String lang, int k);

    /**
     * Every entry of the current content, for embeddings retrieval; called often (cheap, no I/O).
     * Entries whose {@link CorpusEntry#text()} did not change keep their vectors across reloads.
     */
    default List<CorpusEntry> corpus() {
        return List.of();
    }

    /**
     * One entry as embeddings retrieval sees it.
     *
     * @param text what is embedded: the title, the questions and the answer
     */
    record CorpusEntry(String lang, GroundingSource source, String text) {
    }
}

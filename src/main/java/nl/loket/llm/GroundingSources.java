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
}

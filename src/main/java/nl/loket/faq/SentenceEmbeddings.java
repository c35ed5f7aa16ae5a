package nl.loket.faq;

import java.util.List;
import java.util.ServiceLoader;

/**
 * A source of sentence embeddings for the matcher's semantic signal. The implementations live in
 * the {@code llm} module (only it talks to LangChain4j); the FAQ tier only sees vectors.
 */
public interface SentenceEmbeddings {

    /**
     * The sources listed in {@code META-INF/services} (the in-process model), for the command-line
     * tools, which run without Spring.
     */
    static List<SentenceEmbeddings> onClassPath() {
        return ServiceLoader.load(SentenceEmbeddings.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The setting that selects this source. */
    SemanticMode mode();

    /**
     * Names the model (and its version): vectors of two models are never compared, and the cache
     * keeps them apart.
     */
    String model();

    /** Why this source cannot be used in this process (e.g. not configured), or null when it can. */
    default String offReason() {
        return null;
    }

    /**
     * One vector per text, in the order given.
     *
     * @throws Unavailable when the source cannot answer now (down, slow, broken answer)
     */
    List<float[]> embed(List<String> texts);

    /**
     * The vector of one customer question, while the customer waits: a remote source uses its short
     * timeout and no retries here.
     *
     * @throws Unavailable when the source cannot answer now
     */
    default float[] embedQuestion(String question) {
        return embed(List.of(question)).getFirst();
    }

    /**
     * Loads what the source needs before its first question, so that no customer waits for it (the in-process
     * model takes seconds to load; with every example vector read from the cache nothing else would load it).
     */
    default void warmUp() {
    }

    /** The source did not answer usefully; the matcher then uses its lexical signals only. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        public Unavailable(String message) {
            super(message);
        }
    }
}

package nl.loket.faq;

/** Where the matcher's semantic signal comes from, per language ({@code loket.faq.semantic.nl/en}). */
public enum SemanticMode {
    /** Words and character n-grams only. */
    OFF,
    /** An ONNX sentence model run in this process (English; no network). */
    LOCAL,
    /** The configured OpenAI-compatible {@code /embeddings} endpoint (any language the model knows). */
    REMOTE
}

package nl.loket.llm;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The LLM tier's redaction for other modules: customer text shown outside its conversation (the
 * insights page, its CSV) is redacted exactly as it would be before it reached the model.
 */
@Service
public class Redaction {

    private final Redactor redactor;

    Redaction(Redactor redactor) {
        this.redactor = redactor;
    }

    /** {@code text} without what Loket knows of the customer ({@code customerJson}, may be null) nor PII patterns. */
    public String redact(String text, String customerJson) {
        return redactor.redact(text, KnownCustomer.described(customerJson, Map.of()));
    }
}

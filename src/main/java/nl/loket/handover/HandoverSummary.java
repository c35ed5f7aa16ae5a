package nl.loket.handover;

/**
 * A handover packet's summary and who wrote it, so the console can label it.
 *
 * @param source {@link #ASSISTANT} when the LLM wrote it from the customer's text (checked, but not
 *     a fact), {@link #EXTRACTIVE} when it was put together from the packet without a model
 */
public record HandoverSummary(String text, String source) {

    public static final String ASSISTANT = "assistant";
    public static final String EXTRACTIVE = "extractive";
}

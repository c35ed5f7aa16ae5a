package nl.loket.handover;

/**
 * A handover packet's summary and who wrote it, so the console can label it.
 *
 * @param source {@link #ASSISTANT}: the LLM wrote it from the customer's text (checked, but not a fact).
 *     Without a summary the console puts one together from the packet, in the agent's language.
 */
public record HandoverSummary(String text, String source) {

    public static final String ASSISTANT = "assistant";
}

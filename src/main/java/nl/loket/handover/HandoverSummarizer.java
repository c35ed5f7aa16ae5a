package nl.loket.handover;

/**
 * Writes the packet's summary. The default is extractive; the LLM module can provide a bean of
 * this type to write it instead (handover itself never imports an LLM library).
 */
public interface HandoverSummarizer {

    /**
     * A summary of {@code packet} (whose summary is still empty) for the agent, a few sentences at
     * most, with who wrote it; null (or an exception) when it has none, and the extractive summary is used.
     */
    HandoverSummary summarize(HandoverPacket packet);
}

package nl.loket.handover;

/**
 * Writes the packet's summary: the LLM module can provide a bean of this type (handover itself never
 * imports an LLM library). Without one, the console puts the summary together from the packet.
 */
public interface HandoverSummarizer {

    /**
     * A summary of {@code packet} (whose summary is still empty) for the agent, a few sentences at
     * most, with who wrote it; null (or an exception) when it has none.
     */
    HandoverSummary summarize(HandoverPacket packet);
}

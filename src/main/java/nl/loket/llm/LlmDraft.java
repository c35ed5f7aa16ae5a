package nl.loket.llm;

import java.util.List;

/**
 * A checked answer for an agent to edit (never sent by itself, never stored by the LLM module).
 *
 * @param text the answer without its citation markers
 * @param cited the sources it cited
 */
public record LlmDraft(String text, List<GroundingSource> cited) {

    public LlmDraft {
        cited = List.copyOf(cited);
    }
}

package nl.loket.llm;

import java.util.Map;

/**
 * One validated version of the prompt files.
 *
 * @param system the system prompt per language (nl, en)
 * @param answer how sources, history and the customer's message are laid out for the model
 * @param summary the handover summary template
 */
record PromptSet(Map<String, String> system, String answer, String summary) {

    String systemFor(String lang) {
        return system.getOrDefault(lang, system.get("nl"));
    }
}

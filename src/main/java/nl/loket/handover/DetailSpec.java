package nl.loket.handover;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A detail the bot asks for before queueing (a customer number, a postcode).
 *
 * @param labels what the agent's console calls it, per language; empty: its name
 * @param prompts the question per language
 * @param pattern the format the answer must have (whole answer, spaces around it ignored); null accepts anything
 */
public record DetailSpec(String name, Map<String, String> labels, Map<String, String> prompts, Pattern pattern) {

    public DetailSpec {
        labels = Map.copyOf(labels);
        prompts = Map.copyOf(prompts);
    }

    public String prompt(String lang) {
        return prompts.getOrDefault(lang, prompts.getOrDefault("nl", name));
    }

    public boolean accepts(String answer) {
        return pattern == null || pattern.matcher(answer.strip()).matches();
    }
}

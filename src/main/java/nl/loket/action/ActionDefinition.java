package nl.loket.action;

import java.util.List;
import java.util.Map;

/**
 * One self-service action as an editor wrote it in {@code actions/<id>.yml}.
 *
 * @param verified whether it changes an account and so runs only for a verified (signed) customer
 * @param description what the action does, for the LLM's tool list (the title when the file has none)
 * @param phrases per language: what customers say when they want it (matched by the FAQ matcher)
 * @param faq the FAQ entries whose answer offers it as a quick reply
 * @param summary the confirmation question; {@code {name}} parts are the answers
 * @param done what the customer is told when it succeeded; {@code {reference}} and {@code {message}} come
 *     from the response
 * @param file the file it came from, for problems and logs
 */
record ActionDefinition(String id, boolean verified, Texts title, Texts description, Texts offer, Map<String, List<String>> phrases,
        List<String> faq, List<ActionField> fields, Texts summary, Texts done, ActionCall call, String file) {

    ActionDefinition {
        phrases = Map.copyOf(phrases);
        faq = List.copyOf(faq);
        fields = List.copyOf(fields);
    }
}

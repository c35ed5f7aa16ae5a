package nl.loket.llm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Loket already knows about the customer: the name, e-mail address and id the host site gave,
 * and the personal details collected for a handover. Patterns miss a name without a cue or an
 * address without a number, but these exact values can be found anywhere, so {@link Redactor} removes
 * them first, in every text the model sees.
 *
 * @param values longest first, so "Jan de Vries" goes before "Jan"
 */
record KnownCustomer(List<Value> values) {

    static final KnownCustomer NONE = new KnownCustomer(List.of());

    /** Detail names whose values are personal data (a detail such as "onderwerp" stays readable). */
    private static final Pattern PERSONAL_DETAIL = Pattern.compile("(?i).*(?:name|naam|address|adres|street|straat"
            + "|postcode|zip|plaats|city|mail|phone|telefoon|mobiel|iban|rekening|account|number|nummer|nr|id"
            + "|birth|geboorte|passport|paspoort|kenteken|plate).*");
    /** The small words of Dutch surnames ("de" in "Jan de Vries"): never a name by themselves. */
    private static final Pattern PARTICLE = Pattern.compile("(?i)van|de|der|den|het|'t|ten|ter|te|op|in|von|la|le|du|da"
            + "|di|el|al");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One value, its placeholder, and where it is in a text: as a whole word in any spacing (so "Jan"
     * leaves "januari" alone), not inside a longer number ("12345678" in "06-12345678" is left to the
     * phone rule), and in any case except for a single name part ("Bakker", not the word "bakker").
     */
    record Value(String text, String placeholder, Pattern pattern) {

        static Value of(String text, String placeholder, boolean ignoreCase) {
            String body = String.join("\\s+", Arrays.stream(text.split("\\s+")).map(Pattern::quote).toList());
            int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return new Value(text, placeholder, Pattern.compile("(?<![\\p{L}\\p{N}]|\\p{N}[ .-])" + body
                    + "(?![\\p{L}\\p{N}]|[ .-]\\p{N})", flags));
        }
    }

    KnownCustomer {
        values = values.stream().sorted(Comparator.comparingInt((Value v) -> v.text().length()).reversed()).toList();
    }

    static KnownCustomer of(String name, String email, String id, Map<String, String> details) {
        List<Value> values = new ArrayList<>();
        addName(values, name);
        add(values, email, "[e-mail]", true);
        add(values, id, "[customer-id]", true);
        details.forEach((key, value) -> {
            if (PERSONAL_DETAIL.matcher(key).matches()) {
                String placeholder = placeholder(key);
                if (placeholder.equals("[name]")) {
                    addName(values, value);
                } else {
                    add(values, value, placeholder, true);
                }
            }
        });
        return values.isEmpty() ? NONE : new KnownCustomer(values);
    }

    /** From the customer description the gateway stored ({@code Conversation.customer()}), or none. */
    static KnownCustomer described(String customerJson, Map<String, String> details) {
        String name = null;
        String email = null;
        String id = null;
        if (customerJson != null && !customerJson.isBlank()) {
            try {
                JsonNode node = JSON.readTree(customerJson);
                name = text(node, "name");
                email = text(node, "email");
                id = text(node, "id");
            } catch (RuntimeException e) {
                // an unreadable description names nobody; the patterns still apply
            }
        }
        return of(name, email, id, details);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String placeholder(String detail) {
        String key = detail.toLowerCase(Locale.ROOT);
        if (key.contains("name") || key.contains("naam")) {
            return "[name]";
        }
        if (key.matches(".*(?:address|adres|street|straat|postcode|zip|plaats|city).*")) {
            return "[address]";
        }
        if (key.contains("mail")) {
            return "[e-mail]";
        }
        if (key.matches(".*(?:phone|telefoon|mobiel).*")) {
            return "[phone]";
        }
        return "[" + detail + "]";
    }

    /** The whole name, the surname with its particles ("de Vries"), and each part of three letters or more. */
    private static void addName(List<Value> values, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String whole = name.strip().replaceAll("\\s+", " ");
        add(values, whole, "[name]", true);
        String[] parts = whole.split(" ");
        if (parts.length > 2) { // "de Vries" in any case; a one-word surname only as written ("Bakker", not "bakker")
            add(values, whole.substring(parts[0].length() + 1), "[name]", true);
        }
        for (String part : parts) {
            if (!PARTICLE.matcher(part).matches() && part.replace(".", "").length() >= 3) {
                add(values, part, "[name]", false);
            }
        }
    }

    private static void add(List<Value> values, String text, String placeholder, boolean ignoreCase) {
        if (text == null || text.strip().length() < 3) {
            return; // two characters match too much ordinary text
        }
        String value = text.strip();
        if (values.stream().noneMatch(v -> v.text().equalsIgnoreCase(value))) {
            values.add(Value.of(value, placeholder, ignoreCase));
        }
    }
}

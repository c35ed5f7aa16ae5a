package nl.loket.handover;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides from a customer message (and what the router remembers of the conversation, never the
 * log) whether the customer needs a person, and why. The reasons are stable names: they end up on status events and metric tags.
 */
@Component
class Triggers {

    static final String CUSTOMER_ASKED = "customer_asked";
    static final String ASKED_FOR_PERSON = "asked_for_person";
    static final String NO_ANSWER = "no_answer";
    static final String REPEATED_QUESTION = "repeated_question";
    static final String UNHELPFUL_ANSWERS = "unhelpful_answers";
    static final String FRUSTRATION = "frustration";
    static final String FAQ_HANDOVER = "faq_handover";

    private static final int MIN_REPEAT_LENGTH = 10;

    private final Pattern personWords;
    private final Pattern frustrationWords;
    private final HandoverProperties properties;

    Triggers(HandoverProperties properties) {
        this.properties = properties;
        this.personWords = anyOf(properties.personWords());
        this.frustrationWords = anyOf(properties.frustrationWords());
    }

    /**
     * Why {@code text} should go to a person, or empty when the bot should answer it.
     *
     * @param offered the "talk to a person" reply the bot offered with its last answer when it had
     *     none; null when it offered none
     * @param askedBefore how often the customer asked this question (normalised) before
     */
    Optional<String> reasonFor(String text, String offered, int askedBefore) {
        String message = text == null ? "" : text;
        if (offered != null && offered.equalsIgnoreCase(message.strip())) {
            return Optional.of(NO_ANSWER);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (personWords.matcher(lower).find()) {
            return Optional.of(ASKED_FOR_PERSON);
        }
        if (frustrationWords.matcher(lower).find() || shouting(message)) {
            return Optional.of(FRUSTRATION);
        }
        if (normalise(message).length() >= MIN_REPEAT_LENGTH && askedBefore + 1 >= properties.repeatThreshold()) {
            return Optional.of(REPEATED_QUESTION);
        }
        return Optional.empty();
    }

    boolean asksForPerson(String text) {
        return personWords.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The tag value for a reason: the part before ':' when it is one we know, else "other". */
    static String metricName(String reason) {
        String name = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        return switch (name) {
            case CUSTOMER_ASKED, ASKED_FOR_PERSON, NO_ANSWER, REPEATED_QUESTION, UNHELPFUL_ANSWERS, FRUSTRATION,
                FAQ_HANDOVER -> name;
            default -> "other";
        };
    }

    boolean unhelpfulEnough(int unhelpfulAnswers) {
        return unhelpfulAnswers >= properties.unhelpfulThreshold();
    }

    private boolean shouting(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long capitals = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= properties.shoutingMinLetters() && capitals >= letters * properties.shoutingRatio();
    }

    /** Lower case, accents and punctuation dropped, spaces collapsed: "Waar is mijn factuur?!" = "waar is mijn factuur". */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Pattern anyOf(List<String> words) {
        String alternatives = String.join("|", words.stream().map(w -> Pattern.quote(w.toLowerCase(Locale.ROOT)))
                .toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + (alternatives.isEmpty() ? "(?!)" : alternatives)
                + ")(?![\\p{L}\\p{N}])");
    }
}

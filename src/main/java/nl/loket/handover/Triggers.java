package nl.loket.handover;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.EventKind;
import org.springframework.stereotype.Component;

/**
 * Decides from a customer message (and the log before it) whether the customer needs a person,
 * and why. The reasons are stable names: they end up on status events and metric tags.
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

    /** Why {@code message} should go to a person, or empty when the bot should answer it. */
    Optional<String> reasonFor(ConversationEvent message, List<ConversationEvent> earlier) {
        String text = message.text() == null ? "" : message.text();
        if (confirmsOffer(text, earlier)) {
            return Optional.of(NO_ANSWER);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (personWords.matcher(lower).find()) {
            return Optional.of(ASKED_FOR_PERSON);
        }
        if (frustrationWords.matcher(lower).find() || shouting(text)) {
            return Optional.of(FRUSTRATION);
        }
        if (repeated(text, earlier)) {
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

    boolean unhelpfulEnough(List<ConversationEvent> log) {
        return log.stream().filter(e -> e.author() == Author.BOT && Boolean.FALSE.equals(e.helpful())).count()
                >= properties.unhelpfulThreshold();
    }

    /** The customer picked the "talk to a person" quick reply of an answer where the bot had none. */
    private static boolean confirmsOffer(String text, List<ConversationEvent> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            ConversationEvent e = earlier.get(i);
            if (e.author() == Author.BOT && e.kind() == EventKind.MESSAGE) {
                return NO_ANSWER.equals(e.attribute("outcome"))
                        && e.quickReplies().stream().anyMatch(q -> q.value().equalsIgnoreCase(text.strip()));
            }
        }
        return false;
    }

    private boolean shouting(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long capitals = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= properties.shoutingMinLetters() && capitals >= letters * properties.shoutingRatio();
    }

    private boolean repeated(String text, List<ConversationEvent> earlier) {
        String normalised = normalise(text);
        if (normalised.length() < MIN_REPEAT_LENGTH) {
            return false;
        }
        long before = earlier.stream()
                .filter(e -> e.author() == Author.CUSTOMER && e.kind() == EventKind.MESSAGE && e.text() != null)
                .filter(e -> normalise(e.text()).equals(normalised)).count();
        return before + 1 >= properties.repeatThreshold();
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

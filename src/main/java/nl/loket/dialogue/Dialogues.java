package nl.loket.dialogue;

import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.Conversations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs dialogues and keeps each conversation's phase as one value under {@code loket:dialogue:{c:id}}
 * (a hash with one field, so the router reads it with the conversation in one round trip), renewed
 * with the conversation's retention on every step and removed when the dialogue ends.
 */
@Service
public class Dialogues {

    private static final String FIELD = "phase";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final ConversationProperties retention;

    Dialogues(StringRedisTemplate redis, JsonMapper json, ConversationProperties retention) {
        this.redis = redis;
        this.json = json;
        this.retention = retention;
    }

    /** The key the phase lives under; read it with {@code Conversations.findWith}. */
    public static String key(String conversationId) {
        return Conversations.moduleKey("dialogue", conversationId, "");
    }

    /** The running dialogue's phase in a hash read from {@link #key}, if one runs. */
    public Optional<DialoguePhase> phaseIn(Map<String, String> hash) {
        return Optional.ofNullable(hash.get(FIELD)).map(value -> json.readValue(value, DialoguePhase.class));
    }

    /** Starts a dialogue (replacing any running one); fields in {@code known} are not asked. */
    public DialogueStep start(String conversationId, DialogueDefinition definition, Map<String, String> known) {
        return keep(conversationId, DialogueEngine.start(definition, known));
    }

    /** Starts a dialogue whose first question was already put to the customer some other way (a notice). */
    public void startQuietly(String conversationId, DialogueDefinition definition) {
        keep(conversationId, DialogueEngine.start(definition, Map.of()));
    }

    public DialogueStep answer(String conversationId, DialogueDefinition definition, DialoguePhase phase,
            String text) {
        return keep(conversationId, DialogueEngine.answer(definition, phase, text));
    }

    public void end(String conversationId) {
        redis.delete(key(conversationId));
    }

    private DialogueStep keep(String conversationId, DialogueStep step) {
        if (step instanceof DialogueStep.Ask ask) {
            redis.opsForHash().put(key(conversationId), FIELD, json.writeValueAsString(ask.phase()));
            redis.expire(key(conversationId), retention.retention());
        } else {
            end(conversationId);
        }
        return step;
    }
}

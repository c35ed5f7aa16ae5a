package nl.loket.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.LuaScript;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What the router remembers of a conversation so that the triggers never read the log: the
 * person it offered with its last answer, the topic of its last FAQ answer, how often each question
 * was asked, the answers marked unhelpful. One hash, {@code loket:routing:{c:id}}, read with the
 * conversation in one round trip and written in one script call, with the conversation's retention.
 */
@Component
class RoutingMemory {

    private static final String OFFER = "offer";
    private static final String TOPIC = "topic";

    private static final RedisScript<Long> REMEMBER =
            LuaScript.load("scripts/routing-remember.lua", Long.class);
    private static final RedisScript<Long> FEEDBACK =
            LuaScript.load("scripts/routing-feedback.lua", Long.class);

    private final StringRedisTemplate redis;
    private final Duration retention;

    RoutingMemory(StringRedisTemplate redis, ConversationProperties conversations) {
        this.redis = redis;
        this.retention = conversations.retention();
    }

    static String key(String conversationId) {
        return Conversations.moduleKey("routing", conversationId, "");
    }

    /** The memory as read from {@link #key}. */
    record Recalled(Map<String, String> hash) {

        String offered() {
            return hash.get(OFFER);
        }

        List<String> topic() {
            String tags = hash.get(TOPIC);
            return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
        }

        int askedBefore(String questionKey) {
            return Integer.parseInt(hash.getOrDefault(question(questionKey), "0"));
        }
    }

    /** After a routed message: count its question, keep what the outcome offered and its topic. */
    void remember(String conversationId, String questionKey, RouteOutcome outcome) {
        String offered = "";
        String topic = null; // null keeps the topic of an earlier answer
        boolean handedOver = false;
        switch (outcome) {
            case RouteOutcome.NotAnswered n -> offered = n.offered();
            case RouteOutcome.FaqAnswered f -> topic = String.join(",", f.topic());
            case RouteOutcome.HandoverStarted h -> handedOver = true;
            case RouteOutcome.Silent s -> {
                // nothing was said: nothing to remember but the question
            }
            case RouteOutcome.DialogueContinued d -> {
                // a dialogue's answers are the dialogue's
            }
            case RouteOutcome.Clarified c -> {
                // the customer picks an entry next; its answer brings the topic
            }
            case RouteOutcome.LlmAnswered l -> {
                // the model's answer offers no person and has no FAQ topic
            }
        }
        redis.execute(REMEMBER, List.of(key(conversationId)), questionKey.isEmpty() ? "" : question(questionKey),
                offered, topic == null ? "0" : "1", topic == null ? "" : topic, handedOver ? "1" : "0",
                Long.toString(retention.toMillis()));
    }

    /**
     * Counts a thumbs-down on answer {@code seq} once, or takes it back when the customer changes it to
     * a thumbs-up; returns the answers marked unhelpful since the last handover.
     */
    long feedback(String conversationId, long seq, boolean helpful) {
        Long unhelpful = redis.execute(FEEDBACK, List.of(key(conversationId)), Long.toString(seq),
                helpful ? "1" : "0", Long.toString(retention.toMillis()));
        return unhelpful == null ? 0 : unhelpful;
    }

    private static String question(String questionKey) {
        return "q:" + questionKey;
    }
}

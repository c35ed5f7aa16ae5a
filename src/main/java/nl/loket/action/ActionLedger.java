package nl.loket.action;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.LuaScript;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Makes sending a confirmed action happen at most once: a confirmation is claimed in Redis with
 * {@code SET NX} before anything is sent, so a second node, a reconnect or a double click that reaches
 * the same confirmation finds it taken. The claim then holds the outcome, kept as long as the conversation.
 * Also remembers per conversation which action an FAQ answer offered and which one was sent last, so
 * choosing the offer or confirming again is understood on any node.
 */
@Component
class ActionLedger {

    static final String SENDING = "sending";
    static final String OFFERED = "offered";
    static final String SENT = "sent";

    private static final RedisScript<Long> REMEMBER = LuaScript.load("scripts/action-remember.lua", Long.class);

    private final StringRedisTemplate redis;
    private final Duration retention;

    ActionLedger(StringRedisTemplate redis, ConversationProperties conversation) {
        this.redis = redis;
        this.retention = conversation.retention();
    }

    static String key(String conversationId, String confirmation) {
        return Conversations.moduleKey("action", conversationId, ":sent:" + confirmation);
    }

    /** True for the one caller that may send this confirmation. */
    boolean claim(String conversationId, String confirmation) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(conversationId, confirmation), SENDING,
                retention));
    }

    void settle(String conversationId, String confirmation, String outcome) {
        redis.opsForValue().set(key(conversationId, confirmation), outcome, retention);
    }

    /** {@code offered} or {@code sent}: the action id; one script call, not an HSET and a PEXPIRE. */
    void remember(String conversationId, String what, String actionId) {
        redis.execute(REMEMBER, List.of(memoryKey(conversationId)), what, actionId,
                Long.toString(retention.toMillis()));
    }

    Optional<String> recall(String conversationId, String what) {
        return Optional.ofNullable((String) redis.opsForHash().get(memoryKey(conversationId), what));
    }

    private static String memoryKey(String conversationId) {
        return Conversations.moduleKey("action", conversationId, "");
    }
}

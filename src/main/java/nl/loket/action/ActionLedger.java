package nl.loket.action;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import nl.loket.conversation.ConversationProperties;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
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

    private final StringRedisTemplate redis;
    private final Duration retention;

    ActionLedger(StringRedisTemplate redis, ConversationProperties conversation) {
        this.redis = redis;
        this.retention = conversation.retention();
    }

    static String key(String conversationId, String confirmation) {
        return "loket:action:{c:" + conversationId + "}:sent:" + confirmation;
    }

    /** True for the one caller that may send this confirmation. */
    boolean claim(String conversationId, String confirmation) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(conversationId, confirmation), SENDING,
                retention));
    }

    void settle(String conversationId, String confirmation, String outcome) {
        redis.opsForValue().set(key(conversationId, confirmation), outcome, retention);
    }

    /** {@code offered} or {@code sent}: the action id. One round trip (after every FAQ answer that offers an action). */
    void remember(String conversationId, String what, String actionId) {
        byte[] key = memoryKey(conversationId).getBytes(StandardCharsets.UTF_8);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            connection.hashCommands().hSet(key, what.getBytes(StandardCharsets.UTF_8),
                    actionId.getBytes(StandardCharsets.UTF_8));
            connection.keyCommands().pExpire(key, retention.toMillis());
            return null;
        });
    }

    Optional<String> recall(String conversationId, String what) {
        return Optional.ofNullable((String) redis.opsForHash().get(memoryKey(conversationId), what));
    }

    private static String memoryKey(String conversationId) {
        return "loket:action:{c:" + conversationId + "}";
    }
}

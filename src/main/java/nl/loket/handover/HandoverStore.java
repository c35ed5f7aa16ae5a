package nl.loket.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.loket.conversation.ConversationProperties;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;

/**
 * Handover's Redis keys, all under {@code loket:handover:}: per conversation a state hash and a
 * details hash (TTL = the conversation's retention), per queue a sorted set of waiting chats (score
 * = queued at) and one of present agents (score = presence expiry), and the callback tasks.
 */
@Component
class HandoverStore {

    static final String CHANNEL = "loket:handover:events";
    private static final String PREFIX = "loket:handover:";
    private static final String CALLBACKS = PREFIX + "callbacks";

    private final StringRedisTemplate redis;
    private final Duration retention;
    private final Clock clock;

    HandoverStore(StringRedisTemplate redis, ConversationProperties conversations, Clock clock) {
        this.redis = redis;
        this.retention = conversations.retention();
        this.clock = clock;
    }

    private static String stateKey(String id) {
        return PREFIX + "{c:" + id + "}:state";
    }

    private static String detailsKey(String id) {
        return PREFIX + "{c:" + id + "}:details";
    }

    private static String waiting(String queue) {
        return PREFIX + "queue:" + queue;
    }

    private static String present(String queue) {
        return PREFIX + "present:" + queue;
    }

    private static String agent(String name) {
        return PREFIX + "agent:" + name;
    }

    Map<String, String> state(String id) {
        Map<String, String> state = new LinkedHashMap<>();
        redis.opsForHash().entries(stateKey(id)).forEach((k, v) -> state.put(k.toString(), v.toString()));
        return state;
    }

    void putState(String id, Map<String, String> fields) {
        redis.opsForHash().putAll(stateKey(id), fields);
        redis.expire(stateKey(id), retention);
    }

    void removeState(String id, String... fields) {
        redis.opsForHash().delete(stateKey(id), (Object[]) fields);
    }

    Map<String, String> details(String id) {
        Map<String, String> details = new LinkedHashMap<>();
        redis.opsForHash().entries(detailsKey(id)).forEach((k, v) -> details.put(k.toString(), v.toString()));
        return details;
    }

    void putDetail(String id, String name, String value) {
        redis.opsForHash().put(detailsKey(id), name, value);
        redis.expire(detailsKey(id), retention);
    }

    /** Puts the chat in the queue (keeping its place when it is there already); returns its position, 1-based. */
    long enqueue(String queue, String id, Instant queuedAt) {
        redis.opsForZSet().addIfAbsent(waiting(queue), id, queuedAt.toEpochMilli());
        return position(queue, id);
    }

    long position(String queue, String id) {
        Long rank = redis.opsForZSet().rank(waiting(queue), id);
        return rank == null ? 0 : rank + 1;
    }

    boolean dequeue(String queue, String id) {
        Long removed = redis.opsForZSet().remove(waiting(queue), id);
        return removed != null && removed > 0;
    }

    /** The chats waiting in a queue, oldest first, with when they were queued. */
    List<Map.Entry<String, Instant>> waitingIn(String queue) {
        Set<ZSetOperations.TypedTuple<String>> tuples = redis.opsForZSet().rangeWithScores(waiting(queue), 0, -1);
        List<Map.Entry<String, Instant>> result = new ArrayList<>();
        if (tuples != null) {
            for (var t : tuples) {
                result.add(Map.entry(t.getValue(), Instant.ofEpochMilli(t.getScore().longValue())));
            }
        }
        return result;
    }

    /** Returns the presence the agent had before. */
    String setPresence(String name, List<String> queues, String presence, Instant expires) {
        String before = redis.opsForValue().get(agent(name));
        redis.opsForValue().set(agent(name), presence, Duration.ofMillis(
                Math.max(1, expires.toEpochMilli() - clock.millis())));
        for (String queue : queues) {
            if ("ONLINE".equals(presence)) {
                redis.opsForZSet().add(present(queue), name, expires.toEpochMilli());
            } else {
                redis.opsForZSet().remove(present(queue), name);
            }
        }
        return before;
    }

    String presence(String name) {
        return redis.opsForValue().get(agent(name));
    }

    /** How many agents are online for a queue now; expired heartbeats are dropped first. */
    long present(String queue, Instant now) {
        redis.opsForZSet().removeRangeByScore(present(queue), 0, now.toEpochMilli());
        Long count = redis.opsForZSet().zCard(present(queue));
        return count == null ? 0 : count;
    }

    void assign(String agentName, String id, boolean assigned) {
        String key = PREFIX + "assigned:" + agentName;
        if (assigned) {
            redis.opsForSet().add(key, id);
            redis.expire(key, retention);
        } else {
            redis.opsForSet().remove(key, id);
        }
    }

    Set<String> assigned(String agentName) {
        Set<String> ids = redis.opsForSet().members(PREFIX + "assigned:" + agentName);
        return ids == null ? Set.of() : ids;
    }

    void putCallback(String id, String json) {
        redis.opsForHash().put(CALLBACKS, id, json);
        redis.expire(CALLBACKS, retention);
    }

    List<String> callbacks() {
        return redis.opsForHash().values(CALLBACKS).stream().map(Object::toString).toList();
    }

    String callback(String id) {
        Object value = redis.opsForHash().get(CALLBACKS, id);
        return value == null ? null : value.toString();
    }

    /** Tells every node that a queue's inbox changed. */
    void publish(String message) {
        redis.convertAndSend(CHANNEL, message);
    }
}

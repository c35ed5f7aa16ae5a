package nl.loket.handover;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.Conversations;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;

/**
 * Handover's Redis keys, all under {@code loket:handover:} and each with a TTL: per conversation a
 * state hash (reason, target queue, times, transferred-to agent), a details hash and the packet
 * (TTL = the conversation's retention); per queue a sorted set of waiting chats (score = queued at)
 * and one of present agents (score = presence expiry); per agent their presence and their chats;
 * per callback task its own key, indexed per queue.
 */
@Component
class HandoverStore {

    static final String CHANNEL = "loket:handover:events";
    private static final String PREFIX = "loket:handover:";

    private final StringRedisTemplate redis;
    private final Duration retention;

    HandoverStore(StringRedisTemplate redis, ConversationProperties conversations) {
        this.redis = redis;
        this.retention = conversations.retention();
    }

    private static String stateKey(String id) {
        return Conversations.moduleKey("handover", id, ":state");
    }

    private static String detailsKey(String id) {
        return Conversations.moduleKey("handover", id, ":details");
    }

    private static String packetKey(String id) {
        return Conversations.moduleKey("handover", id, ":packet");
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

    private static String callbackKey(String id) {
        return PREFIX + "callback:" + id;
    }

    private static String callbacksOf(String queue) {
        return PREFIX + "callbacks:" + queue;
    }

    Map<String, String> state(String id) {
        return strings(redis.opsForHash().entries(stateKey(id)));
    }

    void putState(String id, Map<String, String> fields) {
        redis.opsForHash().putAll(stateKey(id), fields);
        redis.expire(stateKey(id), retention);
    }

    void removeState(String id, String... fields) {
        redis.opsForHash().delete(stateKey(id), (Object[]) fields);
    }

    Map<String, String> details(String id) {
        return strings(redis.opsForHash().entries(detailsKey(id)));
    }

    void putDetails(String id, Map<String, String> details) {
        if (!details.isEmpty()) {
            redis.opsForHash().putAll(detailsKey(id), details);
            redis.expire(detailsKey(id), retention);
        }
    }

    String packet(String id) {
        return redis.opsForValue().get(packetKey(id));
    }

    void putPacket(String id, String json) {
        redis.opsForValue().set(packetKey(id), json, retention);
    }

    /** Puts the chat in the queue (keeping its place when it is there already). */
    void enqueue(String queue, String id, Instant queuedAt) {
        redis.opsForZSet().addIfAbsent(waiting(queue), id, queuedAt.toEpochMilli());
        redis.expire(waiting(queue), retention);
    }

    void dequeue(String queue, String id) {
        redis.opsForZSet().remove(waiting(queue), id);
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

    long waitingCount(String queue) {
        Long count = redis.opsForZSet().zCard(waiting(queue));
        return count == null ? 0 : count;
    }

    /** Returns the presence the agent had before. */
    String setPresence(String name, List<String> queues, String presence, Instant now, Instant expires) {
        String before = redis.opsForValue().get(agent(name));
        redis.opsForValue().set(agent(name), presence, Duration.ofMillis(
                Math.max(1, expires.toEpochMilli() - now.toEpochMilli())));
        for (String queue : queues) {
            if ("ONLINE".equals(presence)) {
                redis.opsForZSet().add(present(queue), name, expires.toEpochMilli());
                redis.expire(present(queue), retention);
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

    /** The chat lists of these agents, in their order, in one round trip. */
    List<Set<String>> assigned(List<String> agentNames) {
        if (agentNames.isEmpty()) {
            return List.of();
        }
        List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String name : agentNames) {
                connection.setCommands().sMembers((PREFIX + "assigned:" + name).getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<Set<String>> result = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            result.add(reply instanceof Set<?> ids ? ids.stream().map(Object::toString)
                    .collect(Collectors.toUnmodifiableSet()) : Set.of());
        }
        return result;
    }

    /** One key per task, with its own TTL, and an index per queue (score = created at). */
    void putCallback(String id, String queue, Instant createdAt, String json) {
        redis.opsForValue().set(callbackKey(id), json, retention);
        redis.opsForZSet().add(callbacksOf(queue), id, createdAt.toEpochMilli());
        redis.expire(callbacksOf(queue), retention);
    }

    /** The tasks of a queue, oldest first; index entries whose task expired are dropped. */
    List<String> callbacks(String queue) {
        Set<String> ids = redis.opsForZSet().range(callbacksOf(queue), 0, -1);
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(HandoverStore::callbackKey).toList();
        List<String> values = redis.opsForValue().multiGet(keys);
        List<String> tasks = new ArrayList<>();
        int i = 0;
        for (String id : ids) {
            String value = values == null ? null : values.get(i++);
            if (value == null) {
                redis.opsForZSet().remove(callbacksOf(queue), id);
            } else {
                tasks.add(value);
            }
        }
        return tasks;
    }

    /** The stored packets of these chats, in their order (null where none), in one round trip. */
    List<String> packets(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> values = redis.opsForValue().multiGet(ids.stream().map(HandoverStore::packetKey).toList());
        return values == null ? java.util.Collections.nCopies(ids.size(), null) : values;
    }

    String callback(String id) {
        return redis.opsForValue().get(callbackKey(id));
    }

    /** Tells every node that a queue's inbox changed. */
    void publish(InboxChanged changed) {
        redis.convertAndSend(CHANNEL, new InboxChanged(Objects.requireNonNullElse(changed.queue(), ""),
                changed.conversationId()).message());
    }

    private static Map<String, String> strings(Map<Object, Object> raw) {
        Map<String, String> result = new LinkedHashMap<>();
        raw.forEach((k, v) -> result.put(k.toString(), v.toString()));
        return result;
    }
}

package nl.loket.conversation;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The conversation's Redis keys: a meta hash, the event stream and two small hashes, all with one TTL. */
@Component
class ConversationStore {

    private static final RedisScript<List> APPEND =
            LuaScript.load("scripts/conversation-append.lua", List.class);
    private static final RedisScript<List> READ =
            LuaScript.load("scripts/conversation-read.lua", List.class);
    private static final RedisScript<Long> TOUCH =
            LuaScript.load("scripts/conversation-touch.lua", Long.class);
    private static final RedisScript<Long> VIEWS =
            LuaScript.load("scripts/conversation-views.lua", Long.class);
    private static final RedisScript<Long> SIGNAL =
            LuaScript.load("scripts/conversation-signal.lua", Long.class);

    private final StringRedisTemplate redis;
    private final EventJson json;
    private final ConversationProperties properties;

    ConversationStore(StringRedisTemplate redis, JsonMapper json, ConversationProperties properties) {
        this.redis = redis;
        this.json = new EventJson(json);
        this.properties = properties;
    }

    void create(Conversation c, String tokenHash) {
        var keys = ConversationKeys.of(c.id());
        Map<String, String> fields = new HashMap<>();
        fields.put("status", c.status().name());
        fields.put("token", tokenHash);
        fields.put("lang", c.lang());
        fields.put("seq", "0");
        fields.put("createdAt", Long.toString(c.createdAt().toEpochMilli()));
        fields.put("lastActivity", Long.toString(c.createdAt().toEpochMilli()));
        if (c.page() != null) {
            fields.put("page", c.page());
        }
        if (c.customer() != null) {
            fields.put("customer", c.customer());
        }
        redis.opsForHash().putAll(keys.meta(), fields);
        redis.expire(keys.meta(), properties.retention());
    }

    /** The ids of every stored conversation, from their meta hashes (a SCAN: for rare, whole-store reads). */
    List<String> ids() {
        return RedisScan.keys(redis, ScanOptions.scanOptions().match("loket:conversation:{c:*}:meta").count(1000)
                .build()).stream().map(key -> key.substring(key.indexOf("{c:") + 3, key.indexOf('}'))).toList();
    }

    Optional<Map<String, String>> meta(String id) {
        Map<Object, Object> raw = redis.opsForHash().entries(ConversationKeys.of(id).meta());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(raw.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
    }

    /**
     * The meta hashes of these conversations, in their order (empty where unknown), in one pipelined
     * round trip: a view of many chats (the console's inbox) reads them all at once.
     */
    List<Optional<Map<String, String>>> metas(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (String id : ids) {
                connection.hashCommands().hGetAll(ConversationKeys.of(id).meta().getBytes(StandardCharsets.UTF_8));
            }
            return null;
        });
        List<Optional<Map<String, String>>> metas = new ArrayList<>(ids.size());
        for (Object reply : replies) {
            Map<?, ?> raw = (Map<?, ?>) reply;
            metas.add(raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw.entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString()))));
        }
        return metas;
    }

    /** The meta hash and then each of {@code moduleHashes}, read in one script call; empty when unknown. */
    Optional<List<Map<String, String>>> metaWith(String id, List<String> moduleHashes) {
        List<String> keys = new ArrayList<>(moduleHashes.size() + 1);
        keys.add(ConversationKeys.of(id).meta());
        keys.addAll(moduleHashes);
        List<?> reply = redis.execute(READ, keys);
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> hashes = new ArrayList<>(reply.size());
        for (Object flat : reply) {
            List<?> pairs = (List<?>) flat;
            Map<String, String> hash = new HashMap<>();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                hash.put(String.valueOf(pairs.get(i)), String.valueOf(pairs.get(i + 1)));
            }
            hashes.add(hash);
        }
        return Optional.of(hashes);
    }

    /**
     * Appends {@code event}; with a {@code holder}, moves status and holder in the same atomic step, and
     * with {@code heldBy} only while that agent holds the chat.
     */
    AppendResult append(String id, ConversationEvent event, String allowedStatuses, Holder holder, String heldBy,
            Instant now, RoutingLeases.RouteNote route) {
        var keys = ConversationKeys.of(id);
        String data = json.write(event);
        List<?> reply = redis.execute(APPEND, keys.forAppend(), data, nullToEmpty(EventJson.clientMsgId(event)),
                allowedStatuses,
                Long.toString(properties.retention().toMillis()), ConversationKeys.NODE_CHANNEL_PREFIX, id,
                holder == null ? "" : holder.status().name(), holder == null ? "" : holder.queueName(),
                holder == null ? "" : holder.agentField(), Long.toString(now.toEpochMilli()),
                nullToEmpty(heldBy), Integer.toString(properties.maxEvents()),
                route.lease() > 0 ? Long.toString(route.lease()) : "", route.node(),
                route.answers() > 0 ? Long.toString(route.answers()) : "");
        long code = (Long) reply.get(0);
        long seq = (Long) reply.get(1);
        String third = String.valueOf(reply.get(2));
        if (code >= 0) {
            awaitReplicas(id, seq); // a duplicate too: the original may not have reached a replica yet
        }
        return switch ((int) code) {
            case 1 -> new AppendResult.Stored(EventJson.stamped(event, seq, Instant.ofEpochMilli(Long.parseLong(third))));
            case 0 -> new AppendResult.Duplicate(seq);
            case -1 -> new AppendResult.UnknownConversation();
            case -2 -> new AppendResult.StatusRefused(ConversationStatus.valueOf(third));
            default -> throw new IllegalStateException("the log refused holder " + holder + " for " + third);
        };
    }

    /**
     * With {@code loket.conversation.replicas}, holds the append until that many replicas have it
     * (Redis {@code WAIT} counts every earlier write of the connection, and the append was one), so a
     * failover to a replica cannot lose it and hand its seq out again. Refused as not stored otherwise.
     */
    private void awaitReplicas(String id, long seq) {
        int wanted = properties.replicas();
        if (wanted == 0) {
            return;
        }
        long timeout = properties.replicaTimeout().toMillis();
        Long acknowledged = redis.execute((RedisCallback<Long>) connection -> await(((RedisClusterAsyncCommands<?, ?>)
                connection.getNativeConnection()).waitForReplication(wanted, timeout)));
        if (acknowledged == null || acknowledged < wanted) {
            throw new NotReplicated(id, seq, acknowledged == null ? 0 : acknowledged, wanted);
        }
    }

    private static Long await(RedisFuture<Long> reply) {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReplicated("interrupted while waiting for replicas");
        } catch (ExecutionException e) {
            throw new NotReplicated("WAIT failed: " + e.getCause());
        }
    }

    /** The primary stored an event that not enough replicas have: it does not count as stored (nor acknowledged). */
    static final class NotReplicated extends DataAccessResourceFailureException {

        NotReplicated(String id, long seq, long acknowledged, int wanted) {
            this("#" + seq + " of " + id + " reached " + acknowledged + " of the " + wanted + " replicas required");
        }

        NotReplicated(String message) {
            super(message);
        }
    }

    List<ConversationEvent> eventsAfter(String id, long afterSeq, long upToSeq) {
        if (afterSeq >= upToSeq) {
            return List.of(); // also keeps afterSeq + 1 from overflowing into a range Redis rejects
        }
        var keys = ConversationKeys.of(id);
        Range<String> range = Range.closed("0-" + (afterSeq + 1), upToSeq == Long.MAX_VALUE ? "+" : "0-" + upToSeq);
        List<MapRecord<String, Object, Object>> records =
                redis.opsForStream().range(keys.log(), range, Limit.limit().count(properties.replayLimit()));
        if (records == null || records.isEmpty()) {
            return List.of();
        }
        Map<Object, Object> feedback = redis.opsForHash().entries(keys.feedback());
        List<ConversationEvent> events = new ArrayList<>(records.size());
        for (var record : records) {
            long seq = Long.parseLong(record.getId().getValue().substring(2));
            events.add(decode(seq, record.getValue(), feedback));
        }
        return events;
    }

    ConversationEvent decode(long seq, long atMillis, String data) {
        return json.read(data, seq, Instant.ofEpochMilli(atMillis));
    }

    private ConversationEvent decode(long seq, Map<Object, Object> fields, Map<Object, Object> feedback) {
        ConversationEvent event = decode(seq, Long.parseLong(fields.get("at").toString()), fields.get("data").toString());
        Object helpful = feedback.get(Long.toString(seq));
        return helpful != null && event instanceof ConversationEvent.BotMessage answer
                ? answer.withHelpful(Boolean.parseBoolean(helpful.toString())) : event;
    }

    boolean putFeedback(String id, long seq, boolean helpful) {
        var keys = ConversationKeys.of(id);
        Long result = redis.execute(TOUCH, keys.all(), "4", Long.toString(seq), Boolean.toString(helpful),
                Long.toString(properties.retention().toMillis()));
        return result != null && result == 1L;
    }

    void publishTyping(String id, Author author) {
        signal(id, id + " t " + author.name());
    }

    void publishDelta(String id, long replyTo, String text) {
        signal(id, id + " d " + replyTo + " " + text);
    }

    void publishDiscard(String id, long replyTo) {
        signal(id, id + " x " + replyTo);
    }

    /** To the nodes that hold a view of the conversation, like its events: one script call, as one PUBLISH was. */
    private void signal(String id, String message) {
        redis.execute(SIGNAL, List.of(ConversationKeys.of(id).views()), ConversationKeys.NODE_CHANNEL_PREFIX, message);
    }

    /**
     * Registers {@code node} as holding a live view of the conversation for {@code ttl}; true when it
     * was not registered before (new, or its registration lapsed: what was appended meanwhile was not
     * published to it).
     */
    boolean registerView(String id, String node, Duration ttl) {
        Long added = redis.execute(VIEWS, List.of(ConversationKeys.of(id).views()), node,
                Long.toString(ttl.toMillis()));
        return added != null && added == 1L;
    }

    OptionalLong storedSeq(String id, String clientMsgId) {
        Object seq = redis.opsForHash().get(ConversationKeys.of(id).clientMsgIds(), clientMsgId);
        return seq == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seq.toString()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

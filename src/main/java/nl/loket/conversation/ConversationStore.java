package nl.loket.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The conversation's Redis keys: a meta hash, the event stream and two small hashes, all with one TTL. */
@Component
class ConversationStore {

    private static final RedisScript<List> APPEND =
            RedisScript.of(new ClassPathResource("scripts/conversation-append.lua"), List.class);
    private static final RedisScript<List> READ =
            RedisScript.of(new ClassPathResource("scripts/conversation-read.lua"), List.class);
    private static final RedisScript<Long> TOUCH =
            RedisScript.of(new ClassPathResource("scripts/conversation-touch.lua"), Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final ConversationProperties properties;

    ConversationStore(StringRedisTemplate redis, JsonMapper json, ConversationProperties properties) {
        this.redis = redis;
        this.json = json;
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

    Optional<Map<String, String>> meta(String id) {
        Map<Object, Object> raw = redis.opsForHash().entries(ConversationKeys.of(id).meta());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(raw.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().toString())));
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
            Instant now) {
        var keys = ConversationKeys.of(id);
        String data = json.writeValueAsString(event);
        List<?> reply = redis.execute(APPEND, keys.all(), data, nullToEmpty(event.clientMsgId()), allowedStatuses,
                Long.toString(properties.retention().toMillis()), ConversationKeys.FANOUT_CHANNEL, id,
                holder == null ? "" : holder.status().name(), holder == null ? "" : holder.queueName(),
                holder instanceof Holder.Agent a ? a.agent() : "", Long.toString(now.toEpochMilli()),
                nullToEmpty(heldBy), Integer.toString(properties.maxEvents()));
        long code = (Long) reply.get(0);
        long seq = (Long) reply.get(1);
        String third = String.valueOf(reply.get(2));
        return switch ((int) code) {
            case 1 -> new AppendResult.Stored(event.stored(seq, Instant.ofEpochMilli(Long.parseLong(third))));
            case 0 -> new AppendResult.Duplicate(seq);
            case -1 -> new AppendResult.UnknownConversation();
            case -2 -> new AppendResult.StatusRefused(ConversationStatus.valueOf(third));
            default -> throw new IllegalStateException("the log refused holder " + holder + " for " + third);
        };
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
        return json.readValue(data, ConversationEvent.class).stored(seq, Instant.ofEpochMilli(atMillis));
    }

    private ConversationEvent decode(long seq, Map<Object, Object> fields, Map<Object, Object> feedback) {
        ConversationEvent event = decode(seq, Long.parseLong(fields.get("at").toString()), fields.get("data").toString());
        Object helpful = feedback.get(Long.toString(seq));
        return helpful == null ? event : event.withHelpful(Boolean.parseBoolean(helpful.toString()));
    }

    boolean putFeedback(String id, long seq, boolean helpful) {
        var keys = ConversationKeys.of(id);
        Long result = redis.execute(TOUCH, keys.all(), "4", Long.toString(seq), Boolean.toString(helpful),
                Long.toString(properties.retention().toMillis()));
        return result != null && result == 1L;
    }

    void publishTyping(String id, Author author) {
        redis.convertAndSend(ConversationKeys.FANOUT_CHANNEL, id + " t " + author.name());
    }

    void publishDelta(String id, long replyTo, String text) {
        redis.convertAndSend(ConversationKeys.FANOUT_CHANNEL, id + " d " + replyTo + " " + text);
    }

    void publishDiscard(String id, long replyTo) {
        redis.convertAndSend(ConversationKeys.FANOUT_CHANNEL, id + " x " + replyTo);
    }

    OptionalLong storedSeq(String id, String clientMsgId) {
        Object seq = redis.opsForHash().get(ConversationKeys.of(id).clientMsgIds(), clientMsgId);
        return seq == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(seq.toString()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

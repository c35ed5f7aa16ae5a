package nl.loket.insight;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.Conversations;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The per-day counters in Redis: one hash per day ({@code loket:insight:day:<date>}), its fields closed sets
 * ({@code <lang>|<figure>[|<queue, reason, outcome or who handled it>]}) and counts, nothing personal, kept
 * for {@code loket.insight.counts-retention} after the day. What a conversation last added is kept with
 * it ({@code loket:insight:{c:<id>}:counted}, with the conversation's retention), so a recount adds only the
 * difference.
 */
@Component
class DayCounters {

    static final String DAY_FIELD = "day";

    /**
     * Swaps a conversation's share for its new one and returns the old: two nodes that recount the same
     * conversation at once add up to its newest share (each adds new minus what it swapped out).
     * ARGV: the TTL in ms, then field, value pairs. Nothing is written for a conversation that is gone
     * (erased, or expired, while its recount was on its way): KEYS[2] is its {@code Conversations.storedKey}, in the same slot.
     */
    private static final RedisScript<List> SWAP = RedisScript.of("""
            if redis.call('EXISTS', KEYS[2]) == 0 then return false end
            local old = redis.call('HGETALL', KEYS[1])
            redis.call('DEL', KEYS[1])
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return old""", List.class);

    private final StringRedisTemplate redis;
    private final Duration retention;
    private final Duration countsRetention;
    private final Clock clock;

    DayCounters(StringRedisTemplate redis, ConversationProperties conversations, InsightProperties properties,
            Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.retention = conversations.retention();
        this.countsRetention = properties.countsRetention();
    }

    static String dayKey(LocalDate day) {
        return "loket:insight:day:" + day;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String shareKey(String conversationId) {
        return Conversations.moduleKey("insight", conversationId, ":counted");
    }

    /**
     * Records a conversation's share of its day's counters, adding to the day what changed since its last
     * share. A crash between the swap and the addition loses that one difference (the next recount of the
     * conversation does not repeat it).
     */
    void record(String conversationId, LocalDate day, Map<String, Long> share) {
        List<String> args = new ArrayList<>(List.of(Long.toString(retention.toMillis()), DAY_FIELD, day.toString()));
        share.forEach((field, n) -> {
            args.add(field);
            args.add(Long.toString(n));
        });
        List<?> swapped = redis.execute(SWAP, List.of(shareKey(conversationId), Conversations.storedKey(conversationId)),
                args.toArray());
        if (swapped == null) {
            return; // gone
        }
        Map<String, Long> delta = new LinkedHashMap<>(share);
        LocalDate oldDay = day;
        for (int i = 0; i + 1 < swapped.size(); i += 2) {
            String field = String.valueOf(swapped.get(i));
            String value = String.valueOf(swapped.get(i + 1));
            if (field.equals(DAY_FIELD)) {
                oldDay = LocalDate.parse(value);
            } else {
                delta.merge(field, -Long.parseLong(value), Long::sum);
            }
        }
        delta.values().removeIf(n -> n == 0);
        if (delta.isEmpty() || !oldDay.equals(day)) {
            return; // a conversation's day never changes: a share of another day is no share of this one
        }
        String key = dayKey(day);
        // relative to this clock: a day's counters live countsRetention after the day ends
        long ttl = Math.max(1, Duration.between(clock.instant(), day.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant().plus(countsRetention)).toMillis());
        byte[] raw = bytes(key);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            delta.forEach((field, n) -> connection.hashCommands().hIncrBy(raw, bytes(field), n));
            connection.keyCommands().pExpire(raw, ttl);
            return null;
        });
    }

    /** The counters of each day from {@code from} up to and excluding {@code to}; a day without any is absent. */
    Map<LocalDate, Map<String, Long>> days(LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to).toList();
        List<Object> hashes = redis.executePipelined((RedisCallback<Object>) connection -> {
            days.forEach(d -> connection.hashCommands().hGetAll(bytes(dayKey(d))));
            return null;
        });
        Map<LocalDate, Map<String, Long>> out = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            if (hashes.get(i) instanceof Map<?, ?> hash && !hash.isEmpty()) {
                Map<String, Long> counts = new HashMap<>();
                hash.forEach((k, v) -> counts.put(String.valueOf(k), Long.parseLong(String.valueOf(v))));
                out.put(days.get(i), counts);
            }
        }
        return out;
    }
}

package nl.loket.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import nl.loket.conversation.RedisScan;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds what Redis holds about one conversation, by the house convention: every key of a conversation
 * carries its hash tag {@code {c:<id>}}; shared indexes (waiting queues, an agent's chats) hold the id as a
 * member; a record kept under its own id (a callback task) names it as {@code "conversationId":"<id>"}.
 * Streams (the log) are the conversation module's and are read through its API.
 */
@Component
class StoredData {

    private static final int SCAN_BATCH = 1000;

    private final StringRedisTemplate redis;

    StoredData(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The keys under the conversation's hash tag, sorted. */
    List<String> keysOf(String conversationId) {
        TreeSet<String> keys = new TreeSet<>();
        scan(ScanOptions.scanOptions().match("loket:*{c:" + conversationId + "}*").count(SCAN_BATCH).build(),
                keys::add);
        return List.copyOf(keys);
    }

    /** Records kept under their own id that name the conversation (not under its hash tag). */
    List<String> recordsNaming(String conversationId) {
        String marker = "\"conversationId\":\"" + conversationId + "\"";
        List<String> found = new ArrayList<>();
        scan(ScanOptions.scanOptions().match("loket:*").type(DataType.STRING).count(SCAN_BATCH).build(), key -> {
            if (!key.contains("{c:")) {
                String value = redis.opsForValue().get(key);
                if (value != null && value.contains(marker)) {
                    found.add(key);
                }
            }
        });
        return found;
    }

    DataType type(String key) {
        return redis.type(key);
    }

    /** A key's content for an export: hashes as maps, strings as they are, sets as their members. */
    Object content(String key) {
        return switch (type(key)) {
            case HASH -> {
                Map<String, String> hash = new LinkedHashMap<>();
                redis.opsForHash().entries(key).forEach((k, v) -> hash.put(k.toString(), v.toString()));
                yield hash;
            }
            case STRING -> redis.opsForValue().get(key);
            case SET -> new TreeSet<>(redis.opsForSet().members(key));
            case ZSET -> redis.opsForZSet().range(key, 0, -1);
            case LIST -> redis.opsForList().range(key, 0, -1);
            default -> null; // streams: the log, exported as events; NONE: gone meanwhile
        };
    }

    /** Deletes the keys; returns how many existed. */
    long delete(List<String> keys) {
        long deleted = 0;
        for (String key : keys) { // one by one: in a cluster, records outside the hash tag live on other slots
            if (Boolean.TRUE.equals(redis.delete(key))) {
                deleted++;
            }
        }
        return deleted;
    }

    /** Removes the id from every shared set and sorted set; returns how many held it. */
    long removeFromIndexes(String conversationId) {
        long[] removed = {0};
        scan(ScanOptions.scanOptions().match("loket:*").type(DataType.ZSET).count(SCAN_BATCH).build(), key -> {
            Long n = redis.opsForZSet().remove(key, conversationId);
            removed[0] += n == null ? 0 : n;
        });
        scan(ScanOptions.scanOptions().match("loket:*").type(DataType.SET).count(SCAN_BATCH).build(), key -> {
            Long n = redis.opsForSet().remove(key, conversationId);
            removed[0] += n == null ? 0 : n;
        });
        return removed[0];
    }

    private void scan(ScanOptions options, Consumer<String> each) {
        RedisScan.keys(redis, options).forEach(each);
    }
}

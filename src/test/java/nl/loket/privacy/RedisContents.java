package nl.loket.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Everything in the test Redis, each key with all it holds as text: what "nothing is left" is checked against. */
final class RedisContents {

    private RedisContents() {
    }

    static Map<String, String> everything(StringRedisTemplate redis) {
        List<String> keys = new ArrayList<>();
        try (var cursor = redis.scan(ScanOptions.scanOptions().count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        Map<String, String> all = new TreeMap<>();
        for (String key : keys) {
            Object content = switch (redis.type(key)) {
                case STRING -> redis.opsForValue().get(key);
                case HASH -> redis.opsForHash().entries(key);
                case SET -> redis.opsForSet().members(key);
                case ZSET -> redis.opsForZSet().range(key, 0, -1);
                case LIST -> redis.opsForList().range(key, 0, -1);
                case STREAM -> redis.opsForStream().range(key, Range.unbounded()).stream()
                        .map(r -> r.getValue().toString()).toList();
                default -> "";
            };
            all.put(key, String.valueOf(content));
        }
        return all;
    }

    /** The keys whose name or content holds any of the needles, with what matched. */
    static Map<String, String> holding(StringRedisTemplate redis, List<String> needles) {
        Map<String, String> found = new TreeMap<>();
        everything(redis).forEach((key, content) -> needles.stream()
                .filter(n -> key.contains(n) || content.contains(n)).findFirst()
                .ifPresent(n -> found.put(key, n)));
        return found;
    }
}

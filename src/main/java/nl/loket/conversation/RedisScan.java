package nl.loket.conversation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** SCAN over the whole key space: on every primary of a Redis Cluster, else on the one server. */
public final class RedisScan {

    private RedisScan() {
    }

    /** Every key that matches; collected first, so a caller may write while it goes through them. */
    public static List<String> keys(StringRedisTemplate redis, ScanOptions options) {
        List<String> keys = new ArrayList<>();
        redis.execute((RedisCallback<Void>) connection -> {
            if (connection instanceof RedisClusterConnection cluster) {
                for (RedisClusterNode node : cluster.clusterGetNodes()) {
                    if (node.isMaster()) {
                        drain(cluster.scan(node, options), keys);
                    }
                }
            } else {
                drain(connection.keyCommands().scan(options), keys);
            }
            return null;
        });
        return keys;
    }

    private static void drain(Cursor<byte[]> cursor, List<String> keys) {
        try (cursor) {
            cursor.forEachRemaining(k -> keys.add(new String(k, StandardCharsets.UTF_8)));
        }
    }
}

package nl.loket.gateway;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Signatures of {@code hello.customer} that already verified a conversation, kept in Redis for as
 * long as they could still verify one, so a copied signed blob is worth one conversation on any node.
 */
@Component
class UsedSignatures {

    private static final String PREFIX = "loket:gateway:customer-signature:";

    private final StringRedisTemplate redis;

    UsedSignatures(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True the first time {@code signature} is seen within {@code window}. */
    boolean firstUse(String signature, Duration window) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(PREFIX + signature, "1", window));
    }
}

package nl.loket.insight;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/**
 * Customer satisfaction: the one question the widget asks when a chat has ended (1 to 5, an optional
 * comment). Stored with the conversation under {@code loket:insight:{c:id}:csat}, with its retention; the
 * first answer counts (a resend changes nothing). Counted by who handled the chat, never by agent: nobody
 * sees a score next to the agent or the customer it belongs to.
 */
@Service
public class Satisfaction {

    public static final int MAX_COMMENT = 1000;

    /** What became of a customer's answer. */
    public enum Recorded {
        STORED, ALREADY_ANSWERED, NOT_ENDED, UNKNOWN_CONVERSATION
    }

    /** A stored answer. */
    public record Score(int score, String comment, String handled) {
    }

    /** Published after a customer's first answer was stored: the day's counters take it in. */
    record Rated(String conversationId) {
    }

    /** The first answer only, with its TTL in the same step: no moment without one. */
    private static final RedisScript<Long> FIRST_ANSWER = RedisScript.of("""
            if redis.call('HSETNX', KEYS[1], 'score', ARGV[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'handled', ARGV[2], 'at', ARGV[3], 'comment', ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final Conversations conversations;
    private final MeterRegistry meters;
    private final Duration retention;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Satisfaction(StringRedisTemplate redis, Conversations conversations, MeterRegistry meters,
            ConversationProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.redis = redis;
        this.conversations = conversations;
        this.meters = meters;
        this.retention = properties.retention();
        this.clock = clock;
    }

    static String key(String conversationId) {
        return Conversations.moduleKey("insight", conversationId, ":csat");
    }

    /** Records the answer to the question; {@code comment} may be null. */
    public Recorded record(String conversationId, int score, String comment) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a score is 1 to 5");
        }
        Optional<Conversation> conversation = conversations.find(conversationId);
        if (conversation.isEmpty()) {
            return Recorded.UNKNOWN_CONVERSATION;
        }
        if (conversation.get().status() != ConversationStatus.CLOSED) {
            return Recorded.NOT_ENDED;
        }
        String handled = Handled.by(conversations.eventsAfter(conversationId, 0));
        Long stored = redis.execute(FIRST_ANSWER, List.of(key(conversationId)), Integer.toString(score), handled,
                Long.toString(clock.millis()), comment == null ? "" : comment.strip(),
                Long.toString(retention.toMillis()));
        if (stored == null || stored == 0) {
            return Recorded.ALREADY_ANSWERED;
        }
        DistributionSummary.builder("loket.csat")
                .description("Customer satisfaction scores (1-5) by who handled the chat: bot alone, or a person")
                .serviceLevelObjectives(1, 2, 3, 4, 5).tag("handled", handled).register(meters).record(score);
        events.publishEvent(new Rated(conversationId));
        return Recorded.STORED;
    }

    /** The stored answer of a conversation, if its customer gave one. */
    public Optional<Score> of(String conversationId) {
        Map<Object, Object> hash = redis.opsForHash().entries(key(conversationId));
        if (!hash.containsKey("score") || !hash.containsKey("handled")) {
            return Optional.empty();
        }
        return Optional.of(new Score(Integer.parseInt(hash.get("score").toString()),
                String.valueOf(hash.getOrDefault("comment", "")), hash.get("handled").toString()));
    }
}

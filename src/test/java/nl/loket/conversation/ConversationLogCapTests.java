package nl.loket.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** A conversation's log is capped (XADD MAXLEN ~), so one chatty client cannot grow a stream without end. */
class ConversationLogCapTests {

    private final StringRedisTemplate redis = redis();
    private final ConversationStore store = new ConversationStore(redis, JsonMapper.builder().build(),
            new Binder(new MapConfigurationPropertySource(Map.of("loket.conversation.max-events", "100")))
                    .bindOrCreate("loket.conversation", ConversationProperties.class));

    @Test
    void keepsAboutTheConfiguredNumberOfEventsAndTheNewestOnes() {
        String id = UUID.randomUUID().toString();
        store.create(new Conversation(id, ConversationStatus.BOT, "nl", null, null, Instant.EPOCH, 0,
                new Holder.Bot()), "hash");

        for (int i = 1; i <= 1000; i++) {
            store.append(id, new ConversationEvent.CustomerMessage("vraag " + i, "m-" + i), "", null, "",
                    Instant.EPOCH.plusSeconds(i), RoutingLeases.RouteNote.NONE);
        }

        Long length = redis.opsForStream().size(ConversationKeys.of(id).log());
        // approximate trimming drops whole blocks of (by default) 100 entries: at least 100 stay, never all 1000
        assertThat(length).isBetween(100L, 300L);
        List<ConversationEvent> kept = store.eventsAfter(id, 0, Long.MAX_VALUE);
        assertThat(kept).hasSize(length.intValue());
        assertThat(kept.getLast().seq()).isEqualTo(1000);
        assertThat(kept.getLast().text()).isEqualTo("vraag 1000");
        assertThat(kept.getFirst().seq()).isEqualTo(1000 - length + 1);
    }

    private static StringRedisTemplate redis() {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestRedis.start()));
        factory.afterPropertiesSet();
        return new StringRedisTemplate(factory);
    }
}

package nl.loket.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.JsonNode;

class ConversationLogIntegrationTests extends LoketIntegrationTest {

    @Autowired
    Conversations conversations;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void numbersConcurrentAppendsFromTenSocketsWithoutGapsOrDuplicates() throws Exception {
        JsonNode welcome;
        try (ChatClient owner = connect()) {
            welcome = owner.hello(Map.of("lang", "en"));
        }
        String id = welcome.path("conversationId").asString();
        String token = welcome.path("token").asString();
        int senders = 10;
        int perSender = 100;

        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    try (ChatClient chat = connect()) {
                        chat.hello(Map.of("conversationId", id, "token", token, "lastSeq", 0));
                        for (int m = 0; m < perSender; m++) {
                            chat.send(Map.of("type", "message", "clientMsgId", sender + "-" + m, "text",
                                    "sender " + sender + " message " + m));
                        }
                        for (int m = 0; m < perSender; m++) {
                            chat.awaitType("ack");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        List<ConversationEvent> log = awaitLogOfAtLeast(id, senders * perSender * 2);
        assertThat(log).extracting(ConversationEvent::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(log).filteredOn(ConversationEvent.CustomerMessage.class::isInstance).hasSize(senders * perSender)
                .extracting(e -> ((ConversationEvent.CustomerMessage) e).clientMsgId()).doesNotHaveDuplicates();

        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            long lastSeq = random.nextLong(log.size());
            try (ChatClient resumed = connect()) {
                resumed.hello(Map.of("conversationId", id, "token", token, "lastSeq", lastSeq));
                resumed.awaitEvent(e -> e.path("seq").asLong() == log.size());
                assertThat(resumed.events()).extracting(e -> e.path("seq").asLong())
                        .as("replay after %d", lastSeq)
                        .containsExactlyElementsOf(log.subList((int) lastSeq, log.size()).stream()
                                .map(ConversationEvent::seq).toList());
                assertThat(resumed.events()).extracting(e -> e.path("text").asString())
                        .containsExactlyElementsOf(log.subList((int) lastSeq, log.size()).stream()
                                .map(ConversationEvent::text).toList());
            }
        }
    }

    @Test
    void keepsOnlyAHashOfTheTokenAndExpiresEveryKeyOfTheConversation() {
        StartedConversation started = conversations.start("nl", "https://example.nl/help", null);
        String id = started.conversation().id();
        conversations.appendCustomerMessage(id, "m1", "hallo");
        conversations.recordFeedback(id, 1, true);
        conversations.appendFromBot(id, new ConversationEvent.BotMessage("hoi", null, null, null, null));
        conversations.recordFeedback(id, 2, true);

        var keys = redis.keys("loket:conversation:{c:" + id + "}:*");
        assertThat(keys).hasSize(5).allMatch(k -> k.contains("{c:" + id + "}"));
        for (String key : keys) {
            assertThat(redis.getExpire(key)).as("TTL of %s", key).isBetween(29L * 24 * 3600, 30L * 24 * 3600);
        }
        Map<Object, Object> meta = redis.opsForHash().entries("loket:conversation:{c:" + id + "}:meta");
        assertThat(meta.values()).noneMatch(v -> v.toString().contains(started.token()));
        assertThat(conversations.tokenMatches(id, started.token())).isTrue();
        assertThat(conversations.tokenMatches(id, started.token() + "x")).isFalse();
    }

    @Test
    void refusesBotEventsUnlessTheStatusIsBot() {
        String id = conversations.start("en", null, null).conversation().id();
        var queued = new ConversationEvent.StatusChange(0, null, ConversationStatus.QUEUED, null, null, 1, null, Map.of());
        assertThat(conversations.changeStatus(id, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                queued)).isInstanceOf(AppendResult.Stored.class);

        AppendResult bot = conversations.appendFromBot(id, new ConversationEvent.BotMessage("hi", null, null, null, null));

        assertThat(bot).isEqualTo(new AppendResult.StatusRefused(ConversationStatus.QUEUED));
        assertThat(conversations.changeStatus(id, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                queued)).as("a second node making the same move loses").isInstanceOf(AppendResult.StatusRefused.class);
        assertThat(conversations.eventsAfter(id, 0)).extracting(ConversationEvent::kind)
                .containsExactly(EventKind.STATUS);
    }

    @Test
    void theAppendScriptRefusesAStatusWithoutItsHolderAndWritesNothing() {
        String id = conversations.start("nl", null, null).conversation().id();
        var keys = ConversationKeys.of(id);
        var script = RedisScript.of(new ClassPathResource("scripts/conversation-append.lua"), List.class);
        String event = "{\"kind\":\"STATUS\"}";

        for (List<String> holder : List.of(List.of("AGENT", "algemeen", ""), List.of("QUEUED", "", ""),
                List.of("QUEUED", "", "anna"), List.of("AGENT", "", ""), List.of("BOT", "algemeen", ""), List.of("CLOSED", "", "anna"))) {
            List<?> reply = redis.execute(script, keys.forAppend(), event, "", "", "60000", ConversationKeys.NODE_CHANNEL_PREFIX,
                    id, holder.get(0), holder.get(1), holder.get(2), "1", "");
            assertThat(reply.getFirst()).as("%s", holder).isEqualTo(-3L);
        }

        assertThat(redis.opsForHash().entries(keys.meta())).containsEntry("status", "BOT").containsEntry("seq", "0");
        assertThat(conversations.eventsAfter(id, 0)).isEmpty();
    }

    @Test
    void anAgentsMoveIsRefusedOnceAnotherAgentHoldsTheChat() {
        String id = conversations.start("nl", null, null).conversation().id();
        conversations.changeStatus(id, Transition.of(ConversationStatus.BOT, new Holder.Queue("algemeen")),
                new ConversationEvent.StatusChange(0, null, ConversationStatus.QUEUED, null, null, 1, null, Map.of()));
        conversations.changeStatus(id, Transition.of(ConversationStatus.QUEUED, new Holder.Agent("bram", "algemeen")),
                new ConversationEvent.StatusChange(0, null, ConversationStatus.AGENT, null, "bram", null, null, Map.of()));
        var close = new ConversationEvent.StatusChange(0, null, ConversationStatus.CLOSED, null, "anna", null, null, Map.of());

        assertThat(conversations.changeStatus(id, Transition.byAgent("anna", new Holder.Closed()), close))
                .isEqualTo(new AppendResult.StatusRefused(ConversationStatus.AGENT));
        assertThat(conversations.find(id).orElseThrow().holder()).isEqualTo(new Holder.Agent("bram", "algemeen"));
        assertThat(conversations.changeStatus(id, Transition.byAgent("bram", new Holder.Closed()), close))
                .isInstanceOf(AppendResult.Stored.class);
    }

    /** Every message is routed (FAQ match, triggers) before its answer lands: allow a slow CI machine a minute. */
    private List<ConversationEvent> awaitLogOfAtLeast(String id, int size) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            List<ConversationEvent> log = conversations.eventsAfter(id, 0);
            if (log.size() >= size) {
                return log;
            }
            Thread.sleep(20);
        }
        return conversations.eventsAfter(id, 0);
    }
}

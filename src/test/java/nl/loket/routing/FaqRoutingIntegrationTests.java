package nl.loket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.loket.ChatClient;
import nl.loket.TestRedis;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // no actions: the test FAQ's entries alone, so an action's phrases cannot take a question from it
        properties = {"loket.faq.dir=src/test/resources/faq-fixture", "loket.actions.dir=target/no-actions"})
class FaqRoutingIntegrationTests {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedis.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Router router;

    @Autowired
    Conversations conversations;

    @Autowired
    StringRedisTemplate redis;

    private ChatClient connect() {
        ChatClient chat = ChatClient.connect(port);
        chat.hello(Map.of("lang", "nl"));
        return chat;
    }

    /** Sends a message and returns the next event the bot or the system wrote. */
    private static JsonNode ask(ChatClient chat, String id, String text) {
        chat.send(Map.of("type", "message", "clientMsgId", id, "text", text));
        return reply(chat);
    }

    private static JsonNode reply(ChatClient chat) {
        return chat.awaitEvent(e -> e.path("author").asString().matches("bot|system"));
    }

    @Test
    void answersAConfidentQuestionFromTheFaqWithItsSource() {
        try (ChatClient chat = connect()) {
            JsonNode answer = ask(chat, "m1", "hoe geef ik de stand van de meter door");
            assertThat(answer.path("tier").asString()).isEqualTo("faq");
            assertThat(answer.path("text").asString()).contains("**meterstand**");
            assertThat(answer.path("sources").get(0).path("id").asString()).isEqualTo("meterstand-doorgeven");
            assertThat(answer.path("sources").get(0).path("title").asString()).isEqualTo("Meterstand doorgeven");
        }
    }

    @Test
    void asksWhichEntryIsMeantAndAnswersTheChosenOne() {
        try (ChatClient chat = connect()) {
            JsonNode question = ask(chat, "c1", "termijnbedrag aanpassen");
            assertThat(question.path("tier").asString()).isEqualTo("faq");
            assertThat(question.path("quickReplies")).hasSize(2);
            String choice = question.path("quickReplies").get(1).path("value").asString();
            JsonNode answer = ask(chat, "c2", choice);
            assertThat(answer.path("sources").get(0).path("id").asString()).startsWith("termijnbedrag-");
        }
    }

    @Test
    void handsOverWhenTheEntrySaysSoAndFallsThroughWhenNotConfident() {
        try (ChatClient chat = connect()) {
            JsonNode answer = ask(chat, "h1", "ik wil een klacht indienen");
            assertThat(answer.path("sources").get(0).path("id").asString()).isEqualTo("klacht");
            assertThat(reply(chat).path("kind").asString()).isEqualTo("notice");
            JsonNode fallback = ask(chat, "h2", "wat is de hoofdstad van Peru");
            assertThat(fallback.has("tier")).isFalse();
            assertThat(fallback.path("sources").isMissingNode() || fallback.path("sources").isEmpty()).isTrue();
        }
    }

    @Test
    void anFaqAnswerCostsFiveScriptCallsAndReadsNoLog() {
        routeOneQuestion(); // the scripts are loaded into Redis once
        Map<String, Long> before = commandCalls();

        String id = routeOneQuestion();

        Map<String, Long> after = commandCalls();
        long scripts = delta(before, after, "evalsha") + delta(before, after, "eval");
        // the routing index entry is a script too: its time is the Redis server's, like the lease's
        assertThat(scripts).as("the routing index entry, the customer's message, then the router's read, the answer "
                + "and what it remembers").isEqualTo(5);
        for (String logRead : List.of("xrange", "xrevrange", "xread")) {
            assertThat(delta(before, after, logRead)).as("%s, also inside the scripts", logRead).isZero();
        }
        assertThat(conversations.eventsAfter(id, 0)).extracting(e -> e instanceof ConversationEvent.BotMessage m ? m.tier() : null)
                .containsExactly(null, "faq");
    }

    @Test
    void aThumbsDownTakenBackNoLongerCountsTowardsAHandover() {
        String id = conversations.start("nl", null, null).conversation().id();
        long first = answered(id, "f1", "hoe geef ik de stand van de meter door");
        long second = answered(id, "f2", "termijnbedrag aanpassen");

        router.customerGaveFeedback(id, first, false);
        router.customerGaveFeedback(id, first, true);
        router.customerGaveFeedback(id, second, false);
        Awaitility.await().until(() -> redis.opsForHash().hasKey(RoutingMemory.key(id), "u:" + second));
        assertThat(redis.opsForHash().get(RoutingMemory.key(id), "unhelpful")).isEqualTo("1");
        assertThat(conversations.find(id).orElseThrow().status()).isEqualTo(ConversationStatus.BOT);
        assertThat(conversations.eventsAfter(id, 0)).noneMatch(e -> e.kind() == EventKind.NOTICE);

        router.customerGaveFeedback(id, first, false);

        Awaitility.await().until(() -> conversations.eventsAfter(id, 0).stream()
                .anyMatch(e -> e.kind() == EventKind.NOTICE && "unhelpful_answers".equals(ConversationEvent.attribute(e, "reason"))));
    }

    /** Routes a customer message and returns the seq of the bot's reply to it. */
    private long answered(String id, String clientMsgId, String text) {
        long asked = conversations.appendCustomerMessage(id, clientMsgId, text).stored().orElseThrow().seq();
        router.customerSaid(id, conversations.eventsAfter(id, asked - 1).getFirst());
        return Awaitility.await().until(() -> conversations.eventsAfter(id, asked).stream()
                .filter(e -> e.author() == Author.BOT).findFirst(), java.util.Optional::isPresent).orElseThrow().seq();
    }

    private String routeOneQuestion() {
        String id = conversations.start("nl", null, null).conversation().id();
        var stored = conversations.appendCustomerMessage(id, "m1", "hoe geef ik de stand van de meter door");
        router.customerSaid(id, stored.stored().orElseThrow());
        Awaitility.await().until(() -> Boolean.TRUE.equals(redis.hasKey(RoutingMemory.key(id))));
        return id;
    }

    private Map<String, Long> commandCalls() {
        Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        Map<String, Long> calls = new HashMap<>();
        stats.forEach((key, value) -> {
            Matcher m = Pattern.compile("calls=(\\d+)").matcher(value.toString());
            if (key.toString().startsWith("cmdstat_") && m.find()) {
                calls.put(key.toString().substring("cmdstat_".length()), Long.parseLong(m.group(1)));
            }
        });
        return calls;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String command) {
        return after.getOrDefault(command, 0L) - before.getOrDefault(command, 0L);
    }
}

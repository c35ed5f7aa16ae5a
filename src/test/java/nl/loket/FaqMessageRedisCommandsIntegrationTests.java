package nl.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What one FAQ-answered customer message costs in Redis, end to end: from the socket's frame through
 * the budget, the append, routing, the FAQ answer and the fan-out back to the socket. Counted with
 * {@code MONITOR} (every command that mentions the conversation), so a change that adds a round trip to
 * the message path fails here; docs/benchmarks.md ("Message path") has the same count under load.
 */
class FaqMessageRedisCommandsIntegrationTests extends LoketIntegrationTest {

    @Test
    void anFaqAnsweredMessageCostsTheseRedisRoundTrips() {
        try (RedisMonitor monitor = RedisMonitor.start(); ChatClient chat = connect()) {
            String id = chat.hello(Map.of("lang", "nl")).path("conversationId").asString();
            // the first message loads the scripts into Redis and the conversation's routing memory: not counted
            ask(chat, monitor, id, 1, "Hoe geef ik mijn meterstand door?");
            int mark = monitor.mark();

            JsonNode answer = ask(chat, monitor, id, 2, "Waar vul ik mijn meterstanden in?");

            assertThat(answer.path("tier").asString()).isEqualTo("faq");
            List<String> lines = monitor.since(mark, id).stream().filter(l -> !renewsTheView(l, id)).toList();
            Map<String, Long> roundTrips = count(lines.stream().filter(RedisMonitor::fromClient).toList());
            assertThat(roundTrips).as("round trips of one FAQ message (MONITOR: %s)", lines).isEqualTo(new TreeMap<>(Map.of(
                    // the conversation's message budget (one script), the routing index before the append (durable
                    // routing), the customer's append, the router's one read, the bot's append, the action linked
                    // to the answer offered with it (ActionLedger), what the router remembers
                    "evalsha", 7L)));
            // inside the scripts: budget 3, routing index 1, customer append 14 (with the view registry's ZRANGE
            // and one PUBLISH: one node holds a view), read 3, bot append 12, action offer 2, memory 4
            long inScripts = lines.stream().filter(l -> !RedisMonitor.fromClient(l)).count();
            assertThat(inScripts).as("commands the scripts ran").isEqualTo(39);
        }
    }

    /** Sends the conversation's {@code nth} message; waits until it is answered and the router has remembered it. */
    private static JsonNode ask(ChatClient chat, RedisMonitor monitor, String id, int nth, String text) {
        chat.send(Map.of("type", "message", "clientMsgId", "m" + nth, "text", text));
        JsonNode answer = chat.awaitEvent(e -> e.path("author").asString().equals("bot"));
        // the router remembers a message after its answer, and that script renews the memory's TTL last
        Awaitility.await().until(() -> monitor.since(0, "\"loket:routing:{c:" + id + "}\"").stream()
                .filter(l -> !RedisMonitor.fromClient(l) && RedisMonitor.command(l).equals("pexpire")).count() >= nth);
        return answer;
    }

    /**
     * The node renews its view registration on a timer of its own, not per message: its script call
     * (the registry its only key) and what that script runs; the appends only read the registry.
     */
    private static boolean renewsTheView(String line, String id) {
        String registry = "\"loket:conversation:{c:" + id + "}:views\"";
        return line.contains("\"1\" " + registry)
                || !RedisMonitor.fromClient(line) && line.contains(registry)
                        && !(RedisMonitor.command(line).equals("zrange") && line.contains(registry + " \"0\" \"-1\""));
    }

    private static Map<String, Long> count(List<String> lines) {
        return lines.stream().collect(Collectors.groupingBy(RedisMonitor::command, TreeMap::new, Collectors.counting()));
    }
}

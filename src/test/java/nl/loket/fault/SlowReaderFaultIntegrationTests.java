package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import nl.loket.ChatClient;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer whose client stops reading (a raw socket with a tiny receive buffer that never reads
 * again) while its conversation gets megabytes of events: the node holds a bounded backlog for it,
 * then drops the socket (with close code 4000 "resume" when there is room for it; here there is
 * none, so the connection is reset), and the client resumes from the last event it read with no
 * gap. Another view of the same conversation gets every event meanwhile, not held up.
 */
class SlowReaderFaultIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EVENTS = 2500;
    static final ConfigurableApplicationContext node = FaultNodes.shared().node();

    @Test
    void aClientThatStopsReadingIsDroppedAndToldToResumeWhileOthersGetEverything() throws Exception {
        int port = FaultNodes.port(node);
        try (RawWebSocket slow = RawWebSocket.open(port, "/ws/chat", null)) {
            slow.sendText("{\"type\":\"hello\",\"lang\":\"nl\"}");
            JsonNode welcome = JSON.readTree(slow.read().text());
            String id = welcome.path("conversationId").asString();
            double openBefore = openSockets();
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();

            try (var reader = ChatClient.connect(port)) {
                reader.hello(Map.of("conversationId", id, "token", welcome.path("token").asString()));
                Conversations conversations = node.getBean(Conversations.class);
                String text = "x".repeat(3000);
                for (int i = 1; i <= EVENTS; i++) {
                    conversations.appendNotice(id, new ConversationEvent.Notice(text + i, List.of(), Map.of()));
                }
                FaultSupport.injected("a client that stopped reading (4 KiB receive buffer), while " + EVENTS
                        + " events of 3 KB each (" + EVENTS * 3 / 1000 + " MB) went to its conversation");
                reader.awaitEvent(e -> e.path("seq").asLong() == EVENTS);
                // the slow view was let go as soon as its backlog passed the bound, not when a write timed out
                double views = gauge("loket.conversation.subscriptions");
                FaultSupport.await("the node dropped the slow socket", () -> openSockets() < openBefore + 1);
                System.gc();
                long heapGrowth = (runtime.totalMemory() - runtime.freeMemory() - heapBefore) / 1024 / 1024;

                // now read what reached the slow client before the node let go of it
                RawWebSocket.Frame last = null;
                long lastSeq = 0;
                try {
                    for (var f = slow.read(); f != null && !f.isClose(); f = slow.read()) {
                        last = f;
                        lastSeq = Math.max(lastSeq, JSON.readTree(f.text()).path("seq").asLong());
                    }
                } catch (IOException e) {
                    last = null; // reset after the buffered frames: no room was left for a close frame
                }
                // and resume, as the widget does on any close
                try (var resumed = ChatClient.connect(port)) {
                    resumed.hello(Map.of("conversationId", id, "token", welcome.path("token").asString(),
                            "lastSeq", lastSeq));
                    resumed.awaitEvent(e -> e.path("seq").asLong() == EVENTS);
                    List<Long> replayed = FaultSupport.seqs(resumed);
                    FaultSupport.found("the other view got all " + EVENTS + " events at once; the slow socket was "
                            + "dropped with #" + lastSeq + " the last event that reached it" + (last == null
                            ? " (connection reset)" : "") + "; resuming replayed #" + replayed.getFirst() + "..#"
                            + replayed.getLast() + "; live views when the other had everything: " + views + "; heap after GC grew "
                            + heapGrowth + " MiB");
                    assertThat(lastSeq).as("the node stopped sending long before the end").isLessThan(EVENTS);
                    assertThat(views).as("live views once the other one had everything").isEqualTo(1);
                    assertThat(replayed).containsExactlyElementsOf(
                            LongStream.rangeClosed(lastSeq + 1, EVENTS).boxed().toList());
                }
            }
        }
    }

    private double openSockets() {
        return node.getBean(MeterRegistry.class).get("loket.sockets.open").tag("channel", "chat").gauge().value();
    }

    private double gauge(String name) {
        return node.getBean(MeterRegistry.class).get(name).gauge().value();
    }
}

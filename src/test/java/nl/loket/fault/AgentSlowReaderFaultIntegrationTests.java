package nl.loket.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nl.loket.ChatClient;
import nl.loket.console.Clients;
import nl.loket.console.Frames;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A supervisor's console that stops reading while a chat it follows gets megabytes of events: the
 * node lets go of the agent socket once its backlog passes the bound, as it does for a customer,
 * instead of queueing without end or going silent on an open socket. The customer's view gets every
 * event meanwhile, and the console resumes with {@code open} from the last event it read, with no gap.
 */
class AgentSlowReaderFaultIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EVENTS = 2500;
    static final ConfigurableApplicationContext node = FaultNodes.shared().node();

    @Test
    void aConsoleThatStopsReadingIsDroppedAndResumesWithoutAGap() throws Exception {
        int port = FaultNodes.port(node);
        String cookie = Clients.sessionCookie("http://localhost:" + port, "sanne", "demo");
        try (ChatClient customer = ChatClient.connect(port);
                RawWebSocket slow = RawWebSocket.open(port, "/ws/agent", cookie)) {
            String id = customer.hello(Map.of("lang", "nl")).path("conversationId").asString();
            assertThat(JSON.readTree(slow.read().text()).path("type").asString()).isEqualTo("welcome");
            slow.sendText("{\"type\":\"open\",\"conversationId\":\"" + id + "\"}");
            FaultSupport.await("the console follows the chat", () -> gauge("loket.conversation.subscriptions") >= 2);
            double agentsBefore = openSockets();

            Conversations conversations = node.getBean(Conversations.class);
            String text = "x".repeat(3000);
            for (int i = 1; i <= EVENTS; i++) {
                conversations.appendNotice(id, new ConversationEvent.Notice(text + i, List.of(), Map.of()));
            }
            FaultSupport.injected("a console that stopped reading (4 KiB receive buffer) following a chat that got "
                    + EVENTS + " events of 3 KB each (" + EVENTS * 3 / 1000 + " MB)");
            customer.awaitEvent(e -> e.path("seq").asLong() == EVENTS);
            FaultSupport.await("the node dropped the slow console", () -> openSockets() < agentsBefore);
            // the socket leaves the gauge before its views are closed: wait for them, a while at most
            FaultSupport.await("the console's view closed", () -> gauge("loket.conversation.subscriptions") <= 1);
            double views = gauge("loket.conversation.subscriptions");

            long lastSeq = lastSeqRead(slow, id);
            try (var console = new Frames("ws://localhost:" + port + "/ws/agent", cookie)) {
                console.await("welcome");
                console.send("type", "open", "conversationId", id, "lastSeq", lastSeq);
                JsonNode end = console.await("event #" + EVENTS, f -> f.path("seq").asLong() == EVENTS);
                List<Long> replayed = Stream.concat(console.drain().stream(), Stream.of(end))
                        .filter(f -> "event".equals(f.path("type").asString())).map(f -> f.path("seq").asLong())
                        .toList();
                FaultSupport.found("the customer got all " + EVENTS + " events; the console was dropped with #"
                        + lastSeq + " the last event that reached it; live views then: " + views
                        + "; resuming replayed #" + replayed.getFirst() + "..#" + replayed.getLast());
                assertThat(lastSeq).as("the node stopped sending long before the end").isLessThan(EVENTS);
                assertThat(views).as("live views once the customer had everything").isEqualTo(1);
                assertThat(replayed).containsExactlyElementsOf(
                        LongStream.rangeClosed(lastSeq + 1, EVENTS).boxed().toList());
            }
        }
    }

    /** Reads what reached the stopped console before the node let go of it: the last event's seq. */
    private static long lastSeqRead(RawWebSocket slow, String id) {
        long lastSeq = 0;
        try {
            for (var f = slow.read(); f != null && !f.isClose(); f = slow.read()) {
                JsonNode frame = JSON.readTree(f.text());
                if ("event".equals(frame.path("type").asString()) && id.equals(frame.path("conversationId").asString())) {
                    lastSeq = Math.max(lastSeq, frame.path("seq").asLong());
                }
            }
        } catch (IOException e) {
            // reset after the buffered frames: no room was left for a close frame
        }
        return lastSeq;
    }

    private double openSockets() {
        return node.getBean(MeterRegistry.class).get("loket.sockets.open").tag("channel", "console").gauge().value();
    }

    private double gauge(String name) {
        return node.getBean(MeterRegistry.class).get(name).gauge().value();
    }
}

package nl.loket.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import nl.loket.ChatClient;
import nl.loket.TestClock;
import nl.loket.console.Clients;
import nl.loket.console.Frames;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.llm.OpenAiWire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A node killed with SIGKILL while customers and an agent are connected to it, one of its
 * acknowledged messages still waiting for the model: everyone reconnects to the other node and
 * carries on with no gap and no duplicate, and that message is answered, once, by the other node.
 * Node A runs in a JVM of its own (so it can really be killed), node B in this one.
 */
class NodeKilledFaultIntegrationTests {

    private static final String QUESTION = "Mag mijn kat op de meterkast slapen?";
    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final TestClock CLOCK = new TestClock(TestClock.MONDAY_10);
    static FaultRedis redis;
    static KillableNode a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        MODEL.start();
        // the model takes longer than the test: node A's answer is in flight when A dies
        MODEL.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(OpenAiWire.sse(
                OpenAiWire.stream(List.of("Te laat."))).withFixedDelay(30_000)));
        redis = new FaultRedis("node-killed");
        var startingA = CompletableFuture.supplyAsync(() -> KillableNode.start("node-a", CLOCK.instant(),
                FaultNodes.properties(redis, "loket.llm.base-url=" + MODEL.baseUrl() + "/v1",
                        "loket.llm.timeouts.first-token=60s", "loket.llm.timeouts.total=90s",
                        "loket.llm.retry.max-attempts=1")));
        // node B (started meanwhile) has no model: what it answers for A ends in the honest fallback
        b = FaultNodes.start("node-b", CLOCK, FaultNodes.properties(redis));
        a = startingA.join();
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        redis.close();
        MODEL.stop();
    }

    @Test
    void customersAndAnAgentCarryOnOnTheOtherNodeAndTheMessageInFlightIsAnsweredOnce() {
        int portB = FaultNodes.port(b);
        // on node A: anna holds a chat with one customer ...
        var annaOnA = agent(a.port);
        var held = ChatClient.connect(a.port);
        JsonNode heldWelcome = held.hello(Map.of("lang", "nl"));
        String heldId = heldWelcome.path("conversationId").asString();
        say(held, "h1", "Kan ik een medewerker spreken?");
        held.awaitEvent(FaultSupport::fromBot);
        say(held, "h2", "12345678");
        held.awaitEvent(e -> "queued".equals(e.path("status").asString()));
        annaOnA.send("type", "accept", "conversationId", heldId);
        annaOnA.await("accepted");
        annaOnA.send("type", "message", "conversationId", heldId, "clientMsgId", "a1", "text", "Goedemorgen!");
        held.awaitEvent(e -> "Goedemorgen!".equals(e.path("text").asString()));
        // ... and another customer's question waits for the model
        var asking = ChatClient.connect(a.port);
        JsonNode askingWelcome = asking.hello(Map.of("lang", "nl"));
        String askingId = askingWelcome.path("conversationId").asString();
        long question = say(asking, "q1", QUESTION);
        FaultSupport.await("node A asked the model", () -> !MODEL.findAll(postRequestedFor(
                urlEqualTo("/v1/chat/completions")).withRequestBody(containing("meterkast"))).isEmpty());

        a.kill();
        FaultSupport.injected("SIGKILL to node A (pid " + a.pid() + ") with customer message #" + question + " of "
                + askingId + " acknowledged and its model call in flight, and agent anna in a chat with " + heldId);

        // everyone reconnects to node B, from the last seq they saw
        var askingOnB = resume(portB, askingWelcome, asking);
        // node B answers once A's routing lease has run out (A stopped renewing it)
        JsonNode answer = askingOnB.awaitEvent(FaultSupport::fromBot);
        var annaOnB = agent(portB);
        annaOnB.send("type", "open", "conversationId", heldId, "lastSeq", FaultSupport.lastSeq(agentEvents(annaOnA, heldId)));
        var heldOnB = resume(portB, heldWelcome, held);
        long later = say(heldOnB, "h3", "Ben je er nog?");
        long seenByAnna = annaOnB.await("the customer's message on node B", f -> "event".equals(
                f.path("type").asString()) && f.path("seq").asLong() == later).path("seq").asLong();
        annaOnB.send("type", "message", "conversationId", heldId, "clientMsgId", "a2", "text", "Ja, ik ben er nog.");
        heldOnB.awaitEvent(e -> "Ja, ik ben er nog.".equals(e.path("text").asString()));
        // a next question of the asking customer is answered after the one A left: nothing more for #question
        long next = say(askingOnB, "q2", "Hoe geef ik mijn meterstand door?");
        askingOnB.awaitEvent(e -> FaultSupport.fromBot(e) && e.path("seq").asLong() > next);

        List<ConversationEvent> log = b.getBean(Conversations.class).eventsAfter(askingId, 0);
        List<ConversationEvent> answers = log.stream().filter(e -> e.seq() > question && e.seq() < next
                && e.author() == Author.BOT).toList();
        FaultSupport.found("the message A left answered by node B as #" + answer.path("seq").asLong() + " ("
                + answers.size() + " answer); asking customer saw " + FaultSupport.seqs(asking, askingOnB)
                + ", held customer " + FaultSupport.seqs(held, heldOnB) + ", anna " + agentSeqs(annaOnA, annaOnB, heldId,
                seenByAnna));
        assertThat(answers).as("answers to #%d in %s", question, log).hasSize(1);
        assertThat(answer.path("seq").asLong()).isEqualTo(question + 1);
        assertGapless(FaultSupport.seqs(asking, askingOnB));
        assertGapless(FaultSupport.seqs(held, heldOnB));
        assertGapless(agentSeqs(annaOnA, annaOnB, heldId, seenByAnna));
    }

    private static Frames agent(int port) {
        var anna = new Frames("ws://localhost:" + port + "/ws/agent",
                Clients.sessionCookie("http://localhost:" + port, "anna", "demo"));
        anna.await("welcome");
        return anna;
    }

    private static ChatClient resume(int port, JsonNode welcome, ChatClient before) {
        before.close();
        var client = ChatClient.connect(port);
        client.hello(Map.of("conversationId", welcome.path("conversationId").asString(), "token",
                welcome.path("token").asString(), "lastSeq", FaultSupport.lastSeq(before.events())));
        return client;
    }

    private static long say(ChatClient client, String clientMsgId, String text) {
        client.send(Map.of("type", "message", "clientMsgId", clientMsgId, "text", text));
        return client.await("ack " + clientMsgId, f -> "ack".equals(f.path("type").asString())
                && clientMsgId.equals(f.path("clientMsgId").asString())).path("seq").asLong();
    }

    private static List<JsonNode> agentEvents(Frames agent, String conversationId) {
        return agent.drain().stream().filter(f -> "event".equals(f.path("type").asString())
                && conversationId.equals(f.path("conversationId").asString())).toList();
    }

    /** Every seq of the chat the agent received on both nodes ({@code awaited}: the one a test took out), sorted. */
    private static List<Long> agentSeqs(Frames onA, Frames onB, String conversationId, long awaited) {
        List<Long> seqs = new ArrayList<>(List.of(awaited));
        agentEvents(onA, conversationId).forEach(e -> seqs.add(e.path("seq").asLong()));
        agentEvents(onB, conversationId).forEach(e -> seqs.add(e.path("seq").asLong()));
        seqs.sort(null);
        return seqs;
    }

    private static void assertGapless(List<Long> seqs) {
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
    }
}

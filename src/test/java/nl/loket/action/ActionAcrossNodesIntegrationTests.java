package nl.loket.action;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.loket.action.ActionTestSupport.BACKEND;
import static nl.loket.action.ActionTestSupport.ask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.TwoNodes;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.Conversations;
import nl.loket.dialogue.DialoguePhase;
import nl.loket.dialogue.DialogueStep;
import nl.loket.dialogue.Dialogues;
import nl.loket.gateway.SignedCustomers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

class ActionAcrossNodesIntegrationTests {

    @Test
    void aConfirmationReachingTwoNodesIsSentOnce() {
        BACKEND.resetAll();
        BACKEND.stubFor(post("/api/meter-readings").willReturn(okJson(
                "{\"status\": \"accepted\", \"reference\": \"MR-2\"}").withFixedDelay(500)));
        try (TwoNodes nodes = new TwoNodes(ActionTestSupport.properties());
                ChatClient tabA = ChatClient.connect(nodes.portA());
                ChatClient tabB = ChatClient.connect(nodes.portB())) {
            JsonNode welcome = tabA.hello(Map.of("lang", "nl", "customer",
                    SignedCustomers.signed(nodes.a(), "C-1001", "Sanne de Vries", "sanne@example.nl")));
            String id = welcome.path("conversationId").asString();
            ask(tabA, "m0", "ik wil mijn meterstand doorgeven");
            ask(tabA, "m1", "Ja, graag");
            ask(tabA, "m2", "871685900001234567");
            ask(tabA, "m3", "12345");
            JsonNode summary = ask(tabA, "m4", "vandaag");
            tabB.hello(Map.of("conversationId", id, "token", welcome.path("token").asString(),
                    "lastSeq", summary.path("seq").asLong()));
            // what node B would have read had it taken the confirmation at the same moment as node A
            DialoguePhase confirming = nodes.b().getBean(Dialogues.class).phaseIn(nodes.b()
                    .getBean(StringRedisTemplate.class).<String, String>opsForHash().entries(Dialogues.key(id)))
                    .orElseThrow();
            Conversation conversation = nodes.b().getBean(Conversations.class).find(id).orElseThrow();

            tabA.send(Map.of("type", "message", "clientMsgId", "yes-a", "text", "Ja, versturen"));
            tabB.send(Map.of("type", "message", "clientMsgId", "yes-b", "text", "Ja, versturen"));
            var onB = nodes.b().getBean(ActionDialogue.class).finished(conversation,
                    new DialogueStep.Completed(confirming.dialogue(), confirming.answers()));

            assertThat(onB).isEmpty();
            JsonNode result = tabA.awaitEvent(e -> "action".equals(e.path("kind").asString()));
            assertThat(result.path("text").asString()).endsWith("MR-2.");
            tabB.awaitEvent(e -> "action".equals(e.path("kind").asString()));
            // node B's own "yes" may still be on its way through B's lane: whatever it does, nothing more is sent
            Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(10))
                    .until(() -> BACKEND.countRequestsMatching(postRequestedFor(urlEqualTo("/api/meter-readings"))
                            .build()).getCount() == 1);
            assertThat(tabA.events().stream().filter(e -> "action".equals(e.path("kind").asString()))).hasSize(1);
        }
        BACKEND.verify(1, postRequestedFor(urlEqualTo("/api/meter-readings")));
    }
}

package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ChatProtocolIntegrationTests extends LoketIntegrationTest {

    @Autowired
    Conversations conversations;

    @Test
    void startsAConversationWithTheDisclosureInItsLanguage() {
        try (ChatClient nl = connect(); ChatClient en = connect()) {
            JsonNode dutch = nl.hello(Map.of("lang", "nl"));
            JsonNode english = en.hello(Map.of("lang", "en"));

            assertThat(dutch.path("conversationId").asString()).isNotBlank();
            assertThat(dutch.path("token").asString()).hasSizeGreaterThanOrEqualTo(22);
            assertThat(dutch.path("status").asString()).isEqualTo("bot");
            assertThat(dutch.path("lastSeq").isNumber()).as("a new conversation has no history").isTrue();
            assertThat(dutch.path("lastSeq").asLong()).isZero();
            assertThat(dutch.path("disclosure").asString()).contains("digitale assistent").contains("medewerker");
            assertThat(english.path("disclosure").asString()).contains("automated assistant").contains("person");
            assertThat(dutch.path("conversationId").asString()).isNotEqualTo(english.path("conversationId").asString());
        }
    }

    @Test
    void acksAMessageStoresItAndAnswersInTheCustomersLanguage() {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "message", "clientMsgId", "m-1", "text", "Can you tell me the meaning of life?"));

            JsonNode ack = chat.awaitType("ack");
            assertThat(ack.path("clientMsgId").asString()).isEqualTo("m-1");
            JsonNode own = chat.awaitEvent(e -> e.path("author").asString().equals("customer"));
            assertThat(own.path("seq").asLong()).isEqualTo(ack.path("seq").asLong());
            assertThat(own.path("text").asString()).isEqualTo("Can you tell me the meaning of life?");
            assertThat(own.path("at").asString()).isNotBlank();
            JsonNode reply = chat.awaitEvent(e -> e.path("author").asString().equals("bot"));
            assertThat(reply.path("seq").asLong()).isEqualTo(own.path("seq").asLong() + 1);
            assertThat(reply.path("text").asString()).isNotBlank();
        }
    }

    @Test
    void storesAResentMessageOnceAndAcksItWithTheOriginalSeq() {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "nl"));
            var message = Map.of("type", "message", "clientMsgId", "same", "text", "hallo");
            chat.send(message);
            long first = chat.awaitType("ack").path("seq").asLong();
            chat.awaitEvent(e -> e.path("author").asString().equals("bot"));

            chat.send(message);
            long second = chat.awaitType("ack").path("seq").asLong();

            assertThat(second).isEqualTo(first);
            assertThat(chat.events().stream().filter(e -> e.path("author").asString().equals("customer")))
                    .hasSize(1);
        }
    }

    @Test
    void resumesWithTheTokenAndReplaysEveryLaterEventInOrder() {
        String id;
        String token;
        try (ChatClient first = connect()) {
            JsonNode welcome = first.hello(Map.of("lang", "nl"));
            id = welcome.path("conversationId").asString();
            token = welcome.path("token").asString();
            for (int i = 1; i <= 3; i++) {
                first.send(Map.of("type", "message", "clientMsgId", "c" + i, "text", "vraag " + i));
                first.awaitEvent(e -> e.path("author").asString().equals("bot"));
            }
        }
        try (ChatClient again = connect()) {
            JsonNode welcome = again.hello(Map.of("conversationId", id, "token", token, "lastSeq", 2));
            assertThat(welcome.has("token")).as("the token is only handed out once").isFalse();
            assertThat(welcome.path("conversationId").asString()).isEqualTo(id);
            assertThat(welcome.path("lastSeq").asLong()).as("the history the replay brings").isEqualTo(6);
            again.awaitEvent(e -> e.path("seq").asLong() == 6);
            assertThat(again.events()).extracting(e -> e.path("seq").asLong()).containsExactly(3L, 4L, 5L, 6L);
        }
    }

    @Test
    void refusesAWrongTokenAndAnUnknownConversation() {
        String id;
        try (ChatClient first = connect()) {
            id = first.hello(Map.of()).path("conversationId").asString();
        }
        try (ChatClient intruder = connect()) {
            intruder.send(Map.of("type", "hello", "conversationId", id, "token", "guess"));
            intruder.awaitError("forbidden");
            intruder.send(Map.of("type", "hello", "conversationId", id));
            intruder.awaitError("forbidden");
            intruder.send(Map.of("type", "hello", "conversationId", "00000000-0000-0000-0000-000000000000",
                    "token", "x"));
            intruder.awaitError("unknown_conversation");
            intruder.send(Map.of("type", "hello", "conversationId", "../../etc/passwd", "token", "x"));
            intruder.awaitError("unknown_conversation");
            assertThat(intruder.events()).isEmpty();
            assertThat(intruder.isOpen()).isTrue();
        }
    }

    @Test
    void answersBadFramesWithStableCodesAndKeepsTheConnectionOpen() {
        try (ChatClient chat = connect()) {
            chat.send(Map.of("type", "message", "clientMsgId", "x", "text", "too early"));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("hello");
            chat.hello(Map.of("lang", "en"));

            chat.sendRaw("this is not json");
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("JSON");
            chat.sendRaw("[1,2,3]");
            chat.awaitError("bad_frame");
            chat.send(Map.of("type", "shout"));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("unknown type");
            chat.send(Map.of("text", "no type"));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("type is required");
            chat.send(Map.of("type", "message", "text", "no id"));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("clientMsgId");
            chat.send(Map.of("type", "message", "clientMsgId", 42, "text", "wrong type"));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("must be a string");
            chat.send(Map.of("type", "message", "clientMsgId", "b", "text", "   "));
            chat.awaitError("bad_frame");
            chat.send(Map.of("type", "feedback", "seq", "one", "helpful", true));
            chat.awaitError("bad_frame");
            chat.send(Map.of("type", "feedback", "seq", 1, "helpful", "yes"));
            chat.awaitError("bad_frame");
            chat.send(Map.of("type", "hello", "lang", "en"));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("already");
            chat.send(Map.of("type", "hello", "lang", "de"));
            chat.awaitError("bad_frame");

            chat.send(Map.of("type", "message", "clientMsgId", "big", "text", "x".repeat(5000)));
            chat.awaitError("too_large");

            chat.send(Map.of("type", "message", "clientMsgId", "after", "text", "still here?"));
            assertThat(chat.awaitType("ack").path("clientMsgId").asString()).isEqualTo("after");
            assertThat(chat.isOpen()).isTrue();
            assertThat(chat.frames()).noneMatch(f -> f.toString().contains("Exception"));
        }
    }

    @Test
    void deliversStreamedPiecesInTheOrderTheyWereWritten() {
        try (ChatClient chat = connect()) {
            String id = chat.hello(Map.of("lang", "en")).path("conversationId").asString();
            for (int i = 0; i < 300; i++) {
                conversations.streamDelta(id, 1, "piece " + i + " ");
            }
            chat.await("last piece", f -> f.path("text").asString().equals("piece 299 "));

            assertThat(chat.frames()).filteredOn(f -> f.path("type").asString().equals("delta"))
                    .extracting(f -> f.path("text").asString())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300)
                            .mapToObj(i -> "piece " + i + " ").toList());
        }
    }

    @Test
    void aClientCannotChooseTheHandoverReasonOrQueue() {
        try (ChatClient chat = connect()) {
            String id = chat.hello(Map.of("lang", "nl")).path("conversationId").asString();
            chat.send(Map.of("type", "handover", "reason", "faq_handover:klachten"));
            chat.awaitEvent(e -> !e.path("author").asString().equals("customer"));

            assertThat(conversations.eventsAfter(id, 0)).isNotEmpty().allSatisfy(e -> {
                assertThat(ConversationEvent.attribute(e, "reason")).isEqualTo("customer_asked");
                assertThat(ConversationEvent.attribute(e, "queue")).isNotEqualTo("klachten");
            });
        }
    }

    @Test
    void measuresAFrameLimitInUtf8Bytes() {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of());
            // 1,500 euro signs are 1,500 characters but 4,500 bytes
            chat.send(Map.of("type", "message", "clientMsgId", "euro", "text", "€".repeat(1500)));
            chat.awaitError("too_large");
        }
    }

    @Test
    void storesFeedbackOnTheAnswerAndRefusesItOnOtherEvents() {
        try (ChatClient chat = connect()) {
            JsonNode welcome = chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "message", "clientMsgId", "q", "text", "something odd"));
            long answer = chat.awaitEvent(e -> e.path("author").asString().equals("bot")).path("seq").asLong();

            chat.send(Map.of("type", "feedback", "seq", answer - 1, "helpful", true));
            assertThat(chat.awaitError("bad_frame").path("message").asString()).contains("not an answer");
            chat.send(Map.of("type", "feedback", "seq", answer, "helpful", false));
            // frames of one socket are handled in order: once this is answered, the feedback is stored
            chat.send(Map.of("type", "barrier"));
            chat.awaitError("bad_frame");

            try (ChatClient later = connect()) {
                later.hello(Map.of("conversationId", welcome.path("conversationId").asString(), "token",
                        welcome.path("token").asString()));
                JsonNode replayed = later.awaitEvent(e -> e.path("seq").asLong() == answer
                        && e.has("helpful"));
                assertThat(replayed.path("helpful").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void closesTheConversationAndRefusesLaterMessages() {
        try (ChatClient chat = connect()) {
            chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "close"));
            JsonNode closed = chat.awaitEvent(e -> e.path("kind").asString().equals("status"));
            assertThat(closed.path("status").asString()).isEqualTo("closed");

            chat.send(Map.of("type", "message", "clientMsgId", "late", "text", "one more thing"));
            chat.awaitError("conversation_closed");
            chat.send(Map.of("type", "close"));
            chat.send(Map.of("type", "typing"));
            assertThat(chat.events()).filteredOn(e -> e.path("kind").asString().equals("status")).hasSize(1);
        }
    }

    @Test
    void keepsAnswersFlowingAfterTheCustomerDropsMidConversation() {
        JsonNode welcome;
        try (ChatClient chat = connect()) {
            welcome = chat.hello(Map.of("lang", "en"));
            chat.send(Map.of("type", "message", "clientMsgId", "before-drop", "text", "are you there"));
            chat.awaitType("ack");
            chat.drop();
        }
        try (ChatClient back = connect()) {
            back.hello(Map.of("conversationId", welcome.path("conversationId").asString(), "token",
                    welcome.path("token").asString(), "lastSeq", 0));
            back.awaitEvent(e -> e.path("author").asString().equals("bot"));
            assertThat(back.events()).extracting(e -> e.path("seq").asLong()).startsWith(1L, 2L);
        }
    }
}

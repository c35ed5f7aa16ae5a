package nl.loket.gateway;

import tools.jackson.databind.JsonNode;

/** What a customer client may send on {@code /ws/chat}; see docs/protocol.md. */
sealed interface ClientFrame {

    record Hello(String conversationId, String token, Long lastSeq, String lang, String page, JsonNode customer)
            implements ClientFrame {
    }

    record Message(String clientMsgId, String text) implements ClientFrame {
    }

    record Handover(String reason) implements ClientFrame {
    }

    record Typing() implements ClientFrame {
    }

    record Feedback(long seq, boolean helpful) implements ClientFrame {
    }

    record Close() implements ClientFrame {
    }
}

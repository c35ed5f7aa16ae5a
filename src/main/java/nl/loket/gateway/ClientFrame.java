package nl.loket.gateway;

/** What a customer client may send on {@code /ws/chat}; see docs/protocol.md. */
sealed interface ClientFrame {

    record Hello(String conversationId, String token, Long lastSeq, String lang, String page, Customer customer)
            implements ClientFrame {
    }

    /**
     * {@code hello.customer} as the host site sent it; every field may be null. {@code issuedAt} is kept
     * as the decimal text that was signed.
     */
    record Customer(String id, String name, String email, String issuedAt, String nonce, String signature) {
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

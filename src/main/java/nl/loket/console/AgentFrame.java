package nl.loket.console;

import nl.loket.handover.Presence;

/** What an agent's console may send on {@code /ws/agent}; see docs/console-protocol.md. */
sealed interface AgentFrame {

    /** A frame about one conversation: the access rules of {@link ConsoleAccess} apply to it. */
    sealed interface AboutChat extends AgentFrame {
        String conversationId();
    }

    record SetPresence(Presence status) implements AgentFrame {
    }

    record InboxRequest() implements AgentFrame {
    }

    record CallbacksRequest() implements AgentFrame {
    }

    record CallbackDone(String id) implements AgentFrame {
    }

    record CannedRequest() implements AgentFrame {
    }

    record Open(String conversationId, long lastSeq) implements AboutChat {
    }

    record Unsubscribe(String conversationId) implements AboutChat {
    }

    record PacketRequest(String conversationId) implements AboutChat {
    }

    record Accept(String conversationId) implements AboutChat {
    }

    /** A message to the customer, or with {@code note} an internal note only agents see. */
    record Write(String conversationId, String text, String clientMsgId, boolean note) implements AboutChat {
    }

    record Typing(String conversationId) implements AboutChat {
    }

    /** To another queue, or with {@code agent} to one colleague; {@code queue} null keeps the chat's queue. */
    record Transfer(String conversationId, String queue, String agent) implements AboutChat {
    }

    record HandBack(String conversationId) implements AboutChat {
    }

    record Close(String conversationId) implements AboutChat {
    }

    record Suggest(String conversationId) implements AboutChat {
    }
}

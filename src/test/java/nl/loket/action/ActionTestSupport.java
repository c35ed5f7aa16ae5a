package nl.loket.action;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import nl.loket.ChatClient;
import tools.jackson.databind.JsonNode;

/** The organisation's back-end as WireMock plays it, and the chat steps every action test takes. */
final class ActionTestSupport {

    static final WireMockServer BACKEND = new WireMockServer(options().dynamicPort());
    static final String TOKEN = "Bearer test-backend-token";

    static {
        BACKEND.start();
    }

    private ActionTestSupport() {
    }

    /** The properties that point the shipped actions' system {@code polder} at WireMock. */
    static String[] properties() {
        return new String[] {"loket.actions.systems.polder.base-url=" + BACKEND.baseUrl() + "/api",
            "loket.actions.systems.polder.headers.Authorization=" + TOKEN,
            "loket.gateway.customer-secret=test-customer-secret"};
    }

    /** Sends a message and returns the bot's next event (a message, an action result or a notice). */
    static JsonNode ask(ChatClient chat, String clientMsgId, String text) {
        chat.send(Map.of("type", "message", "clientMsgId", clientMsgId, "text", text));
        return reply(chat);
    }

    static JsonNode reply(ChatClient chat) {
        return chat.awaitEvent(e -> e.path("author").asString().matches("bot|system"));
    }

    static java.util.List<String> replies(JsonNode event) {
        java.util.List<String> values = new java.util.ArrayList<>();
        event.path("quickReplies").forEach(q -> values.add(q.path("value").asString()));
        return values;
    }
}

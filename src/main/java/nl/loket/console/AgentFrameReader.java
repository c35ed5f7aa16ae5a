package nl.loket.console;

import java.util.Locale;
import nl.loket.handover.Presence;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a text frame into an {@link AgentFrame}, or a {@link Refused} {@code bad_frame} that says what is wrong. */
@Component
class AgentFrameReader {

    static final int MAX_TEXT = 4000;
    private static final int MAX_ID = 100;

    private final JsonMapper json;

    AgentFrameReader(JsonMapper json) {
        this.json = json;
    }

    AgentFrame read(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw bad("frame is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw bad("a frame is a JSON object with a type");
        }
        // read first, so that even a refusal of the rest can say which chat it was about
        String id = node.path("conversationId").isString() ? node.path("conversationId").stringValue() : null;
        try {
            return frame(node, required(node, "type", 20));
        } catch (Refused e) {
            throw e.about(id != null && id.length() <= MAX_ID ? id : null);
        }
    }

    private AgentFrame frame(JsonNode node, String type) {
        return switch (type) {
            case "presence" -> new AgentFrame.SetPresence(presence(required(node, "status", 10)));
            case "inbox" -> new AgentFrame.InboxRequest();
            case "callbacks" -> new AgentFrame.CallbacksRequest();
            case "callback_done" -> new AgentFrame.CallbackDone(required(node, "id", MAX_ID));
            case "canned" -> new AgentFrame.CannedRequest();
            case "open" -> new AgentFrame.Open(chat(node), lastSeq(node));
            case "unsubscribe" -> new AgentFrame.Unsubscribe(chat(node));
            case "packet" -> new AgentFrame.PacketRequest(chat(node));
            case "accept" -> new AgentFrame.Accept(chat(node));
            case "message", "note" -> new AgentFrame.Write(chat(node), text(node),
                    optional(node, "clientMsgId", MAX_ID), type.equals("note"));
            case "typing" -> new AgentFrame.Typing(chat(node));
            case "transfer" -> new AgentFrame.Transfer(chat(node), optional(node, "queue", MAX_ID),
                    optional(node, "agent", MAX_ID));
            case "handback" -> new AgentFrame.HandBack(chat(node));
            case "close" -> new AgentFrame.Close(chat(node));
            case "suggest" -> new AgentFrame.Suggest(chat(node));
            default -> throw bad("unknown frame type '" + (type.length() > 20 ? type.substring(0, 20) + "…" : type)
                    + "'");
        };
    }

    private static Presence presence(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "online" -> Presence.ONLINE;
            case "away" -> Presence.AWAY;
            case "offline" -> Presence.OFFLINE;
            default -> throw bad("presence.status is online, away or offline");
        };
    }

    private static String chat(JsonNode node) {
        return required(node, "conversationId", MAX_ID);
    }

    private static String text(JsonNode node) {
        String text = required(node, "text", Integer.MAX_VALUE).strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw bad("text is 1 to " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static long lastSeq(JsonNode node) {
        JsonNode value = node.get("lastSeq");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw bad("lastSeq must be a whole number >= 0");
        }
        return value.longValue();
    }

    private static String required(JsonNode node, String field, int maxLength) {
        String value = optional(node, field, maxLength);
        if (value == null) {
            throw bad("'" + field + "' is required");
        }
        return value;
    }

    /** A string field, or null when it is absent, null or blank. */
    private static String optional(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw bad("'" + field + "' must be a string");
        }
        if (value.stringValue().length() > maxLength) {
            throw bad("'" + field + "' is longer than " + maxLength + " characters");
        }
        return value.stringValue().isBlank() ? null : value.stringValue();
    }

    private static Refused bad(String message) {
        return new Refused(ErrorCode.BAD_FRAME, message);
    }
}

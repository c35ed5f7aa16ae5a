package nl.loket.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the frames the server sends on {@code /ws/chat}. */
@Component
class ServerFrames {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** {@code lastSeq}: the conversation's last event when the socket attached; later events are news. */
    record Welcome(String type, String conversationId, String token, ConversationStatus status, String lang,
            String disclosure, long lastSeq) {
    }

    record Ack(String type, String clientMsgId, long seq) {
    }

    record Delta(String type, long replyTo, String text) {
    }

    /** A delta that withdraws everything streamed for {@code replyTo}. */
    record DiscardDelta(String type, long replyTo, String text, boolean discard) {
    }

    record Typing(String type, String author) {
    }

    record Error(String type, String code, String message) {
    }

    private final JsonMapper json;

    ServerFrames(JsonMapper json) {
        this.json = json;
    }

    TextMessage welcome(String conversationId, String token, ConversationStatus status, String lang,
            String disclosure, long lastSeq) {
        return write(new Welcome("welcome", conversationId, token, status, lang, disclosure, lastSeq));
    }

    TextMessage event(ConversationEvent event) {
        ObjectNode node = json.valueToTree(event);
        node.remove("clientMsgId");
        node.remove("attributes");
        // the one module detail customers see: how long they will wait, in seconds
        String waitMinutes = ConversationEvent.attribute(event, "estimatedWaitMinutes");
        if (waitMinutes != null) {
            node.put("estimatedWait", Long.parseLong(waitMinutes) * 60);
        }
        // a question of a form (a self-service action) describes its field, for a form control in the widget
        if (ConversationEvent.attribute(event, "field.name") != null) {
            ObjectNode field = node.putObject("field");
            for (String part : new String[] {"name", "type", "label", "help"}) {
                String value = ConversationEvent.attribute(event, "field." + part);
                if (value != null) {
                    field.put(part, value);
                }
            }
            field.put("invalid", "true".equals(ConversationEvent.attribute(event, "field.invalid")));
        }
        ObjectNode frame = json.createObjectNode().put("type", "event");
        frame.setAll(node);
        return new TextMessage(json.writeValueAsString(frame));
    }

    TextMessage ack(String clientMsgId, long seq) {
        return write(new Ack("ack", clientMsgId, seq));
    }

    TextMessage delta(long replyTo, String text) {
        return write(new Delta("delta", replyTo, text));
    }

    TextMessage discardDeltas(long replyTo) {
        return write(new DiscardDelta("delta", replyTo, "", true));
    }

    TextMessage typing(String author) {
        return write(new Typing("typing", author));
    }

    TextMessage error(ErrorCode code, String message) {
        return write(new Error("error", code.wireName(), message));
    }

    private TextMessage write(Object frame) {
        return new TextMessage(json.writeValueAsString(frame));
    }
}

package nl.loket.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.loket.conversation.ConversationEvent;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.HandoverPacket;
import nl.loket.handover.Presence;
import nl.loket.handover.WaitingChat;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the frames the server sends on {@code /ws/agent}. */
@Component
class AgentFrames {

    record Welcome(String type, String agent, String displayName, boolean supervisor, List<String> queues,
            String presence, String lang) {
    }

    /** The whole inbox, or ({@code delta}) the chats added or changed and the ids of those gone. */
    record Inbox(String type, boolean delta, List<WaitingChat> waiting, List<String> removed, List<String> mine,
            Map<String, Boolean> available) {
    }

    record Callbacks(String type, List<CallbackTask> tasks) {
    }

    record Canned(String type, List<CannedReplies.CannedReply> replies) {
    }

    /** {@code accepted} or {@code packet}: the packet of one chat. */
    record Packet(String type, String conversationId, HandoverPacket packet) {
    }

    record Typing(String type, String conversationId, String author) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Suggestion(String type, String conversationId, String text, String source) {
    }

    record PresenceNow(String type, String status) {
    }

    record Ack(String type, String conversationId, String clientMsgId, long seq) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String code, String message, String conversationId) {
    }

    private final JsonMapper json;

    AgentFrames(JsonMapper json) {
        this.json = json;
    }

    TextMessage welcome(Agent agent, Presence presence) {
        return write(new Welcome("welcome", agent.name(), agent.displayName(), agent.supervisor(), agent.queues(),
                wire(presence), agent.lang()));
    }

    TextMessage inbox(InboxView.Change change) {
        return write(new Inbox("inbox", !change.full(), change.waiting(), change.removed(), change.mine(),
                change.available()));
    }

    TextMessage callbacks(List<CallbackTask> tasks) {
        return write(new Callbacks("callbacks", tasks));
    }

    TextMessage canned(List<CannedReplies.CannedReply> replies) {
        return write(new Canned("canned", replies));
    }

    TextMessage accepted(String conversationId, HandoverPacket packet) {
        return write(new Packet("accepted", conversationId, packet));
    }

    TextMessage packet(String conversationId, HandoverPacket packet) {
        return write(new Packet("packet", conversationId, packet));
    }

    /** One entry of a followed chat: every field of the event, its attributes and clientMsgId included. */
    TextMessage event(String conversationId, ConversationEvent event) {
        ObjectNode frame = json.createObjectNode().put("type", "event").put("conversationId", conversationId);
        frame.setAll((ObjectNode) json.valueToTree(event));
        return new TextMessage(json.writeValueAsString(frame));
    }

    TextMessage typing(String conversationId, String author) {
        return write(new Typing("typing", conversationId, author));
    }

    TextMessage suggestion(String conversationId, ReplySuggester.Suggestion suggestion) {
        return write(new Suggestion("suggestion", conversationId, suggestion == null ? null : suggestion.text(),
                suggestion == null ? null : suggestion.source()));
    }

    TextMessage presence(Presence presence) {
        return write(new PresenceNow("presence", wire(presence)));
    }

    TextMessage ack(String conversationId, String clientMsgId, long seq) {
        return write(new Ack("ack", conversationId, clientMsgId, seq));
    }

    TextMessage error(ErrorCode code, String message, String conversationId) {
        return write(new Error("error", code.wireName(), message, conversationId));
    }

    private static String wire(Presence presence) {
        return presence.name().toLowerCase(Locale.ROOT);
    }

    private TextMessage write(Object frame) {
        return new TextMessage(json.writeValueAsString(frame));
    }
}

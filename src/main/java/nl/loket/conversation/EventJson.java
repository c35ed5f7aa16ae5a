package nl.loket.conversation;

import java.time.Instant;
import nl.loket.conversation.ConversationEvent.ActionResult;
import nl.loket.conversation.ConversationEvent.AgentMessage;
import nl.loket.conversation.ConversationEvent.BotMessage;
import nl.loket.conversation.ConversationEvent.CustomerMessage;
import nl.loket.conversation.ConversationEvent.Note;
import nl.loket.conversation.ConversationEvent.Notice;
import nl.loket.conversation.ConversationEvent.StatusChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as it is stored in the log: the JSON of its record, with {@code kind} and {@code author}
 * naming the record. The stored form is the one the flat event of earlier versions had, so a log
 * written before the family existed reads the same.
 */
final class EventJson {

    private final JsonMapper json;

    EventJson(JsonMapper json) {
        this.json = json;
    }

    String write(ConversationEvent event) {
        return json.writeValueAsString(event);
    }

    ConversationEvent read(String data, long seq, Instant at) {
        JsonNode node = json.readTree(data);
        String kind = node.path("kind").asString("");
        String author = node.path("author").asString("");
        Class<? extends ConversationEvent> type = switch (kind) {
            case "message" -> switch (author) {
                case "customer" -> CustomerMessage.class;
                case "bot" -> BotMessage.class;
                case "agent" -> AgentMessage.class;
                default -> throw unknown(kind, author);
            };
            case "note" -> Note.class;
            case "notice" -> Notice.class;
            case "action" -> ActionResult.class;
            case "status" -> StatusChange.class;
            default -> throw unknown(kind, author);
        };
        return stamped(json.treeToValue(node, type), seq, at);
    }

    /** The event as stored: with the {@code seq} and time the log gave it. */
    static ConversationEvent stamped(ConversationEvent e, long seq, Instant at) {
        return switch (e) {
            case CustomerMessage m -> new CustomerMessage(seq, at, m.text(), m.clientMsgId());
            case BotMessage m -> new BotMessage(seq, at, m.text(), m.tier(), m.sources(), m.quickReplies(),
                    m.helpful(), m.attributes());
            case AgentMessage m -> new AgentMessage(seq, at, m.agentName(), m.text(), m.clientMsgId());
            case Note n -> new Note(seq, at, n.agentName(), n.text(), n.clientMsgId());
            case Notice n -> new Notice(seq, at, n.text(), n.queuePosition(), n.quickReplies(), n.attributes());
            case ActionResult a -> new ActionResult(seq, at, a.text(), a.quickReplies(), a.attributes());
            case StatusChange s -> new StatusChange(seq, at, s.status(), s.text(), s.agentName(), s.queuePosition(),
                    s.quickReplies(), s.attributes());
        };
    }

    /** The clientMsgId the log dedupes on, for the entries that have one. */
    static String clientMsgId(ConversationEvent e) {
        return switch (e) {
            case CustomerMessage m -> m.clientMsgId();
            case AgentMessage m -> m.clientMsgId();
            case Note n -> n.clientMsgId();
            case BotMessage m -> null;
            case Notice n -> null;
            case ActionResult a -> null;
            case StatusChange s -> null;
        };
    }

    private static IllegalStateException unknown(String kind, String author) {
        return new IllegalStateException("the log holds an entry of unknown kind '" + kind + "' by '" + author + "'");
    }
}

package nl.loket.privacy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.loket.conversation.ConversationEvent;
import tools.jackson.databind.json.JsonMapper;

/** An export as a person reads it: the transcript in order, then every other thing stored about it. */
final class ExportText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private ExportText() {
    }

    static String render(ConversationExport export, JsonMapper json) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> c = export.conversation();
        out.append("Conversation ").append(export.conversationId()).append('\n');
        out.append("Exported:  ").append(TIME.format(export.exportedAt())).append('\n');
        out.append("Started:   ").append(TIME.format((Instant) c.get("createdAt"))).append('\n');
        out.append("Status:    ").append(c.get("status")).append(" · language ").append(c.get("lang"));
        if (c.get("page") != null) {
            out.append(" · page ").append(c.get("page"));
        }
        out.append('\n');
        if (c.get("customer") != null) {
            out.append("Customer:  ").append(json.writeValueAsString(c.get("customer"))).append('\n');
        }
        out.append("\nTranscript (internal agent notes included, marked as such)\n\n");
        for (ConversationEvent e : export.events()) {
            out.append(TIME.format(e.at())).append("  #").append(e.seq()).append("  ").append(who(e)).append(": ")
                    .append(e.text() == null ? "" : e.text().replace("\n", "\n    "));
            if (e instanceof ConversationEvent.BotMessage answer && !answer.sources().isEmpty()) {
                out.append("\n    sources: ").append(answer.sources().stream().map(s -> s.title() + " (" + s.id()
                        + ")").collect(Collectors.joining(", ")));
            }
            if (e instanceof ConversationEvent.BotMessage answer && answer.helpful() != null) {
                out.append("\n    marked ").append(answer.helpful() ? "helpful" : "not helpful")
                        .append(" by the customer");
            }
            out.append('\n');
        }
        out.append("\nOther data stored about this conversation\n");
        export.stored().forEach((key, value) -> out.append('\n').append(key).append('\n').append("    ")
                .append(json.writerWithDefaultPrettyPrinter().writeValueAsString(value).replace("\n", "\n    "))
                .append('\n'));
        return out.toString();
    }

    private static String who(ConversationEvent e) {
        String author = e.author().wireName();
        return switch (e) {
            case ConversationEvent.BotMessage b -> b.tier() == null ? author : author + " (" + b.tier() + ")";
            case ConversationEvent.AgentMessage a -> author + " " + a.agentName();
            case ConversationEvent.Note n -> author + " " + n.agentName() + " [internal note]";
            case ConversationEvent.StatusChange c -> author + " [status " + c.status().name().toLowerCase(Locale.ROOT)
                    + "]";
            case ConversationEvent.Notice n -> author + " [notice]";
            case ConversationEvent.ActionResult r -> author + " [action]";
            case ConversationEvent.CustomerMessage m -> author;
        };
    }
}

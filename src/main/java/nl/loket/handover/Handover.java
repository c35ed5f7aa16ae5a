package nl.loket.handover;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.QuickReply;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Hands a conversation to a person. Until agents can sign in (the console), nobody is ever
 * available, so the customer is told so honestly and the status stays BOT, as DESIGN.md says.
 */
@Service
public class Handover {

    private final Conversations conversations;
    private final MessageSource texts;

    Handover(Conversations conversations, MessageSource texts) {
        this.conversations = conversations;
        this.texts = texts;
    }

    public void request(Conversation conversation, String reason) {
        Locale locale = Locale.forLanguageTag(conversation.lang());
        conversations.appendNotice(conversation.id(), ConversationEvent.notice(
                texts.getMessage("handover.nobody-available", null, locale),
                List.of(new QuickReply(texts.getMessage("handover.carry-on.label", null, locale),
                        texts.getMessage("handover.carry-on.value", null, locale))),
                Map.of("reason", reason, "outcome", "nobody_available")));
    }
}

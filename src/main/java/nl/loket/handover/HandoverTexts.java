package nl.loket.handover;

import java.util.List;
import java.util.Locale;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.QuickReply;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Handover's customer-facing texts and quick replies, in the conversation's language. */
@Component
class HandoverTexts {

    private final MessageSource texts;

    HandoverTexts(MessageSource texts) {
        this.texts = texts;
    }

    String say(Conversation conversation, String key, Object... args) {
        return say(conversation.lang(), key, args);
    }

    String say(String lang, String key, Object... args) {
        return texts.getMessage(key, args, Locale.forLanguageTag(lang));
    }

    QuickReply reply(Conversation conversation, String key) {
        return new QuickReply(say(conversation, key + ".label"), say(conversation, key + ".value"));
    }

    List<QuickReply> replies(Conversation conversation, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> reply(conversation, k)).toList();
    }

    /** A reason's label for people ("asked for a person"); the code itself for a reason without one. */
    String reasonLabel(String lang, String reason) {
        String code = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        return texts.getMessage("handover.reason." + code, null, reason, Locale.forLanguageTag(lang));
    }
}

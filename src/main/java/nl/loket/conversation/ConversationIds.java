package nl.loket.conversation;

import java.util.regex.Pattern;

/** Conversation ids are UUIDs; anything else is refused before it reaches Redis. */
final class ConversationIds {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ConversationIds() {
    }

    static boolean isWellFormed(String id) {
        return id != null && UUID.matcher(id).matches();
    }
}

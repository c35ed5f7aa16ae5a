package nl.loket.conversation;

import java.util.List;
import java.util.Map;

/**
 * A conversation with other modules' hashes of it, read in one round trip. {@code moduleHashes}
 * are in the order they were asked for; a missing hash is an empty map.
 */
public record ConversationState(Conversation conversation, List<Map<String, String>> moduleHashes) {

    public ConversationState {
        moduleHashes = List.copyOf(moduleHashes);
    }
}

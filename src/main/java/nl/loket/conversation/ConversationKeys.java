package nl.loket.conversation;

import java.util.List;

/**
 * The Redis keys of one conversation; they share the hash tag {c:id} so Redis Cluster keeps them together.
 * {@code views} (the nodes that hold a live view of it) lives only while they renew it; the others share
 * the conversation's retention ({@link #all}).
 */
record ConversationKeys(String meta, String log, String clientMsgIds, String feedback, String routing, String views) {

    /** Each node listens on this prefix and its own name; an event goes only to the nodes in {@link #views}. */
    static final String NODE_CHANNEL_PREFIX = "loket:conversation:events:";

    static ConversationKeys of(String conversationId) {
        String prefix = tagged("conversation", conversationId) + ":";
        return new ConversationKeys(prefix + "meta", prefix + "log", prefix + "msgids", prefix + "feedback",
                prefix + "routing", prefix + "views");
    }

    static String tagged(String module, String conversationId) {
        return "loket:" + module + ":{c:" + conversationId + "}";
    }

    List<String> all() {
        return List.of(meta, log, clientMsgIds, feedback, routing);
    }

    /** The append script's keys: {@link #all} and then the view registry it publishes by. */
    List<String> forAppend() {
        return List.of(meta, log, clientMsgIds, feedback, routing, views);
    }
}

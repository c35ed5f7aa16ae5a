package nl.loket.conversation;

import java.util.List;

/** The Redis keys of one conversation; they share the hash tag {c:id} so Redis Cluster keeps them together. */
record ConversationKeys(String meta, String log, String clientMsgIds, String feedback, String routing) {

    static final String FANOUT_CHANNEL = "loket:conversation:events";

    static ConversationKeys of(String conversationId) {
        String prefix = "loket:conversation:{c:" + conversationId + "}:";
        return new ConversationKeys(prefix + "meta", prefix + "log", prefix + "msgids", prefix + "feedback",
                prefix + "routing");
    }

    List<String> all() {
        return List.of(meta, log, clientMsgIds, feedback, routing);
    }
}

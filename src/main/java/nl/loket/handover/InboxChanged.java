package nl.loket.handover;

/** Published on every node when a queue's waiting chats, the callbacks or an agent's chats changed. */
public record InboxChanged(String queue) {
}

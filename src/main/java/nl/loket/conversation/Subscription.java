package nl.loket.conversation;

/** A live view on one conversation; close it when the socket goes. */
public interface Subscription extends AutoCloseable {

    String conversationId();

    @Override
    void close();
}

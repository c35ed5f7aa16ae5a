package nl.loket.privacy;

import java.util.List;

/**
 * What an erasure removed.
 *
 * @param conversations the conversations erased
 * @param keys the keys deleted
 * @param indexEntries how many shared indexes (queues, agents' chats) named one of them
 */
public record ErasureReport(List<String> conversations, long keys, long indexEntries) {
}

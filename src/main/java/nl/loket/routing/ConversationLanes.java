package nl.loket.routing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the work of one conversation in order, one task at a time, on virtual threads, so a slow
 * LLM answer never blocks socket I/O and two messages of one conversation are never handled at once.
 */
@Component
class ConversationLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversationLanes.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    void submit(String conversationId, Runnable work) {
        tails.compute(conversationId, (id, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> run(id, work), executor);
            next.whenComplete((ignored, error) -> tails.remove(id, next));
            return next;
        });
    }

    private static void run(String conversationId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("routing failed for conversation {}", conversationId, e);
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}

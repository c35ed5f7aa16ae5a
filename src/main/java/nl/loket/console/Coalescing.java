package nl.loket.console;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task after a signal, once per burst: the first signal starts a run, and any number of
 * signals during a run make exactly one more run after it. Nothing is lost (a signal always
 * leads to a run that starts after it) and nothing piles up.
 */
final class Coalescing {

    private static final Logger log = LoggerFactory.getLogger(Coalescing.class);

    private final AtomicInteger signals = new AtomicInteger();
    private final Executor executor;
    private final Runnable task;

    Coalescing(Executor executor, Runnable task) {
        this.executor = executor;
        this.task = task;
    }

    void signal() {
        if (signals.getAndIncrement() == 0) {
            executor.execute(this::runUntilQuiet);
        }
    }

    private void runUntilQuiet() {
        int seen;
        do {
            seen = signals.get();
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("coalesced task failed; the next signal runs it again", e);
            }
        } while (signals.addAndGet(-seen) > 0);
    }
}

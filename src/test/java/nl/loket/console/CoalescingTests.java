package nl.loket.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingTests {

    @Test
    void aBurstOfSignalsDuringARunMakesExactlyOneMoreRun() throws Exception {
        var runs = new AtomicInteger();
        var started = new Semaphore(0);
        var release = new CountDownLatch(1);
        var finished = new Semaphore(0);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var coalescing = new Coalescing(executor, () -> {
                if (runs.incrementAndGet() == 1) {
                    started.release();
                    await(release);
                }
                finished.release();
            });
            coalescing.signal();
            assertThat(started.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 50; i++) {
                coalescing.signal();
            }
            release.countDown();
            assertThat(finished.tryAcquire(2, 10, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasValue(2);

            coalescing.signal(); // quiet again: the next signal runs again
            assertThat(finished.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasValue(3);
        }
    }

    @Test
    void aFailedRunDoesNotStopLaterSignals() throws Exception {
        var runs = new AtomicInteger();
        var done = new Semaphore(0);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var coalescing = new Coalescing(executor, () -> {
                runs.incrementAndGet();
                done.release();
                throw new IllegalStateException("Redis is away");
            });
            coalescing.signal();
            assertThat(done.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            // during the failed run or after it: either way the signal makes a run
            coalescing.signal();
            assertThat(done.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasValue(2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

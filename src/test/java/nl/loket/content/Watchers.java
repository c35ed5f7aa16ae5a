package nl.loket.content;

import java.time.Duration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Content watchers for tests. */
public final class Watchers {

    private Watchers() {
    }

    /** A watcher that is never started: it reads again only when the test calls {@link ContentWatcher#refresh()}. */
    public static ContentWatcher manual() {
        return new ContentWatcher(new ContentProperties(Duration.ofSeconds(1)), new ThreadPoolTaskScheduler());
    }
}

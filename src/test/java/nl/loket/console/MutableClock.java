package nl.loket.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests move, so opening hours can be tested at any time of day. */
final class MutableClock extends Clock {

    private volatile Instant base;
    private volatile long setAt = System.nanoTime();

    MutableClock(Instant now) {
        this.base = now;
    }

    synchronized void set(Instant instant) {
        base = instant;
        setAt = System.nanoTime();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        // the wall clock's progress on top of the chosen moment, so waiting times grow and queues keep their order
        return base.plusNanos(System.nanoTime() - setAt);
    }
}

package nl.loket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in every test context ({@link TestClockInitializer} puts it there). It
 * starts at the moment given by {@code -Dloket.test.now} (ISO date-time with offset, e.g.
 * {@code 2027-02-14T23:30:00+01:00}) or else at the machine's moment, and runs on from there at
 * the pace of the monotonic clock. A test that cares about the time sets its own moment.
 */
public final class TestClock extends Clock {

    public static final String NOW_PROPERTY = "loket.test.now";
    /** Monday 23 November 2026, 10:00 in Amsterdam: every shipped queue is open. */
    public static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");
    /** Sunday 22 November 2026, 12:00 in Amsterdam: every shipped queue is closed. */
    public static final Instant SUNDAY_NOON = Instant.parse("2026-11-22T11:00:00Z");

    private Instant base;
    private long setAt;

    public TestClock(Instant start) {
        set(start);
    }

    /** A clock at the run's moment: {@code loket.test.now} when set, else now. */
    public static TestClock atRunMoment() {
        return new TestClock(runMoment());
    }

    static Instant runMoment() {
        String now = System.getProperty(NOW_PROPERTY, "");
        // the one place a test reads the machine's clock: a run without the switch stands at its real moment
        return now.isBlank() ? Clock.systemUTC().instant() : OffsetDateTime.parse(now.strip()).toInstant();
    }

    public synchronized void set(Instant instant) {
        base = instant;
        setAt = System.nanoTime();
    }

    public synchronized void advance(Duration duration) {
        base = base.plus(duration);
    }

    /** Back to the run's moment, for a shared context after a test that moved the clock. */
    public void reset() {
        set(runMoment());
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
        // the chosen moment plus the time that has passed since, so waiting times grow and queues keep their order
        return base.plusNanos(System.nanoTime() - setAt);
    }
}

package io.edihub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand: the hub's scheduler sees the months come due as the test says. It stands still
 * between moves, or, made with {@link #running(Instant)}, goes on like a real clock from where it was last set.
 */
public final class TestClock extends Clock {

    private static final Instant HUB_START = Instant.parse("2026-11-20T08:00:00Z");

    /** The hub's clock in a whole-hub test ({@code @Import(TestClock.InHub.class)}): 2026-11-20T08:00Z, standing still. */
    @org.springframework.boot.test.context.TestConfiguration
    public static class InHub {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return new TestClock(HUB_START);
        }
    }

    /**
     * The clock of the second shared hub ({@link LocalDefaultsHubTest}): from 2026-11-20T08:00Z on it runs, so that
     * what a test does in a row (an order, its answer, an acceptance) has times in that order, and the tests see the
     * same dates on any day they run.
     */
    @org.springframework.boot.test.context.TestConfiguration
    public static class RunningInHub {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return running(HUB_START);
        }
    }

    /** Where the clock was set, and when (System.nanoTime), together so that a reader never sees half a move. */
    private record Mark(Instant at, long nanos) {
    }

    private final Instant start;
    private final boolean running;
    private volatile Mark mark;

    public TestClock(Instant start) {
        this(start, false);
    }

    private TestClock(Instant start, boolean running) {
        this.start = start;
        this.running = running;
        set(start);
    }

    /** A clock that starts at {@code start} and runs on from wherever a test sets it. */
    public static TestClock running(Instant start) {
        return new TestClock(start, true);
    }

    /** Back to the instant it started at: what a test that moved the hub's clock does for the next test on that hub. */
    public void reset() {
        set(start);
    }

    /** Sets the time to the start of a day (UTC). */
    public void setDay(LocalDate day) {
        set(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    private void set(Instant at) {
        mark = new Mark(at, System.nanoTime());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the hub's clock is UTC");
    }

    @Override
    public Instant instant() {
        Mark current = mark;
        return running ? current.at().plusNanos(System.nanoTime() - current.nanos()) : current.at();
    }
}

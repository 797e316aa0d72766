package io.edihub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand: the hub's scheduler sees the months come due as the test says. */
public final class TestClock extends Clock {

    /** The hub's clock in a whole-hub test ({@code @Import(TestClock.InHub.class)}), starting on 2026-11-20. */
    @org.springframework.boot.test.context.TestConfiguration
    public static class InHub {

        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return new TestClock(Instant.parse("2026-11-20T08:00:00Z"));
        }
    }

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Sets the time to the start of a day (UTC). */
    public void setDay(LocalDate day) {
        now = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
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
        return now;
    }
}

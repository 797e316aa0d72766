package io.edihub.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the hub gives up on an input that keeps failing for a technical reason.
 *
 * @param maxAttempts after this many failures of the same input (same source, same bytes) it is parked: the
 *                    file goes to error/ with a report, a Kafka record is committed past, and an alert asks an
 *                    operator to look. Failures while the database is down are not counted (they cannot be
 *                    stored), so an outage never parks anything.
 * @param parkAfter   and not before this long after its first failure: a Kafka record is read again a second later,
 *                    so attempts alone would give a short glitch no time to pass
 */
@ConfigurationProperties("edihub.dead-letters")
public record DeadLetterSettings(@DefaultValue("5") int maxAttempts, @DefaultValue("PT1M") Duration parkAfter) {

    public DeadLetterSettings {
        if (parkAfter.isNegative()) {
            throw new IllegalArgumentException("edihub.dead-letters.park-after must not be negative, not " + parkAfter);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("edihub.dead-letters.max-attempts must be at least 1, not " + maxAttempts);
        }
    }
}

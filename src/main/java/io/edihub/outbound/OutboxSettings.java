package io.edihub.outbound;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transactional outbox ({@code edihub.outbox.*}). The {@code publishOutboxMessages} route reads the value
 * as a placeholder; it is bound here so that one it could not use stops the start.
 *
 * @param pollDelay milliseconds between two looks for messages to publish
 * @param claimFor  how long a hub holds the messages it took for publishing: those of a hub that died with them
 *                  (killed, cut off from the database) are taken by another, or by itself after a restart, once
 *                  this has passed
 */
@Validated
@ConfigurationProperties("edihub.outbox")
public record OutboxSettings(@DefaultValue("500") @Min(value = 1, message = "must be at least 1 (milliseconds)") long pollDelay,
        @DefaultValue("PT1M") @DurationMin(seconds = 1, message = "must be at least a second, e.g. PT1M") Duration claimFor) {
}

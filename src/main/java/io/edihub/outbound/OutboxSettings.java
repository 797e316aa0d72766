package io.edihub.outbound;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The transactional outbox ({@code edihub.outbox.*}). The {@code publishOutboxMessages} route reads the value
 * as a placeholder; it is bound here so that one it could not use stops the start.
 *
 * @param pollDelay milliseconds between two looks for messages to publish
 */
@Validated
@ConfigurationProperties("edihub.outbox")
public record OutboxSettings(@DefaultValue("500") @Min(value = 1, message = "must be at least 1 (milliseconds)") long pollDelay) {
}

package io.edihub.fulfillment;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often the release routes run ({@code edihub.releases.*}). The {@code dispatchDueReleases} and
 * {@code acceptUnjudgedShipments} routes read the value as a placeholder; it is bound here so that one they
 * could not use stops the start.
 *
 * @param checkEvery milliseconds between two requests of due releases from fulfillment, and between two rounds
 *                   of implicit acceptance
 */
@Validated
@ConfigurationProperties("edihub.releases")
public record ReleaseSettings(@DefaultValue("60000") @Min(value = 1, message = "must be at least 1 (milliseconds)") long checkEvery) {
}

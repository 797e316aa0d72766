package io.edihub.monitoring;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the health probes and business metrics look at the outside world.
 *
 * @param probeTimeout     the longest a health probe waits for Kafka or an SFTP server before it says DOWN (also the
 *                         database query timeout of a scrape); more than a minute would outlast any probe's patience
 * @param probeCacheFor    how long a probe's answer is reused, so that frequent probes do not hammer the servers
 *                         (zero: never reused)
 * @param metricsCacheFor  how long the counts read from the database are reused between scrapes (zero: never)
 */
@Validated
@ConfigurationProperties("edihub.monitoring")
public record MonitoringSettings(
        @DefaultValue("3s") @DurationMin(millis = 1, message = "must be positive, e.g. 3s")
        @DurationMax(minutes = 1, message = "must be at most a minute") Duration probeTimeout,
        @DefaultValue("5s") @DurationMin(millis = 0, message = "must not be negative") Duration probeCacheFor,
        @DefaultValue("10s") @DurationMin(millis = 0, message = "must not be negative") Duration metricsCacheFor) {
}

package io.edihub.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the health probes and business metrics look at the outside world.
 *
 * @param probeTimeout     the longest a health probe waits for Kafka or an SFTP server before it says DOWN
 * @param probeCacheFor    how long a probe's answer is reused, so that frequent probes do not hammer the servers
 * @param metricsCacheFor  how long the counts read from the database are reused between scrapes
 */
@ConfigurationProperties("edihub.monitoring")
public record MonitoringSettings(
        @DefaultValue("3s") Duration probeTimeout,
        @DefaultValue("5s") Duration probeCacheFor,
        @DefaultValue("10s") Duration metricsCacheFor) {
}

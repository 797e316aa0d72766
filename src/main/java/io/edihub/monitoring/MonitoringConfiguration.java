package io.edihub.monitoring;

import io.edihub.outbound.KafkaSettings;
import io.edihub.outbound.Topics;
import io.edihub.intake.PartnerSftp;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The health components {@code kafka} and {@code sftp} (one entry per partner) that readiness includes
 * beside Spring Boot's {@code db}, and the business metrics read from the database.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    ProbeThreads healthProbeThreads() {
        return new ProbeThreads();
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaSettings kafka, MonitoringSettings settings,
            ProbeThreads healthProbeThreads, Environment environment) {
        // TLS / SASL: Camel's own camel.component.kafka.* settings, which the routes' clients use too
        return new KafkaHealthIndicator(kafka.brokers(), KafkaClientSecurity.from(environment), settings,
                healthProbeThreads.executor());
    }

    /**
     * Health component {@code sftp}: one entry per partner, named by partner id, on the server that holds the
     * partner's folders (the hub's, or the partner's own).
     */
    @Bean
    CompositeHealthContributor sftpHealthContributor(PartnerDirectory partners, PartnerSftp sftp,
            MonitoringSettings settings, ProbeThreads healthProbeThreads) {
        Map<String, HealthIndicator> byPartner = new LinkedHashMap<>();
        for (PartnerProfile partner : partners.all()) {
            PartnerSftp.Login login = sftp.login(partner);
            byPartner.put(partner.id(), new CachedProbe("SFTP server " + login.host() + ":" + login.port(),
                    new PartnerSftpCheck(partner, login, (int) settings.probeTimeout().toMillis()),
                    settings.probeCacheFor(), settings.probeTimeout(), healthProbeThreads.executor()));
        }
        return CompositeHealthContributor.fromMap(byPartner);
    }

    @Bean
    PartnerActivityMetrics partnerActivityMetrics(DataSource dataSource, PartnerDirectory partners,
            MonitoringSettings settings) {
        return new PartnerActivityMetrics(metricsQueries(dataSource, settings), partners, settings);
    }

    @Bean
    OutboxLagMetrics outboxLagMetrics(DataSource dataSource, Topics topics, Clock clock, MonitoringSettings settings) {
        return new OutboxLagMetrics(metricsQueries(dataSource, settings), topics, clock, settings);
    }

    /** A scrape waits no longer for the database than a probe waits for a server. */
    private static JdbcTemplate metricsQueries(DataSource dataSource, MonitoringSettings settings) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout((int) Math.max(1, settings.probeTimeout().toSeconds()));
        return jdbc;
    }
}

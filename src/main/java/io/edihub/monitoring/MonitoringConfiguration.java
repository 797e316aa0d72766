package io.edihub.monitoring;

import io.edihub.outbound.Topics;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
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
    KafkaHealthIndicator kafkaHealthIndicator(@Value("${edihub.kafka.brokers}") String brokers,
            MonitoringSettings settings, ProbeThreads healthProbeThreads, Environment environment) {
        return new KafkaHealthIndicator(brokers, KafkaClientSecurity.from(environment), settings,
                healthProbeThreads.executor());
    }

    /** Health component {@code sftp}: one entry per partner, named by partner id. */
    @Bean
    CompositeHealthContributor sftpHealthContributor(PartnerDirectory partners, MonitoringSettings settings,
            ProbeThreads healthProbeThreads,
            @Value("${edihub.sftp.host}") String host, @Value("${edihub.sftp.port}") int port,
            @Value("${edihub.sftp.username}") String username, @Value("${edihub.sftp.password:}") String password,
            @Value("${edihub.sftp.private-key-file:}") String privateKeyFile,
            @Value("${edihub.sftp.known-hosts-file}") String knownHostsFile) {
        PartnerSftpCheck.SftpLogin login = new PartnerSftpCheck.SftpLogin(host, port, username, password, privateKeyFile,
                knownHostsFile);
        Map<String, HealthIndicator> byPartner = new LinkedHashMap<>();
        for (PartnerProfile partner : partners.all()) {
            byPartner.put(partner.id(), new CachedProbe("SFTP server " + host + ":" + port,
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

package io.edihub.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.edihub.intake.SftpSettings;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerSettings;
import io.edihub.outbound.KafkaSettings;
import io.edihub.outbound.OutboxSettings;
import io.edihub.x12.OurIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * Every settings record of the hub bound from application.yaml as the hub binds it, and the partner directory made
 * from it, without the rest of the hub: the shipped defaults and partner files pass, and a value out of range or a
 * broken partner file stops the start with the report an operator reads, naming the property and the environment
 * variable that sets it, or the file and the key.
 */
class SettingValuesTest {

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.edihub")
    static class AllSettings {

        /** As the intake's configuration makes it. */
        @Bean
        PartnerDirectory partnerDirectory(PartnerSettings settings) {
            return PartnerDirectory.load(settings.partnersDir());
        }
    }

    @TempDir
    Path partners;

    @Test
    void theShippedDefaultsAreValid() {
        try (AnnotationConfigApplicationContext hub = settings()) {
            hub.refresh();
            SftpSettings sftp = hub.getBean(SftpSettings.class);
            assertThat(sftp.port()).isEqualTo(2222);
            assertThat(sftp.pollDelay()).isEqualTo(5000);
            assertThat(sftp.privateKeyFile()).isNull();
            assertThat(hub.getBean(OutboxSettings.class).pollDelay()).isEqualTo(500);
            assertThat(hub.getBean(OutboxSettings.class).claimFor()).isEqualTo(java.time.Duration.ofMinutes(1));
            assertThat(hub.getBean(OurIdentity.class).usageIndicator()).isEqualTo("P");
        }
    }

    @Test
    void brokersAreTakenAsKafkasClientTakesThem() {
        try (AnnotationConfigApplicationContext hub = settings("edihub.kafka.brokers=SSL://kafka-1.example.com:9093, [::1]:9092")) {
            hub.refresh();
            assertThat(hub.getBean(KafkaSettings.class).brokers()).isEqualTo("SSL://kafka-1.example.com:9093, [::1]:9092");
        }
    }

    @Test
    void aPortOutOfRangeNamesPropertyAndVariable() {
        assertThat(report("edihub.sftp.port=70000"))
                .contains("edihub.sftp.port (EDIHUB_SFTP_PORT) is 70000: must be a port number, 1 to 65535");
    }

    @Test
    void aPollDelayOfZeroNamesPropertyAndVariable() {
        assertThat(report("edihub.outbox.poll-delay=0"))
                .contains("edihub.outbox.poll-delay (EDIHUB_OUTBOX_POLL_DELAY) is 0: must be at least 1 (milliseconds)");
    }

    @Test
    void anOutboxClaimUnderASecondNamesPropertyAndVariable() {
        assertThat(report("edihub.outbox.claim-for=500ms"))
                .contains("edihub.outbox.claim-for (EDIHUB_OUTBOX_CLAIM_FOR) is PT0.5S: must be at least a second, e.g. PT1M");
    }

    @Test
    void everyWrongValueOfAGroupIsReportedAtOnce() {
        // in the order of application.yaml
        assertThat(report("edihub.sftp.host= ", "edihub.sftp.port=0", "edihub.sftp.poll-delay=-5")).isEqualTo(String.join(
                System.lineSeparator(),
                "The hub's settings are incomplete or wrong:",
                "  - edihub.sftp.host (EDIHUB_SFTP_HOST) is not set",
                "  - edihub.sftp.port (EDIHUB_SFTP_PORT) is 0: must be a port number, 1 to 65535",
                "  - edihub.sftp.poll-delay (EDIHUB_SFTP_POLL_DELAY) is -5: must be at least 1 (milliseconds)"));
    }

    @Test
    void aValueOfTheWrongKindNamesPropertyAndVariable() {
        assertThat(report("edihub.releases.check-every=1 minute")).contains("edihub.releases.check-every "
                + "(EDIHUB_RELEASES_CHECK_EVERY) is '1 minute', which is not a whole number");
        assertThat(report("edihub.monitoring.probe-timeout=soon")).contains("edihub.monitoring.probe-timeout "
                + "(EDIHUB_PROBE_TIMEOUT) is 'soon', which is not a duration such as 500ms, 30s, 5m or PT1H");
    }

    @Test
    void otherGroupsAreCheckedAsWell() {
        assertThat(report("edihub.intake.max-document-bytes=0")).contains(
                "edihub.intake.max-document-bytes (EDIHUB_MAX_DOCUMENT_BYTES) is 0: must be at least 1 (bytes)");
        assertThat(report("edihub.kafka.brokers=kafka-1.example.com")).contains(
                "edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is 'kafka-1.example.com': must be a comma-separated list of host:port");
        assertThat(report("edihub.x12.usage-indicator=X")).contains(
                "edihub.x12.usage-indicator (EDIHUB_USAGE_INDICATOR) is 'X': must be P (production) or T (test)");
        assertThat(report("edihub.watchdog.check-every=0")).contains(
                "edihub.watchdog.check-every (EDIHUB_WATCHDOG_CHECK_EVERY) is 0: must be at least 1 (milliseconds)");
        assertThat(report("edihub.monitoring.probe-timeout=0s")).contains(
                "edihub.monitoring.probe-timeout (EDIHUB_PROBE_TIMEOUT) is PT0S: must be positive, e.g. 3s");
        assertThat(report("edihub.topics.shipments=shipments for logistics")).contains(
                "edihub.topics.shipments (EDIHUB_TOPIC_SHIPMENTS) is 'shipments for logistics': must be a Kafka topic name");
    }

    @Test
    void aRecordsOwnCheckIsReportedWithTheVariable() {
        // no placeholder in application.yaml: the variable Spring Boot's relaxed binding reads
        assertThat(report("edihub.watchdog.held-order-after=PT0S")).contains("edihub.watchdog.held-order-after "
                + "(EDIHUB_WATCHDOG_HELD_ORDER_AFTER) must be a positive duration");
        assertThat(report("edihub.cluster.leader-heartbeat=PT10S")).contains("edihub.cluster.leader-heartbeat (PT10S) "
                + "must be positive and shorter than edihub.cluster.leader-lock-for (PT10S) "
                + "(environment variable EDIHUB_CLUSTER_LEADER_HEARTBEAT)");
    }

    @Test
    void aBrokenPartnerFileIsReportedByFileAndKey() throws IOException {
        Path acme = Files.writeString(partners.resolve("acme.yaml"), "id: acme\nx12:\n  isa-id: ACME\n  isa-qualifier: ZZZ\n"
                + "acknowledgments:\n  ta1: SOMETIMES\n");
        assertThat(report("edihub.partners-dir=" + partners)).isEqualTo(String.join(System.lineSeparator(),
                "The partner files cannot be used:",
                "  - " + acme + ": x12.isa-qualifier: 'ZZZ' is not valid, expected 2 characters, e.g. ZZ or 01",
                "  - " + acme + ": acknowledgments.ta1: 'SOMETIMES' is not one of NEVER, WHEN_REQUESTED, ALWAYS"));
    }

    /** The settings records alone, bound from application.yaml and the given properties like the hub's. */
    private static AnnotationConfigApplicationContext settings(String... properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        new ConfigDataApplicationContextInitializer().initialize(context);
        // what the local run's embedded servers supply (application.yaml leaves the brokers to them)
        TestPropertyValues.of("edihub.kafka.brokers=127.0.0.1:19092").applyTo(context);
        TestPropertyValues.of(properties).applyTo(context);
        context.register(AllSettings.class);
        return context;
    }

    /** The start's failure as the hub's failure analyzers (spring.factories, in their order) describe it. */
    private static String report(String... properties) {
        try (AnnotationConfigApplicationContext hub = settings(properties)) {
            Throwable failure = catchThrowable(hub::refresh);
            assertThat(failure).as("the start fails").isNotNull();
            Environment environment = hub.getEnvironment();
            List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(SettingValuesTest.class
                    .getClassLoader()).load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment)
                    .and(BeanFactory.class, hub.getBeanFactory()),
                    // as Spring Boot does: analyzers of what is not on the class path (Liquibase, ...) are left out
                    FailureHandler.handleMessage((message, e) -> { }));
            FailureAnalysis analysis = analyzers.stream().map(analyzer -> analyzer.analyze(failure)).filter(Objects::nonNull)
                    .findFirst().orElseThrow();
            return analysis.getDescription();
        }
    }
}

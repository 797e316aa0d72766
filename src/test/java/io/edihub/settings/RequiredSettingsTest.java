package io.edihub.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsTest {

    @TempDir
    Path workDir;

    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void completeProductionSettings() throws IOException {
        Path knownHosts = Files.writeString(workDir.resolve("known_hosts"), "sftp.example.com ssh-ed25519 AAAA\n");
        settings.put("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/edihub");
        settings.put("spring.datasource.username", "edihub");
        settings.put("spring.datasource.password", "s3cret-from-the-vault");
        settings.put("edihub.kafka.brokers", "kafka-1.example.com:9093,kafka-2.example.com:9093");
        settings.put("edihub.sftp.host", "sftp.example.com");
        settings.put("edihub.sftp.port", "22");
        settings.put("edihub.sftp.username", "edihub");
        settings.put("edihub.sftp.password", "another-s3cret");
        settings.put("edihub.sftp.known-hosts-file", knownHosts.toString());
        settings.put("edihub.http.operators.olivia", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv");
        settings.put("edihub.http.clients.acme", "acme-s3cret");
        settings.put("edihub.partners-dir", "config/partners");
    }

    @Test
    void completeSettingsHaveNoProblem() {
        assertThat(problems(true)).isEmpty();
        assertThat(problems(false)).isEmpty();
    }

    @Test
    void eachMissingSettingIsNamedWithItsEnvironmentVariable() {
        for (String property : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "edihub.kafka.brokers", "edihub.sftp.host", "edihub.sftp.username", "edihub.sftp.known-hosts-file")) {
            settings.remove(property);
        }
        settings.put("edihub.sftp.port", " ");
        assertThat(problems(true)).containsExactly(
                "spring.datasource.url (EDIHUB_DB_URL) is not set",
                "spring.datasource.username (EDIHUB_DB_USERNAME) is not set",
                "spring.datasource.password (EDIHUB_DB_PASSWORD) is not set",
                "edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set",
                "edihub.sftp.host (EDIHUB_SFTP_HOST) is not set",
                "edihub.sftp.port (EDIHUB_SFTP_PORT) is not set",
                "edihub.sftp.username (EDIHUB_SFTP_USERNAME) is not set",
                "edihub.sftp.known-hosts-file (EDIHUB_SFTP_KNOWN_HOSTS_FILE) is not set");
    }

    @Test
    void aDatabaseUrlMustBePostgres() {
        settings.put("spring.datasource.url", "jdbc:mysql://db.example.com/edihub");
        assertThat(problems(true)).containsExactly(
                "spring.datasource.url (EDIHUB_DB_URL) is not a jdbc:postgresql: URL: 'jdbc:mysql://db.example.com/edihub'");
    }

    @Test
    void brokersArePairsOfHostAndPort() {
        settings.put("edihub.kafka.brokers", "kafka-1.example.com:9093,kafka-2.example.com");
        assertThat(problems(true)).containsExactly("edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not a comma-separated "
                + "list of host:port: 'kafka-1.example.com:9093,kafka-2.example.com'");
    }

    @Test
    void theSftpPortIsANumber() {
        settings.put("edihub.sftp.port", "ssh");
        assertThat(problems(true)).containsExactly("edihub.sftp.port (EDIHUB_SFTP_PORT) is not a port number (1-65535): 'ssh'");
    }

    @Test
    void theHubLogsInToSftpWithAPasswordOrAKey() throws IOException {
        settings.remove("edihub.sftp.password");
        assertThat(problems(true)).containsExactly("edihub.sftp.password (EDIHUB_SFTP_PASSWORD) or "
                + "edihub.sftp.private-key-file (EDIHUB_SFTP_PRIVATE_KEY_FILE) must be set");

        settings.put("edihub.sftp.private-key-file", workDir.resolve("id_ed25519").toString());
        assertThat(problems(true)).containsExactly("edihub.sftp.private-key-file (EDIHUB_SFTP_PRIVATE_KEY_FILE) names no "
                + "readable file: '" + workDir.resolve("id_ed25519") + "'");

        Files.writeString(workDir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(problems(true)).isEmpty();
    }

    @Test
    void theKnownHostsFileMustExist() {
        settings.put("edihub.sftp.known-hosts-file", workDir.resolve("missing").toString());
        assertThat(problems(false)).containsExactly("edihub.sftp.known-hosts-file (EDIHUB_SFTP_KNOWN_HOSTS_FILE) names no "
                + "readable file: '" + workDir.resolve("missing") + "'");
    }

    @Test
    void atLeastOneOperatorWithAPassword() {
        settings.remove("edihub.http.operators.olivia");
        assertThat(problems(true)).containsExactly("no operator: set EDIHUB_HTTP_OPERATORS_<NAME> "
                + "(edihub.http.operators.<name>) to the password of at least one operator");

        settings.put("edihub.http.operators.night-shift", "");
        assertThat(problems(true)).contains(
                "edihub.http.operators.night-shift (EDIHUB_HTTP_OPERATORS_NIGHT_SHIFT) is empty");
    }

    @Test
    void wellKnownDefaultPasswordsAreRefusedInProduction() {
        settings.put("spring.datasource.password", "postgres");
        settings.put("edihub.sftp.password", "ChangeMe");
        settings.put("edihub.http.operators.olivia", "admin");
        settings.put("edihub.http.clients.acme", "password");
        List<String> expected = List.of(
                "spring.datasource.password (EDIHUB_DB_PASSWORD) is a well-known default password",
                "edihub.sftp.password (EDIHUB_SFTP_PASSWORD) is a well-known default password",
                "edihub.http.operators.olivia (EDIHUB_HTTP_OPERATORS_OLIVIA) is a well-known default password",
                "edihub.http.clients.acme (EDIHUB_HTTP_CLIENTS_ACME) is a well-known default password");
        assertThat(problems(true)).containsExactlyElementsOf(expected);
        // without the production profile the hub is also run against throw-away servers (the fault suite's database)
        assertThat(problems(false)).isEmpty();
    }

    @Test
    void anEmptyDatabasePasswordIsAllowedOutsideProduction() {
        settings.put("spring.datasource.password", "");
        assertThat(problems(false)).isEmpty();
        assertThat(problems(true)).containsExactly("spring.datasource.password (EDIHUB_DB_PASSWORD) is not set");
    }

    @Test
    void kafkaSecuritySettingsAreChecked() {
        settings.put("camel.component.kafka.security-protocol", "TLS");
        assertThat(problems(true)).containsExactly("camel.component.kafka.security-protocol "
                + "(CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL) is 'TLS', not one of PLAINTEXT, SASL_PLAINTEXT, SASL_SSL, SSL");

        settings.put("camel.component.kafka.security-protocol", "SASL_SSL");
        settings.put("camel.component.kafka.ssl-truststore-location", workDir.resolve("truststore.p12").toString());
        assertThat(problems(true)).containsExactly(
                "camel.component.kafka.sasl-jaas-config (CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG) is not set, but "
                        + "security-protocol is SASL_SSL",
                "camel.component.kafka.ssl-truststore-location (CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_LOCATION) names no "
                        + "readable file: '" + workDir.resolve("truststore.p12") + "'");
    }

    @Test
    void camelCaseKafkaOptionsCountToo() {
        settings.put("camel.component.kafka.securityProtocol", "SASL_SSL");
        settings.put("camel.component.kafka.saslJaasConfig",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"edihub\" password=\"x\";");
        assertThat(problems(true)).isEmpty();
    }

    @Test
    void aBrokenPartnerFileIsReportedWithTheRest() throws IOException {
        Path partners = Files.createDirectories(workDir.resolve("partners"));
        Files.writeString(partners.resolve("acme.yaml"), "id: acme\nname: ACME\nx12:\n  isa-id: ACME\n  isa-qualifier: ZZZ\n");
        settings.put("edihub.partners-dir", partners.toString());
        settings.remove("edihub.kafka.brokers");
        assertThat(problems(true)).satisfiesExactly(
                kafka -> assertThat(kafka).isEqualTo("edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set"),
                partner -> assertThat(partner).startsWith("edihub.partners-dir (EDIHUB_PARTNERS_DIR): ")
                        .contains("acme.yaml").contains("x12.isa-qualifier"));
    }

    @Test
    void aPartnersOwnSftpServerNeedsAPasswordOrAKeyAndItsKnownHosts() throws IOException {
        Path partners = Files.createDirectories(workDir.resolve("own-server"));
        Files.writeString(partners.resolve("acme.yaml"), "id: acme\nx12:\n  isa-id: ACME\nsftp:\n  server:\n"
                + "    host: sftp.acme.example\n    username: edihub\n    known-hosts-file: /no/such/known_hosts\n");
        settings.put("edihub.partners-dir", partners.toString());
        assertThat(problems(true)).containsExactly(
                "partner acme's own SFTP server (sftp.server in acme.yaml) needs the password in "
                        + "EDIHUB_PARTNER_SFTP_ACME_PASSWORD or sftp.server.private-key-file",
                "partner acme's own SFTP server (sftp.server in acme.yaml): sftp.server.known-hosts-file names no readable "
                        + "file: '/no/such/known_hosts'");

        Path knownHosts = Files.writeString(workDir.resolve("acme_known_hosts"), "");
        Files.writeString(partners.resolve("acme.yaml"), "id: acme\nx12:\n  isa-id: ACME\nsftp:\n  server:\n"
                + "    host: sftp.acme.example\n    username: edihub\n    known-hosts-file: " + knownHosts + "\n");
        settings.put("EDIHUB_PARTNER_SFTP_ACME_PASSWORD", "acme-sftp-secret");
        assertThat(problems(true)).isEmpty();
    }

    @Test
    void productionNeedsAtLeastOnePartner() {
        settings.put("edihub.partners-dir", workDir.resolve("no-partners").toString());
        assertThat(problems(true)).containsExactly("edihub.partners-dir (EDIHUB_PARTNERS_DIR) holds no partner profile: '"
                + workDir.resolve("no-partners") + "'");
    }

    private List<String> problems(boolean production) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach(environment::setProperty);
        return RequiredSettings.problems(environment, production);
    }
}

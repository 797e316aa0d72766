package io.edihub.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.edihub.EdiHubApplication;
import io.edihub.local.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Starts the real hub in the {@code production} profile with bad settings and no server anywhere: the
 * start stops at once, not after the minute the embedded database is waited for, and says what to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTest {

    /** Well under the 60 s Hikari waits for the embedded database: the settings are checked before any bean exists. */
    private static final Duration FAST = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void missingAndWrongSettingsStopTheStartWithOneMessageNamingEach(CapturedOutput output) throws IOException {
        Path partners = Files.createDirectories(workDir.resolve("partners"));
        Files.writeString(partners.resolve("acme.yaml"), "id: acme\nname: ACME\nx12:\n  isa-id: ACME\n  isa-qualifier: ZZZ\n");

        Throwable failure = assertTimeout(FAST, () -> catchThrowable(() -> start(
                "--spring.datasource.url=jdbc:mysql://db.example.com/edihub",
                "--spring.datasource.username=edihub",
                "--spring.datasource.password=postgres",
                "--edihub.partners-dir=" + partners,
                "--edihub.data-dir=" + workDir.resolve("data"))));

        assertThat(failure).isInstanceOf(InvalidSettingsException.class);
        assertThat(((InvalidSettingsException) failure).problems()).contains(
                "spring.datasource.url (EDIHUB_DB_URL) is not a jdbc:postgresql: URL: 'jdbc:mysql://db.example.com/edihub'",
                "spring.datasource.password (EDIHUB_DB_PASSWORD) is a well-known default password",
                "edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set",
                "edihub.sftp.host (EDIHUB_SFTP_HOST) is not set",
                "edihub.sftp.username (EDIHUB_SFTP_USERNAME) is not set",
                "edihub.sftp.password (EDIHUB_SFTP_PASSWORD) or edihub.sftp.private-key-file "
                        + "(EDIHUB_SFTP_PRIVATE_KEY_FILE) must be set",
                "edihub.sftp.known-hosts-file (EDIHUB_SFTP_KNOWN_HOSTS_FILE) is not set",
                "no operator: set EDIHUB_HTTP_OPERATORS_<NAME> (edihub.http.operators.<name>) to the password "
                        + "of at least one operator");
        assertThat(((InvalidSettingsException) failure).problems())
                .anySatisfy(partner -> assertThat(partner).startsWith("edihub.partners-dir (EDIHUB_PARTNERS_DIR): ")
                        .contains("acme.yaml").contains("x12.isa-qualifier"));
        // the report an operator reads in the log
        assertThat(output).contains("APPLICATION FAILED TO START", "edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set",
                "spring.datasource.url (EDIHUB_DB_URL)", "edihub.partners-dir (EDIHUB_PARTNERS_DIR)");
        // stopped before anything was created or connected
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheStartNamingItsUrl(CapturedOutput output) throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/edihub";
        List<String> arguments = new ArrayList<>(completeSettings());
        arguments.add("--spring.datasource.url=" + url);

        List<ApplicationFailedEvent> failedStarts = new ArrayList<>();

        // no wall-clock bound here: on a busy machine the context alone may take longer than the bound would
        // allow; what keeps the start fast is that the pool makes one attempt instead of waiting for a minute
        Throwable failure = catchThrowable(() -> start(failedStarts::add, arguments.toArray(String[]::new)));

        assertThat(failedStarts).singleElement().satisfies(failed -> assertThat(failed.getApplicationContext()
                .getEnvironment().getProperty("spring.datasource.hikari.initialization-fail-timeout")).isEqualTo("1"));
        assertThat(failure).hasRootCauseInstanceOf(java.net.ConnectException.class);
        assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause).isInstanceOf(SQLException.class)
                .hasMessageContaining("refused"));
        assertThat(output).contains("APPLICATION FAILED TO START",
                "The database at " + url + " (spring.datasource.url, EDIHUB_DB_URL) could not be reached at start");
    }

    private List<String> completeSettings() throws IOException {
        Path knownHosts = Files.writeString(workDir.resolve("known_hosts"), "[127.0.0.1]:2222 ssh-ed25519 AAAA\n");
        return List.of(
                "--spring.datasource.username=edihub",
                "--spring.datasource.password=s3cret-from-the-vault",
                "--edihub.kafka.brokers=127.0.0.1:" + FreePort.find(),
                "--edihub.sftp.host=127.0.0.1",
                "--edihub.sftp.username=edihub",
                "--edihub.sftp.password=another-s3cret",
                "--edihub.sftp.known-hosts-file=" + knownHosts,
                "--edihub.http.operators.olivia=olivia-s3cret",
                "--edihub.edifact.warm-up=false",
                "--edihub.data-dir=" + workDir.resolve("data"),
                "--server.port=0");
    }

    private static void start(String... arguments) {
        start(event -> { }, arguments);
    }

    private static void start(ApplicationListener<ApplicationFailedEvent> onFailure, String... arguments) {
        SpringApplication hub = new SpringApplication(EdiHubApplication.class);
        hub.setAdditionalProfiles(RequiredSettingsCheck.PRODUCTION);
        hub.addListeners(onFailure);
        hub.run(arguments).close();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}

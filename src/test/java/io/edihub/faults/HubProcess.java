package io.edihub.faults;

import io.edihub.local.LocalPostgres;
import io.edihub.local.LocalSftpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hub as production runs it: the packaged jar ({@code target/edi-hub.jar}, which has no embedded servers)
 * in a JVM of its own, pointed at the suite's PostgreSQL, Kafka broker and SFTP server through the
 * {@code EDIHUB_*} environment. It can be killed with SIGKILL at any moment and started again.
 */
final class HubProcess implements AutoCloseable {

    private final Path projectDirectory;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    HubProcess(Path projectDirectory, Map<String, String> environment, Path log) {
        this.projectDirectory = projectDirectory.toAbsolutePath();
        this.jar = this.projectDirectory.resolve("target/edi-hub.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault suite runs the packaged hub (./mvnw package)");
        }
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /**
     * The environment of a hub that uses the given servers instead of its embedded ones, polls and publishes
     * several times a second, and lets in the operator and the partners with the given passwords. What a killed
     * hub held moves on sooner than with the production defaults, so that a suite waits for its checks and not for
     * leases: the files it was processing after 10 s (1 min), its singleton routes after 5 s (10 s), its outbox
     * messages after 10 s (1 min), its place in the shipments consumer group after 10 s (Kafka's 45 s session timeout).
     */
    static Map<String, String> environment(String databaseUrl, String kafkaServers, LocalSftpServer sftp, int httpPort,
            Path dataDirectory, String operator, Map<String, String> passwords) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("EDIHUB_DATA_DIR", dataDirectory.toString());
        environment.put("EDIHUB_DB_URL", databaseUrl);
        environment.put("EDIHUB_DB_USERNAME", LocalPostgres.USER);
        environment.put("EDIHUB_DB_PASSWORD", "");
        environment.put("EDIHUB_KAFKA_BROKERS", kafkaServers);
        environment.put("EDIHUB_SFTP_HOST", "127.0.0.1");
        environment.put("EDIHUB_SFTP_PORT", Integer.toString(sftp.port()));
        environment.put("EDIHUB_SFTP_USERNAME", "edihub");
        environment.put("EDIHUB_SFTP_PASSWORD", sftp.hubConnection().password());
        environment.put("EDIHUB_SFTP_KNOWN_HOSTS_FILE", sftp.knownHostsFile().toString());
        environment.put("EDIHUB_SFTP_POLL_DELAY", "300");
        environment.put("EDIHUB_OUTBOX_POLL_DELAY", "300");
        environment.put("EDIHUB_CLUSTER_FILE_CLAIM_FOR", "PT10S");
        environment.put("EDIHUB_CLUSTER_FILE_CLAIM_RENEW", "PT2S");
        environment.put("EDIHUB_CLUSTER_LEADER_LOCK_FOR", "PT5S");
        environment.put("EDIHUB_OUTBOX_CLAIM_FOR", "PT10S");
        environment.put("CAMEL_COMPONENT_KAFKA_SESSION_TIMEOUT_MS", "10000");
        environment.put("CAMEL_COMPONENT_KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        // and a stopped hub is gone sooner: its shutdown waits for the consumer's poll under way (Camel's default: 5 s)
        environment.put("CAMEL_COMPONENT_KAFKA_POLL_TIMEOUT_MS", "500");
        environment.put("EDIHUB_RELEASES_CHECK_EVERY", "1000");
        environment.put("EDIHUB_EDIFACT_WARM_UP", "false");
        environment.put("EDIHUB_HTTP_PORT", Integer.toString(httpPort));
        passwords.forEach((user, password) -> environment.put((user.equals(operator) ? "EDIHUB_HTTP_OPERATORS_"
                : "EDIHUB_HTTP_CLIENTS_") + user.toUpperCase(Locale.ROOT), password));
        return environment;
    }

    synchronized void start() {
        starts++;
        // the working directory is the project's: the hub reads routes/ and config/partners/ from there
        process = ChildJvm.start(projectDirectory,
                List.of("-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()),
                List.of(), environment, log);
    }

    /** SIGKILL: no shutdown hook, no orderly stop of routes or transactions. */
    synchronized void kill() {
        ChildJvm.stop(process, true);
    }

    /** Asks the hub to stop (SIGTERM) without waiting for it, so that several stop side by side; {@link #close} waits. */
    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized int starts() {
        return starts;
    }

    @Override
    public synchronized void close() {
        ChildJvm.stop(process, false);
    }
}

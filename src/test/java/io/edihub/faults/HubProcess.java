package io.edihub.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The hub as production runs it: the packaged jar ({@code target/edi-hub.jar}) in a JVM of its own, with
 * the embedded servers off and pointed at the suite's PostgreSQL, Kafka broker and SFTP server through
 * the {@code EDIHUB_*} environment. It can be killed with SIGKILL at any moment and started again.
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

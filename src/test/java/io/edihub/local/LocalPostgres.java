package io.edihub.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven, run as a child process) on 127.0.0.1, whose data
 * directory outlives the JVM: the hub's state survives a restart just as with an external database.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1:{@code port} (0 = any free port) over {@code dataDirectory},
     * creating the cluster there on first use and reusing it afterwards.
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory.getParent());
            stopOrphanedServer(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Spring stops it after Camel's routes stopped; zonky's own JVM hook would stop it while they
                    // still run, and the routes would then wait out the pool's timeouts before the JVM can exit
                    .setRegisterShutdownHook(false)
                    .setPort(FreePort.resolve(port))
                    .setServerConfig("listen_addresses", FreePort.LOOPBACK)
                    // zonky tunes the server for throw-away test databases; this one keeps the hub's state
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // first start extracts the binaries and runs initdb
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            log.info("PostgreSQL listening on {}:{} (data in {})", FreePort.LOOPBACK, postgres.getPort(), directory);
            // the postmaster is a process of its own (and pg_ctl puts it in a session of its own): if this JVM ends
            // without closing it, nothing else would
            postmasterPid(directory).ifPresent(pid -> EndsWithThisJvm.watch(pid, "INT"));
            return new LocalPostgres(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start over " + directory, e);
        }
    }

    /** The postmaster's process id, from the first line of {@code postmaster.pid}. */
    private static Optional<Long> postmasterPid(Path directory) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read the postmaster's pid in {}: {}", directory, e.toString());
            return Optional.empty();
        }
    }

    /**
     * A JVM killed without running its shutdown hooks leaves its postmaster running, holding the data
     * directory; stop it so the next start does not fail on "another server might be running".
     */
    private static void stopOrphanedServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                    .ifPresent(orphan -> {
                        log.warn("Stopping PostgreSQL (pid {}) left running over {} by an earlier run", pid, directory);
                        orphan.destroy();
                        orphan.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException e) {
            log.warn("Could not check {} for a PostgreSQL left running: {}", pidFile, e.toString());
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + FreePort.LOOPBACK + ":" + port() + "/" + DATABASE;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}

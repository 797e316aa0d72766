package io.edihub.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running in this JVM on 127.0.0.1, whose log
 * directory outlives it: the storage is formatted once (a new cluster id) on first use and reused at every
 * later start, so topics, records and consumer offsets survive a restart as on a real cluster.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    static final int NODE_ID = 1;
    /** The file that says a log directory is formatted, and with which cluster id. */
    static final String META_PROPERTIES = "meta.properties";

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirectory;

    private LocalKafkaBroker(KafkaRaftServer server, int port, Path logDirectory) {
        this.server = server;
        this.port = port;
        this.logDirectory = logDirectory;
    }

    /**
     * Starts the broker on 127.0.0.1:{@code port} (0 = any free port) over {@code logDirectory}, formatting it
     * first if it holds no Kafka storage yet, and returns once it accepts clients.
     */
    public static LocalKafkaBroker start(Path logDirectory, int port) {
        Path directory = logDirectory.toAbsolutePath().normalize();
        int actualPort = FreePort.resolve(port);
        // the controller's own listener is known only to this process: any free port, at every start
        int controllerPort = FreePort.find();
        Properties config = config(directory, actualPort, controllerPort);
        try {
            Files.createDirectories(directory);
            if (!Files.isRegularFile(directory.resolve(META_PROPERTIES))) {
                format(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka log directory " + directory, e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        try {
            // returns once the broker is registered with its controller and unfenced
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        log.info("Kafka broker (KRaft, in this JVM) listening on {}:{} (data in {})", FreePort.LOOPBACK, actualPort, directory);
        return new LocalKafkaBroker(server, actualPort, directory);
    }

    private static Properties config(Path directory, int port, int controllerPort) {
        String address = FreePort.LOOPBACK + ":" + port;
        String controller = FreePort.LOOPBACK + ":" + controllerPort;
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", Integer.toString(NODE_ID));
        config.setProperty("controller.quorum.voters", NODE_ID + "@" + controller);
        config.setProperty("controller.listener.names", CONTROLLER);
        config.setProperty("listeners", "EXTERNAL://" + address + "," + CONTROLLER + "://" + controller);
        config.setProperty("advertised.listeners", "EXTERNAL://" + address);
        config.setProperty("listener.security.protocol.map", "EXTERNAL:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        config.setProperty("inter.broker.listener.name", "EXTERNAL");
        config.setProperty("log.dirs", directory.toString());
        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("num.partitions", "1");
        // one node: every internal topic with one replica, and small
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("transaction.state.log.num.partitions", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        // the log cleaner's dedupe buffer is 128 MB of heap by default, taken at start: in the hub's own JVM that was
        // half of a 256 MB heap before the hub read a byte. Compacted topics here hold a few records
        config.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 << 20));
        return config;
    }

    /** What {@code kafka-storage.sh format} does: a new cluster id, written once into the empty directory. */
    private static void format(Path directory) {
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(directory.toString())
                    .addDirectory(directory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + directory, e);
        }
        log.info("Kafka log directory {} formatted for cluster {}", directory, clusterId);
    }

    /** The {@code bootstrap.servers} value for clients of this broker. */
    public String bootstrapServers() {
        return FreePort.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** An orderly stop: the log is flushed and closed, so the next start over the same directory finds everything. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

package io.edihub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a JVM of its own (Kafka's own {@code kafka.Kafka} main from the
 * test classpath) whose log directory is a fixed folder: stopped and started again on the same port, it
 * comes back with its topics, records, producer state and consumer offsets, and the suite can take it away
 * as an outside broker goes away, while the hub processes and the suite's own JVM keep running.
 */
final class RestartableKafkaBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final Path properties;
    private Process process;

    RestartableKafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.properties = this.directory.resolve("server.properties");
        String address = "127.0.0.1:" + port;
        try {
            Files.createDirectories(this.directory);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://" + address + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://" + address,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + this.directory.resolve("log"),
                    "num.partitions=1",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "") );
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildJvm.run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()),
                log());
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    synchronized void start() {
        // C1 only, as the hubs: on two cores a start matters more than the peak speed of a broker that carries little
        process = ChildJvm.start(directory, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                ChildJvm.testClasspath()),
                List.of("kafka.Kafka", properties.toString()), Map.of(), log());
    }

    /** An orderly stop (SIGTERM): the broker flushes its log and the next start finds everything. */
    synchronized void stop() {
        ChildJvm.stop(process, false);
        process = null;
    }

    Path log() {
        return directory.resolve("broker.log");
    }

    @Override
    public void close() {
        stop();
    }
}

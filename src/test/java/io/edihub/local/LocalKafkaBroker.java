package io.edihub.local;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node Kafka (KRaft, combined broker and controller) running in this JVM on 127.0.0.1.
 *
 * <p>The broker's log lives in a temporary directory that the Kafka test kit formats at every start
 * and deletes at close, so messages do not survive a restart: durable hub state belongs in the
 * database, Kafka here only carries work between routes.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);

    private static final String TEMPORARY_DIRECTORY_HOOK = "delete-temp-file-shutdown-hook";

    private final EmbeddedKafkaKraftBroker broker;
    private final int port;
    private final List<Runnable> logDirectoryDeletions;

    private LocalKafkaBroker(EmbeddedKafkaKraftBroker broker, int port, List<Runnable> logDirectoryDeletions) {
        this.broker = broker;
        this.port = port;
        this.logDirectoryDeletions = List.copyOf(logDirectoryDeletions);
    }

    /** Starts the broker on 127.0.0.1:{@code port} (0 = any free port) and returns once it accepts clients. */
    public static LocalKafkaBroker start(int port) {
        int actualPort = FreePort.resolve(port);
        String address = FreePort.LOOPBACK + ":" + actualPort;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // The test kit listens on random ports under its own listener names; the hub needs a fixed,
        // advertised address, and the controller still needs a listener of its own.
        broker.brokerProperty("listeners", "EXTERNAL://" + address + ",CONTROLLER://" + FreePort.LOOPBACK + ":0");
        broker.brokerProperty("advertised.listeners", "EXTERNAL://" + address);
        broker.brokerProperty("auto.create.topics.enable", "true");
        // without this the test kit publishes the address as a JVM-wide system property
        broker.brokerListProperty(null);
        // The test kit deletes its log directory from a JVM shutdown hook of its own, which on Ctrl-C races
        // the broker's orderly shutdown (run by Spring's hook) and fills the log with disk errors: take
        // those deletions over and run them once the broker is down.
        List<Runnable> logDirectoryDeletions = new ArrayList<>();
        Exit.setShutdownHookAdder((name, hook) -> {
            if (TEMPORARY_DIRECTORY_HOOK.equals(name)) {
                logDirectoryDeletions.add(hook);
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(hook, name));
            }
        });
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            logDirectoryDeletions.forEach(Runnable::run);
            throw e;
        } finally {
            Exit.resetShutdownHookAdder();
        }
        log.info("Kafka broker (KRaft, in this JVM) listening on {}", address);
        return new LocalKafkaBroker(broker, actualPort, logDirectoryDeletions);
    }

    /** The {@code bootstrap.servers} value for clients of this broker. */
    public String bootstrapServers() {
        return FreePort.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        String address = broker.getBrokersAsString();
        try {
            broker.destroy();
        } finally {
            System.getProperties().remove(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, address);
            logDirectoryDeletions.forEach(Runnable::run);
        }
    }
}

package io.edihub.cli;

import io.edihub.monitoring.KafkaClientSecurity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code java -jar edi-hub.jar kafka publish|read ...}: a plain Kafka client for trying the hub out without
 * Kafka's own tools, playing the fulfillment and ERP side: publish a shipment event, read the release
 * requests, invoices, claims and alerts the hub published.
 */
public final class KafkaCommand {

    public static final String NAME = "kafka";
    private static final String USAGE = """
            usage: java -jar edi-hub.jar kafka publish TOPIC KEY FILE [--brokers HOST:PORT]
                   java -jar edi-hub.jar kafka read TOPIC... [--brokers HOST:PORT]
            (brokers default to EDIHUB_KAFKA_BROKERS, else the embedded broker, 127.0.0.1:19092; TLS and SASL come
             from the hub's own CAMEL_COMPONENT_KAFKA_* variables; read prints every record from the beginning and
             stops when nothing new came for 3 seconds)""";

    private KafkaCommand() {
    }

    /** Runs the command; returns the exit status: 0 done, 1 failed, 2 usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // the Kafka client logs its whole configuration at INFO: the records are what this command prints
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Environment environment = new StandardEnvironment();
        String brokers = environment.getProperty("EDIHUB_KAFKA_BROKERS", "127.0.0.1:19092");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--brokers".equals(args[i]) && i + 1 < args.length) {
                brokers = args[++i];
            } else if (args[i].startsWith("-")) {
                err.println("unknown option " + args[i]);
                err.println(USAGE);
                return 2;
            } else {
                words.add(args[i]);
            }
        }
        try {
            if (words.size() == 4 && "publish".equals(words.get(0))) {
                publish(clientProperties(brokers, environment), words.get(1), words.get(2),
                        Files.readString(Path.of(words.get(3))), out);
                return 0;
            }
            if (words.size() >= 2 && "read".equals(words.get(0))) {
                read(clientProperties(brokers, environment), words.subList(1, words.size()), out);
                return 0;
            }
        } catch (IOException | RuntimeException | InterruptedException | java.util.concurrent.ExecutionException e) {
            err.println("kafka " + words.get(0) + " failed: " + e.getMessage());
            return 1;
        }
        err.println(USAGE);
        return 2;
    }

    /** The brokers, and the TLS / SASL settings the hub itself uses ({@code CAMEL_COMPONENT_KAFKA_*}). */
    static Map<String, Object> clientProperties(String brokers, Environment environment) {
        Map<String, Object> properties = new HashMap<>(KafkaClientSecurity.from(environment));
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return properties;
    }

    private static void publish(Map<String, Object> client, String topic, String key, String value, PrintStream out)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            var meta = producer.send(new ProducerRecord<>(topic, key, value)).get();
            out.println("published to " + meta.topic() + "-" + meta.partition() + "@" + meta.offset() + " key " + key);
        }
    }

    private static void read(Map<String, Object> client, List<String> topics, PrintStream out) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "edi-hub-cli-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(topics);
            Instant quietUntil = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(quietUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder headers = new StringBuilder();
                    for (Header h : r.headers()) {
                        headers.append(' ').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                    }
                    out.println(r.topic() + " key=" + r.key() + headers);
                    out.println(r.value());
                    quietUntil = Instant.now().plusSeconds(3);
                }
            }
        }
    }
}

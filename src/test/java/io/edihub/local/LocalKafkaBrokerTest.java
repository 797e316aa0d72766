package io.edihub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    private static final String TOPIC = "edihub.local.release";

    @TempDir
    Path dataDir;

    @Test
    void plainKafkaClientsProduceAndConsumeOnTheConfiguredPort() {
        int port = FreePort.find();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir.resolve("kafka"), port)) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);

            publish(broker, "acme", "release 1");

            assertThat(readAll(broker, "local-kafka-test", 1)).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("acme");
                assertThat(record.value()).isEqualTo("release 1");
            });
        }
    }

    @Test
    void recordsAndConsumerOffsetsSurviveARestartOnTheSameDirectory() {
        Path directory = dataDir.resolve("kafka");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(directory, 0)) {
            publish(broker, "acme", "release 1");
            publish(broker, "acme", "release 2");
            // a consumer group that has read (and committed) the first record only
            assertThat(readAll(broker, "committed-once", 1)).hasSize(1);
        }
        String clusterId = clusterIdIn(directory);

        // another port, as a test's free port may be: the stored data does not depend on it
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(directory, 0)) {
            assertThat(clusterIdIn(directory)).as("not formatted again").isEqualTo(clusterId);
            assertThat(readAll(broker, "new-reader", 2)).extracting(ConsumerRecord::value)
                    .containsExactly("release 1", "release 2");
            assertThat(readAll(broker, "committed-once", 1)).extracting(ConsumerRecord::value)
                    .as("the group goes on after its committed offset").containsExactly("release 2");
        }
    }

    private static void publish(LocalKafkaBroker broker, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + broker.bootstrapServers(), e);
        }
    }

    /** Reads {@code count} records as {@code group}, committing what it read. */
    private static List<ConsumerRecord<String, String>> readAll(LocalKafkaBroker broker, String group, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, count,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            });
            consumer.commitSync();
            return received;
        }
    }

    private static String clusterIdIn(Path directory) {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(LocalKafkaBroker.META_PROPERTIES))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta.getProperty("cluster.id");
    }
}

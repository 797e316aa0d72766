package io.edihub;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka client, as a fulfillment or ERP system would use one: reads everything the hub published on some
 * topics since the client was made, and produces shipment events. What was on the topics before belongs to the tests
 * that ran earlier on the same hub ({@link WholeHubTest}), so it is skipped: a test makes its client before it acts.
 */
public final class KafkaTestClient implements AutoCloseable {

    /** One record as read: topic, key, value and its ce_* headers. */
    public record Received(String topic, String key, String value, Map<String, String> headers) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Where each partition of the topics ended when this client was made; a topic made later is read from its start. */
    private final Map<TopicPartition, Long> startOffsets;

    public KafkaTestClient(String brokers, Collection<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
        List<TopicPartition> partitions = topics.stream().filter(existing::containsKey)
                .flatMap(topic -> existing.get(topic).stream().map(p -> new TopicPartition(topic, p.partition()))).toList();
        startOffsets = partitions.isEmpty() ? Map.of() : Map.copyOf(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
        consumer.subscribe(topics);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new StringSerializer());
    }

    /** Polls once and returns everything read so far (call it from an Awaitility condition). */
    public synchronized List<Received> poll() {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.offset() < startOffsets.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
                continue;
            }
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            received.add(new Received(r.topic(), r.key(), r.value(), headers));
        }
        return new ArrayList<>(received);
    }

    /** Everything read so far from one topic. */
    public List<Received> on(String topic) {
        return poll().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** The JSON payloads read so far from one topic that name the purchase order (invoices, credit notes). */
    public List<JsonNode> ofPo(String topic, String poNumber) {
        return on(topic).stream().map(r -> {
            try {
                return CanonicalJson.MAPPER.readTree(r.value());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not JSON on " + topic + ": " + r.value(), e);
            }
        }).filter(json -> poNumber.equals(json.path("poNumber").asText())).toList();
    }

    /** Sends a record and waits for the broker's acknowledgment. */
    public void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}

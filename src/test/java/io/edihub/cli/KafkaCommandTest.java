package io.edihub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.local.FreePort;
import io.edihub.local.LocalKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class KafkaCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return KafkaCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aWrongCallIsAUsageErrorThatShowsHowToCallIt() {
        assertThat(run("publish", "only-a-topic")).isEqualTo(2);
        assertThat(run("read", "t", "--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --verbose")
                .contains("kafka publish TOPIC KEY FILE");
    }

    @Test
    void itReachesASecuredBrokerWithTheHubsOwnKafkaSettings() {
        // the environment variables, as the command sees them
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "CAMEL_COMPONENT_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12")));
        assertThat(KafkaCommand.clientProperties("kafka-1:9093", environment))
                .containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12");
        assertThat(KafkaCommand.clientProperties("127.0.0.1:19092", new MockEnvironment()))
                .containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void whatItPublishesItReadsBackFromARealBroker(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("shipment.json");
        Files.writeString(event, "{\"shipmentId\": \"S-1\"}");
        int port = FreePort.find();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir.resolve("kafka"), port)) {
            String brokers = "127.0.0.1:" + port;
            assertThat(run("publish", "edihub.shipments.v1", "R-01", event.toString(), "--brokers", brokers)).isZero();
            assertThat(run("read", "edihub.shipments.v1", "--brokers", brokers)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("published to edihub.shipments.v1-0@0 key R-01")
                .contains("edihub.shipments.v1 key=R-01").contains("{\"shipmentId\": \"S-1\"}");
    }
}

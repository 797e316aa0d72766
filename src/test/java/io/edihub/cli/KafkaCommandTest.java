package io.edihub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.local.FreePort;
import io.edihub.local.LocalKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void whatItPublishesItReadsBackFromARealBroker(@TempDir Path dir) throws Exception {
        Path event = dir.resolve("shipment.json");
        Files.writeString(event, "{\"shipmentId\": \"S-1\"}");
        int port = FreePort.find();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(port)) {
            String brokers = "127.0.0.1:" + port;
            assertThat(run("publish", "edihub.shipments.v1", "R-01", event.toString(), "--brokers", brokers)).isZero();
            assertThat(run("read", "edihub.shipments.v1", "--brokers", brokers)).isZero();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("published to edihub.shipments.v1-0@0 key R-01")
                .contains("edihub.shipments.v1 key=R-01").contains("{\"shipmentId\": \"S-1\"}");
    }
}

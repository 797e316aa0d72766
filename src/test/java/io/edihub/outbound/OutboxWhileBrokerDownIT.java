package io.edihub.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.EmbeddedHubProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With the broker unreachable, the hub still starts and keeps what it has to publish: a message is never
 * marked sent without the broker's acknowledgment; each failed attempt is recorded and the next one waits
 * longer.
 */
// a hub of its own: it publishes to a broker that is not there
@DirtiesContext
@SpringBootTest
class OutboxWhileBrokerDownIT {

    @DynamicPropertySource
    static void brokerDown(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        // the embedded broker listens on its port; the hub is pointed at one where nothing listens
        String nothing = "127.0.0.1:" + EmbeddedHubProperties.freePort();
        registry.add("edihub.kafka.brokers", () -> nothing);
        registry.add("edihub.outbox.poll-delay", () -> "100");
        registry.add("camel.component.kafka.max-block-ms", () -> "1000");
    }

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMessageTheBrokerNeverAcknowledgedStaysUnsentAndIsRetriedWithBackOff() {
        transactions.executeWithoutResult(status -> outbox.add("edihub.invoices.v1", "EDH-TEST-1", "invoice:EDH-TEST-1",
                "io.edihub.invoice.v1", Map.of("invoiceNumber", "EDH-TEST-1")));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select attempts from outbox_message where message_id = 'invoice:EDH-TEST-1'", Integer.class) >= 2);
        Map<String, Object> row = jdbc.queryForMap("select sent_at, last_error, next_attempt_at > created_at as later "
                + "from outbox_message where message_id = 'invoice:EDH-TEST-1'");
        assertThat(row.get("sent_at")).isNull();
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(row.get("later")).isEqualTo(true);
        assertThat(OutboxPublisher.backOff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxPublisher.backOff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxPublisher.backOff(30)).isEqualTo(Duration.ofMinutes(5));
    }
}

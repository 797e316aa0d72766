package io.edihub.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the {@code publishOutboxMessages} route calls: claims a batch of unsent messages, turns each into a
 * Kafka record with CloudEvents headers, and marks it sent once the broker acknowledged it. A message that
 * fails waits longer after every attempt (1 s, 2 s, 4 s ... up to 5 minutes) and is never dropped.
 */
@Component("outboxPublisher")
public class OutboxPublisher {

    /** The exchange property that carries the outbox row being published. */
    public static final String MESSAGE = "EdiHubOutboxMessage";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Topics topics;
    private final Duration claimFor;

    OutboxPublisher(JdbcTemplate jdbc, Clock clock, Topics topics, OutboxSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.topics = topics;
        this.claimFor = settings.claimFor();
    }

    /** An outbox row on its way to Kafka. */
    public record Message(long id, String messageId, String topic, String key, String type, String payload,
            Instant createdAt) {
    }

    /**
     * Up to {@code limit} messages due for sending, oldest first, held for this publisher for
     * {@code edihub.outbox.claim-for} (a minute) so that a second hub instance polling at the same moment takes others.
     */
    public List<Message> claim(int limit) {
        Instant now = clock.instant();
        return jdbc.query("update outbox_message set claimed_until = ? where id in (select id from outbox_message "
                        + "where sent_at is null and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
                        + "order by id limit ? for update skip locked) "
                        + "returning id, message_id, topic, message_key, type, payload, created_at",
                (rs, i) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()),
                Timestamp.from(now.plus(claimFor)), Timestamp.from(now), Timestamp.from(now), limit)
                .stream().sorted(java.util.Comparator.comparingLong(Message::id)).toList();
    }

    /**
     * Makes the exchange the Kafka record: the payload as body, the business key, the topic, and the
     * CloudEvents binary-mode headers, and nothing else of ours.
     */
    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage().getBody(Message.class);
        exchange.setProperty(MESSAGE, m);
        var out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(KafkaConstants.OVERRIDE_TOPIC, m.topic());
        out.setHeader(KafkaConstants.KEY, m.key());
        out.setHeader("ce_specversion", "1.0");
        out.setHeader("ce_id", m.messageId());
        out.setHeader("ce_type", m.type());
        out.setHeader("ce_source", topics.source());
        out.setHeader("ce_time", m.createdAt().toString());
        out.setHeader("content-type", "application/json");
        out.setBody(m.payload());
    }

    /** The broker acknowledged the record. */
    public void sent(@ExchangeProperty(MESSAGE) Message m) {
        jdbc.update("update outbox_message set sent_at = ?, attempts = attempts + 1, claimed_until = null, last_error = null "
                + "where id = ?", Timestamp.from(clock.instant()), m.id());
    }

    /** Sending failed: try again later, a little later each time. */
    public void failed(@ExchangeProperty(MESSAGE) Message m, Exchange exchange) {
        if (m == null) {
            return;
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        Integer attempts = jdbc.queryForObject("update outbox_message set attempts = attempts + 1, claimed_until = null, "
                + "last_error = ? where id = ? returning attempts", Integer.class, error, m.id());
        Duration wait = backOff(attempts == null ? 1 : attempts);
        jdbc.update("update outbox_message set next_attempt_at = ? where id = ?", Timestamp.from(clock.instant().plus(wait)),
                m.id());
        LOG.warn("{} {} to {} not sent (attempt {}), next try in {}: {}", m.type(), m.messageId(), m.topic(), attempts,
                wait, error);
    }

    static Duration backOff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }
}

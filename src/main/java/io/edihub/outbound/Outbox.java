package io.edihub.outbound;

import io.edihub.canonical.CanonicalJson;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a Kafka message into the outbox table, inside the caller's transaction: the message exists if and
 * only if the change it reports committed. The publisher route sends it later.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a message unless one with the same id is already there.
     *
     * @param messageId the CloudEvents id, derived from the business key ({@code invoice:EDH-00000001}), so
     *                  doing the same thing twice never publishes two different messages
     * @param type      the CloudEvents type ({@code io.edihub.invoice.v1})
     * @param payload   a record, written as JSON
     * @return false when the message was already in the outbox
     */
    public boolean add(String topic, String key, String messageId, String type, Object payload) {
        String json = CanonicalJson.compact(payload);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("insert into outbox_message (message_id, topic, message_key, type, payload, created_at, "
                + "next_attempt_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing", messageId, topic, key,
                type, json, now, now) == 1;
    }
}

package io.edihub.monitoring;

import io.edihub.outbound.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far Kafka publishing lags behind, per topic, from the transactional outbox: messages committed but not
 * yet acknowledged by the broker, and the age of the oldest of them. A broker outage shows as both growing
 * while the hub goes on taking orders.
 *
 * <pre>
 * edihub_outbox_pending_messages{topic}
 * edihub_outbox_oldest_pending_age_seconds{topic}   (0 when nothing is pending)
 * </pre>
 */
class OutboxLagMetrics extends CountsFromDatabase<Map<String, OutboxLagMetrics.Pending>, String> {

    record Pending(long messages, Instant oldest) {
    }

    private static final Pending NONE = new Pending(0, null);

    private final JdbcTemplate jdbc;
    private final Topics topics;
    private final Clock clock;

    OutboxLagMetrics(JdbcTemplate jdbc, Topics topics, Clock clock, MonitoringSettings settings) {
        super(settings.metricsCacheFor());
        this.jdbc = jdbc;
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    Map<String, Pending> read() {
        Map<String, Pending> pending = new HashMap<>();
        // the outbox's partial index on unsent rows (under the view) keeps this cheap however many were sent
        jdbc.query("select topic, count(*), min(created_at) from outbox_backlog group by topic",
                rs -> {
                    Timestamp oldest = rs.getTimestamp(3);
                    pending.put(rs.getString(1), new Pending(rs.getLong(2), oldest.toInstant()));
                });
        return pending;
    }

    @Override
    Collection<String> knownKeys() {
        return List.of(topics.releaseRequests(), topics.invoices(), topics.claims(), topics.creditNotes(),
                topics.returnAuthorizations(), topics.payments(), topics.alerts());
    }

    @Override
    Collection<String> keysIn(Map<String, Pending> figures) {
        return figures.keySet();
    }

    @Override
    void register(String topic, MeterRegistry registry) {
        Gauge.builder("edihub.outbox.pending.messages", this, metrics -> {
            Map<String, Pending> figures = metrics.figures();
            return figures == null ? Double.NaN : figures.getOrDefault(topic, NONE).messages();
        }).description("messages committed to the outbox and not yet acknowledged by the broker")
                .tag("topic", topic).register(registry);
        Gauge.builder("edihub.outbox.oldest.pending.age", this, metrics -> {
            Map<String, Pending> figures = metrics.figures();
            if (figures == null) {
                return Double.NaN;
            }
            Instant oldest = figures.getOrDefault(topic, NONE).oldest();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }).description("how long the oldest unsent outbox message has waited").baseUnit("seconds")
                .tag("topic", topic).register(registry);
    }
}

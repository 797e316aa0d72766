package io.edihub.ops;

import io.edihub.order.OrderStore;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Raises and closes alerts. An alert is a row in {@code alert}, open until its cause goes away or an
 * operator closes it; each opening and closing is an event on the alerts topic, and on the order's timeline
 * when it concerns an order. Everything is written in the caller's transaction, so an alert exists exactly
 * when what caused it was recorded.
 */
@Component
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final String TYPE = "io.edihub.alert.v1";
    private static final String COLUMNS = "id, alert_key, kind, subject, partner_id, po_number, order_id, detail, since, "
            + "raised_at, last_seen_at, closed_at, closed_by, closed_reason";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Topics topics;
    private final OrderStore orders;
    private final Clock clock;

    Alerts(JdbcTemplate jdbc, Outbox outbox, Topics topics, OrderStore orders, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topics = topics;
        this.orders = orders;
        this.clock = clock;
    }

    /** Whether an alert still needs someone. */
    public enum Status {
        OPEN, CLOSED
    }

    /**
     * The alert event ({@code io.edihub.alert.v1}), published when an alert opens and again when it closes.
     *
     * @param alertId      the alert's id (the same on its OPEN and CLOSED events)
     * @param alertKey     the condition's identity: a later alert with the same key is the same trouble again
     * @param kind         what happened ({@code SHIPMENT_REFUSED}, {@code NOT_SHIPPED}, ...)
     * @param subject      what it is about: a release id, a shipment id, a document
     * @param partnerId    the partner, if known
     * @param poNumber     the order, if known
     * @param detail       what is wrong and what to do, in words
     * @param raisedAt     when the alert was raised
     * @param status       OPEN or CLOSED
     * @param since        since when the condition holds (what is overdue has been waiting since then)
     * @param closedAt     when it closed
     * @param closedBy     {@code watchdog} or the operator who closed it
     * @param closedReason why it closed
     */
    public record Alert(String alertId, String alertKey, String kind, String subject, String partnerId, String poNumber,
            String detail, Instant raisedAt, Status status, Instant since, Instant closedAt, String closedBy,
            String closedReason) {
    }

    /**
     * A condition that needs a person.
     *
     * @param key        its identity: at most one alert is open per key
     * @param orderId    the order's id when it is about an order on file, else null
     * @param documentId the inbound document that caused it, if any
     * @param since      since when it holds
     */
    public record Cause(String key, String kind, String subject, String partnerId, String poNumber, Long orderId,
            Long documentId, String detail, Instant since) {
    }

    /** An alert as stored, with the last time a watchdog pass still saw its cause. */
    public record Stored(long id, Alert alert, Long orderId, Instant lastSeenAt) {
    }

    /**
     * Raises a one-off alert: something happened that a person must deal with (and then close).
     *
     * @param orderId    the order's id when the alert is about an order on file, else null
     * @param documentId the inbound document that caused it, if any
     */
    public void raise(String kind, String subject, String partnerId, String poNumber, Long orderId, Long documentId,
            String detail) {
        open(new Cause(kind + ":" + UUID.randomUUID(), kind, subject, partnerId, poNumber, orderId, documentId, detail,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Opens an alert for a cause unless one is open for its key already; then only notes it was seen again.
     *
     * @return true when a new alert was opened
     */
    public boolean open(Cause cause) {
        // what the database keeps (microseconds): the OPEN event and the CLOSED event, read back, say the same raisedAt
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // seen again is the usual case: refresh it without spending a sequence number on a conflicting insert
        if (jdbc.update("update alert set last_seen_at = ? where alert_key = ? and closed_at is null", Timestamp.from(now),
                cause.key()) > 0) {
            return false;
        }
        List<Long> inserted = jdbc.queryForList("insert into alert (alert_key, kind, subject, partner_id, po_number, order_id, "
                        + "detail, since, raised_at, last_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (alert_key) where closed_at is null do nothing returning id", Long.class,
                cause.key(), cause.kind(), cause.subject(), cause.partnerId(), cause.poNumber(), cause.orderId(),
                cause.detail(), Timestamp.from(cause.since()), Timestamp.from(now), Timestamp.from(now));
        if (inserted.isEmpty()) {
            jdbc.update("update alert set last_seen_at = ? where alert_key = ? and closed_at is null", Timestamp.from(now),
                    cause.key());
            return false;
        }
        Alert alert = new Alert(inserted.get(0).toString(), cause.key(), cause.kind(), cause.subject(), cause.partnerId(),
                cause.poNumber(), cause.detail(), now, Status.OPEN, cause.since(), null, null, null);
        if (cause.partnerId() != null && cause.poNumber() != null) {
            orders.recordEvent(cause.partnerId(), cause.poNumber(), cause.orderId(), cause.documentId(), cause.kind(),
                    cause.detail(), true);
        }
        publish(alert);
        LOG.warn("alert {} {} on {}: {}", alert.alertId(), cause.kind(), cause.subject(), cause.detail());
        return true;
    }

    /**
     * Closes an open alert.
     *
     * @param closedBy {@code watchdog}, or the operator
     * @return the closed alert, or empty when there is no such alert or it was closed already
     */
    public Optional<Alert> close(long id, String closedBy, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Stored> closed = jdbc.query("update alert set closed_at = ?, closed_by = ?, closed_reason = ? "
                + "where id = ? and closed_at is null returning " + COLUMNS, Alerts::stored, Timestamp.from(now), closedBy,
                reason, id);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Stored stored = closed.get(0);
        Alert alert = stored.alert();
        if (alert.partnerId() != null && alert.poNumber() != null) {
            orders.recordEvent(alert.partnerId(), alert.poNumber(), stored.orderId(), null, "ALERT_CLOSED", alert.kind()
                    + " alert " + alert.alertId() + " closed by " + closedBy + ": " + reason, false);
        }
        publish(alert);
        LOG.info("alert {} {} on {} closed by {}: {}", alert.alertId(), alert.kind(), alert.subject(), closedBy, reason);
        return Optional.of(alert);
    }

    /** Closes every open alert of this kind about this subject; returns how many it closed. */
    int closeAbout(String kind, String subject, String closedBy, String reason) {
        List<Long> open = jdbc.queryForList("select id from alert where kind = ? and subject = ? and closed_at is null",
                Long.class, kind, subject);
        return (int) open.stream().filter(id -> close(id, closedBy, reason).isPresent()).count();
    }

    /** The event's id says which alert and which state, so a replay publishes nothing new. */
    private void publish(Alert alert) {
        outbox.add(topics.alerts(), alert.subject() == null ? alert.kind() : alert.subject(),
                "alert:" + alert.alertId() + ":" + alert.status(), TYPE, alert);
    }

    public Optional<Stored> find(long id) {
        return jdbc.query("select " + COLUMNS + " from alert where id = ?", Alerts::stored, id).stream().findFirst();
    }

    /**
     * Alerts, newest first.
     *
     * @param status    OPEN, CLOSED, or null for all
     * @param partnerId only this partner's, or null
     * @param poNumber  only this order's, or null
     */
    public List<Stored> list(Status status, String partnerId, String poNumber, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from alert where true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            sql.append(status == Status.OPEN ? " and closed_at is null" : " and closed_at is not null");
        }
        if (partnerId != null) {
            sql.append(" and partner_id = ?");
            args.add(partnerId);
        }
        if (poNumber != null) {
            sql.append(" and po_number = ?");
            args.add(poNumber);
        }
        sql.append(" order by raised_at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), Alerts::stored, args.toArray());
    }

    /** The open alerts of some kinds: what the watchdog checks is still true. */
    List<Stored> open(java.util.Collection<String> kinds) {
        return jdbc.query("select " + COLUMNS + " from alert where closed_at is null and kind = any (cast(? as text[])) "
                + "order by id", Alerts::stored, "{" + String.join(",", kinds) + "}");
    }

    private static Stored stored(ResultSet rs, int i) throws SQLException {
        Timestamp closedAt = rs.getTimestamp("closed_at");
        Alert alert = new Alert(Long.toString(rs.getLong("id")), rs.getString("alert_key"), rs.getString("kind"),
                rs.getString("subject"), rs.getString("partner_id"), rs.getString("po_number"), rs.getString("detail"),
                rs.getTimestamp("raised_at").toInstant(), closedAt == null ? Status.OPEN : Status.CLOSED,
                rs.getTimestamp("since").toInstant(), closedAt == null ? null : closedAt.toInstant(),
                rs.getString("closed_by"), rs.getString("closed_reason"));
        return new Stored(rs.getLong("id"), alert, (Long) rs.getObject("order_id"), rs.getTimestamp("last_seen_at").toInstant());
    }
}

package io.edihub.ops;

import io.edihub.order.OrderStore;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises an alert: on the order's timeline when it concerns an order, and always as an event on the alerts
 * topic. Both are written in the caller's transaction, so an alert exists exactly when what caused it was
 * recorded.
 */
@Component
public class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final Outbox outbox;
    private final Topics topics;
    private final OrderStore orders;
    private final Clock clock;

    Alerts(Outbox outbox, Topics topics, OrderStore orders, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * The alert event ({@code io.edihub.alert.v1}).
     *
     * @param alertId   unique per alert
     * @param kind      what happened ({@code SHIPMENT_REFUSED}, {@code ACCEPTANCE_REFUSED}, ...)
     * @param subject   what it is about: a release id, a shipment id, a document
     * @param partnerId the partner, if known
     * @param poNumber  the order, if known
     * @param detail    what is wrong and what to do, in words
     * @param raisedAt  when
     */
    public record Alert(String alertId, String kind, String subject, String partnerId, String poNumber, String detail,
            Instant raisedAt) {
    }

    /**
     * Raises an alert.
     *
     * @param orderId    the order's id when the alert is about an order on file, else null
     * @param documentId the inbound document that caused it, if any
     */
    public void raise(String kind, String subject, String partnerId, String poNumber, Long orderId, Long documentId,
            String detail) {
        Alert alert = new Alert(UUID.randomUUID().toString(), kind, subject, partnerId, poNumber, detail, clock.instant());
        if (partnerId != null && poNumber != null) {
            orders.recordEvent(partnerId, poNumber, orderId, documentId, kind, detail, true);
        }
        outbox.add(topics.alerts(), subject == null ? kind : subject, "alert:" + alert.alertId(), "io.edihub.alert.v1", alert);
        LOG.warn("alert {} on {}: {}", kind, subject, detail);
    }
}

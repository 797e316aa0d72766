package io.edihub.fulfillment;

import io.edihub.canonical.InputError;
import io.edihub.canonical.Release;
import io.edihub.canonical.ShipNotice;
import io.edihub.ops.Alerts;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.ShipNotice856Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the shipments logistics reports on {@code edihub.shipments.v1} to the release lines. Every event
 * is kept as it came. One that cannot be applied (malformed, an unknown release, more than was released,
 * a release fulfillment was never asked for, a held or cancelled order) is recorded as an exception and
 * raises an alert; nothing about it is applied. A shipment id seen again with the same content is a
 * redelivery and is recorded as a duplicate; with other content it is an exception.
 */
@Component("shipmentDesk")
public class ShipmentDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ShipmentDesk.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReleaseLedger ledger;
    private final OrderStore orders;
    private final PartnerDirectory partners;
    private final Alerts alerts;
    private final OutboundDocuments outbound;
    private final ControlNumbers controlNumbers;
    private final ShipNotice856Writer shipNotices;
    private final ShipmentReader reader;
    private final Clock clock;

    ShipmentDesk(JdbcTemplate jdbc, TransactionTemplate transactions, ReleaseLedger ledger, OrderStore orders,
            PartnerDirectory partners, Alerts alerts, OutboundDocuments outbound, ControlNumbers controlNumbers,
            OurIdentity us, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.orders = orders;
        this.partners = partners;
        this.alerts = alerts;
        this.outbound = outbound;
        this.controlNumbers = controlNumbers;
        this.shipNotices = new ShipNotice856Writer(us);
        this.reader = new ShipmentReader();
        this.clock = clock;
    }

    /** What became of a shipment event. */
    public enum Result {
        APPLIED, DUPLICATE, EXCEPTION
    }

    /** @param code the reason an exception was not applied; message in words */
    public record Outcome(Result result, String code, String message) {
    }

    /** What the {@code receiveShipments} route calls for every record. */
    public Outcome consume(@Body String payload, @Header(KafkaConstants.TOPIC) String topic,
            @Header(KafkaConstants.PARTITION) Integer partition, @Header(KafkaConstants.OFFSET) Long offset) {
        return receive(payload, topic + "-" + partition + "@" + offset);
    }

    /**
     * Applies one shipment event, all in one transaction.
     *
     * @param payload the record's value as sent
     * @param origin  where it came from (topic, partition and offset), for the record
     */
    public Outcome receive(String payload, String origin) {
        String body = payload == null ? "" : payload;
        Outcome outcome = transactions.execute(status -> apply(body, origin));
        if (outcome.result() == Result.EXCEPTION) {
            LOG.warn("shipment from {} not applied: {} {}", origin, outcome.code(), outcome.message());
        }
        return outcome;
    }

    private Outcome apply(String payload, String origin) {
        Instant now = clock.instant();
        String sha256 = sha256(payload);
        ShipmentReader.Result read = reader.read(payload.getBytes(StandardCharsets.UTF_8));
        if (!read.errors().isEmpty()) {
            String detail = read.errors().stream().map(InputError::toString).collect(Collectors.joining("; "));
            long row = record(null, "EXCEPTION", "MALFORMED: " + detail, payload, sha256, origin, now);
            alerts.raise("SHIPMENT_REFUSED", "shipment-event:" + row, null, null, null, null,
                    "a shipment event from " + origin + " cannot be read and was not applied: " + detail);
            return new Outcome(Result.EXCEPTION, "MALFORMED", detail);
        }
        Shipment shipment = read.shipment();
        Optional<String> applied = jdbc.queryForList("select sha256 from shipment where shipment_id = ? and status = 'APPLIED'",
                String.class, shipment.shipmentId()).stream().findFirst();
        if (applied.isPresent()) {
            if (applied.get().equals(sha256)) {
                record(shipment, "DUPLICATE", null, payload, sha256, origin, now);
                return new Outcome(Result.DUPLICATE, "DUPLICATE", "shipment " + shipment.shipmentId()
                        + " was already applied; a redelivery changes nothing");
            }
            return refuse(shipment, null, "CONFLICTING_DUPLICATE", "shipment " + shipment.shipmentId()
                    + " was already applied with other content; the new version was not applied", payload, sha256, origin,
                    now);
        }
        Optional<PartnerProfile> partner = partners.byId(shipment.partnerId());
        if (partner.isEmpty()) {
            return refuse(shipment, null, "UNKNOWN_PARTNER", "partner '" + shipment.partnerId() + "' is not known here",
                    payload, sha256, origin, now);
        }
        Optional<ReleaseLedger.Entry> locked = ledger.lock(shipment.partnerId(), shipment.releaseId());
        if (locked.isEmpty()) {
            return refuse(shipment, null, "UNKNOWN_RELEASE", "release " + shipment.releaseId() + " of partner "
                    + shipment.partnerId() + " is not on file", payload, sha256, origin, now);
        }
        ReleaseLedger.Entry entry = locked.get();
        String refusal = shippable(entry);
        if (refusal != null) {
            return refuse(shipment, entry, "RELEASE_NOT_SHIPPABLE", refusal, payload, sha256, origin, now);
        }
        for (Shipment.Line line : shipment.lines()) {
            String unit = entry.quantities().lines().stream().filter(l -> l.lineNumber().equals(line.lineNumber()))
                    .map(ReleaseQuantities.Line::unit).findFirst().orElse(null);
            if (line.unit() != null && unit != null && !line.unit().equalsIgnoreCase(unit)) {
                return refuse(shipment, entry, "UNIT_MISMATCH", "line " + line.lineNumber() + " shipped in " + line.unit()
                        + ", but the release is in " + unit, payload, sha256, origin, now);
            }
        }
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        shipment.lines().forEach(l -> quantities.merge(l.lineNumber(), l.quantity(), BigDecimal::add));
        ReleaseQuantities shipped;
        try {
            shipped = entry.quantities().ship(quantities);
        } catch (ReleaseQuantities.Refusal e) {
            return refuse(shipment, entry, e.code(), e.getMessage(), payload, sha256, origin, now);
        }
        Release.Status status = shipped.status(entry.status());
        ledger.save(entry, shipped, status);
        long row = record(shipment, "APPLIED", null, payload, sha256, origin, now);
        jdbc.batchUpdate("insert into shipment_line (shipment, line_number, quantity, unit) values (?, ?, ?, ?)",
                shipment.lines().stream().map(l -> new Object[] {row, l.lineNumber(), l.quantity(), l.unit()}).toList());
        orders.recordEvent(entry.partnerId(), entry.poNumber(), entry.orderId(), null, "SHIPPED", "shipment "
                + shipment.shipmentId() + " applied to release " + entry.releaseId() + " (" + status.name() + ")", false);
        if (partner.get().shipNotice()) {
            sendShipNotice(partner.get(), entry, shipped, shipment, now);
        }
        return new Outcome(Result.APPLIED, status.name(), "shipment " + shipment.shipmentId() + " applied to release "
                + entry.releaseId());
    }

    /** Null when fulfillment may ship on the release; else why not. */
    private static String shippable(ReleaseLedger.Entry entry) {
        if (!"OPEN".equals(entry.orderStatus())) {
            return "order " + entry.poNumber() + " is " + entry.orderStatus().toLowerCase() + "; nothing may ship on release "
                    + entry.releaseId();
        }
        return switch (entry.status()) {
            case HELD, CANCELLED -> "release " + entry.releaseId() + " is " + entry.status().name().toLowerCase()
                    + "; nothing may ship on it";
            case PLANNED -> "release " + entry.releaseId() + " was never requested from fulfillment (it is due "
                    + entry.firstDue() + "); goods are shipped only on request";
            default -> null;
        };
    }

    private void sendShipNotice(PartnerProfile partner, ReleaseLedger.Entry entry, ReleaseQuantities after,
            Shipment shipment, Instant now) {
        Map<String, BigDecimal> shippedNow = new LinkedHashMap<>();
        shipment.lines().forEach(l -> shippedNow.merge(l.lineNumber(), l.quantity(), BigDecimal::add));
        List<ShipNotice.Line> lines = shippedNow.entrySet().stream().map(e -> {
            ReleaseQuantities.Line first = after.lines().stream().filter(l -> l.lineNumber().equals(e.getKey()))
                    .findFirst().orElseThrow();
            return new ShipNotice.Line(e.getKey(), first.buyerPart(), first.vendorPart(), e.getValue(),
                    after.total(e.getKey(), ReleaseQuantities.Line::released), first.unit());
        }).toList();
        ShipNotice notice = new ShipNotice(shipment.shipmentId(), partner.id(), entry.poNumber(), entry.orderDate(),
                entry.releaseId(), shipment.shipDate(), shipment.carrier(), shipment.trackingNumber(),
                partner.contract() == null ? null : partner.contract().supplierNumber(), lines);
        String text = shipNotices.write(notice, partner, controlNumbers, now.atZone(ZoneOffset.UTC));
        String control = text.substring(90, 99);
        outbound.store(partner.id(), "856", control, "856-" + control + "-" + safe(entry.releaseId()) + ".x12", text, null,
                entry.poNumber(), entry.releaseId(), now);
    }

    private Outcome refuse(Shipment shipment, ReleaseLedger.Entry entry, String code, String message, String payload,
            String sha256, String origin, Instant now) {
        record(shipment, "EXCEPTION", code + ": " + message, payload, sha256, origin, now);
        alerts.raise("SHIPMENT_REFUSED", shipment.releaseId(), shipment.partnerId(),
                entry == null ? null : entry.poNumber(), entry == null ? null : entry.orderId(), null,
                "shipment " + shipment.shipmentId() + " was not applied: " + message + " [" + code + "]");
        return new Outcome(Result.EXCEPTION, code, message);
    }

    private long record(Shipment s, String status, String error, String payload, String sha256, String origin, Instant now) {
        return jdbc.queryForObject("insert into shipment (shipment_id, partner_id, release_id, ship_date, carrier, "
                        + "tracking_number, status, error, payload, sha256, topic_partition, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                s == null ? null : s.shipmentId(), s == null ? null : s.partnerId(), s == null ? null : s.releaseId(),
                s == null || s.shipDate() == null ? null : Date.valueOf(s.shipDate()), s == null ? null : s.carrier(),
                s == null ? null : s.trackingNumber(), status, error, payload, sha256, origin, Timestamp.from(now));
    }

    static String safe(String name) {
        return name.replaceAll("[^0-9A-Za-z-]", "");
    }

    static String sha256(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

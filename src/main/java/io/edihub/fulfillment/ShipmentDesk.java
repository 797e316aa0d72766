package io.edihub.fulfillment;

import io.edihub.canonical.InputError;
import io.edihub.canonical.Release;
import io.edihub.canonical.ShipNotice;
import io.edihub.ops.Alerts;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.forms.OutgoingDocuments;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
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
    private final OutgoingDocuments documents;
    private final ShipmentReader reader;
    private final ShipmentRoute route;
    private final Clock clock;

    ShipmentDesk(JdbcTemplate jdbc, TransactionTemplate transactions, ReleaseLedger ledger, OrderStore orders,
            PartnerDirectory partners, Alerts alerts, OutgoingDocuments documents,
            ShipmentRoute route, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.orders = orders;
        this.partners = partners;
        this.alerts = alerts;
        this.documents = documents;
        this.reader = new ShipmentReader();
        this.route = route;
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
     * Applies one shipment event, all in one transaction: the {@code takeShipment} route's steps run in this
     * thread, inside it.
     *
     * @param payload the record's value as sent
     * @param origin  where it came from (topic, partition and offset), for the record
     */
    public Outcome receive(String payload, String origin) {
        String body = payload == null ? "" : payload;
        ShipmentInProgress start = ShipmentInProgress.start(body, origin, sha256(body), clock.instant());
        Outcome outcome = transactions.execute(status -> route.take(start).outcome());
        if (outcome.result() == Result.EXCEPTION) {
            LOG.warn("shipment from {} not applied: {} {}", origin, outcome.code(), outcome.message());
        }
        return outcome;
    }

    /**
     * Reads the event and checks it against its release, which it locks: the outcome is set when it is a
     * redelivery or refused (unreadable, a conflicting redelivery, an unknown partner or release, a release not
     * requested or no longer open, another unit, more than was released).
     */
    public ShipmentInProgress check(ShipmentInProgress in) {
        ShipmentReader.Result read = reader.read(in.payload().getBytes(StandardCharsets.UTF_8));
        if (!read.errors().isEmpty()) {
            String detail = read.errors().stream().map(InputError::toString).collect(Collectors.joining("; "));
            return in.ended(new Outcome(Result.EXCEPTION, "MALFORMED", detail));
        }
        Shipment shipment = read.shipment();
        ShipmentInProgress got = in.read(shipment);
        Optional<String> applied = jdbc.queryForList("select sha256 from shipment where shipment_id = ? and status = 'APPLIED'",
                String.class, shipment.shipmentId()).stream().findFirst();
        if (applied.isPresent()) {
            if (applied.get().equals(in.sha256())) {
                return got.ended(new Outcome(Result.DUPLICATE, "DUPLICATE", "shipment " + shipment.shipmentId()
                        + " was already applied; a redelivery changes nothing"));
            }
            return got.ended(new Outcome(Result.EXCEPTION, "CONFLICTING_DUPLICATE", "shipment " + shipment.shipmentId()
                    + " was already applied with other content; the new version was not applied"));
        }
        Optional<PartnerProfile> partner = partners.byId(shipment.partnerId());
        if (partner.isEmpty()) {
            return got.ended(new Outcome(Result.EXCEPTION, "UNKNOWN_PARTNER", "partner '" + shipment.partnerId()
                    + "' is not known here"));
        }
        Optional<ReleaseLedger.Entry> locked = ledger.lock(shipment.partnerId(), shipment.releaseId());
        if (locked.isEmpty()) {
            return got.ended(new Outcome(Result.EXCEPTION, "UNKNOWN_RELEASE", "release " + shipment.releaseId()
                    + " of partner " + shipment.partnerId() + " is not on file"));
        }
        ReleaseLedger.Entry entry = locked.get();
        ShipmentInProgress found = got.checked(partner.get(), entry, null);
        String refusal = shippable(entry);
        if (refusal != null) {
            return found.ended(new Outcome(Result.EXCEPTION, "RELEASE_NOT_SHIPPABLE", refusal));
        }
        for (Shipment.Line line : shipment.lines()) {
            String unit = entry.quantities().lines().stream().filter(l -> l.lineNumber().equals(line.lineNumber()))
                    .map(ReleaseQuantities.Line::unit).findFirst().orElse(null);
            if (line.unit() != null && unit != null && !line.unit().equalsIgnoreCase(unit)) {
                return found.ended(new Outcome(Result.EXCEPTION, "UNIT_MISMATCH", "line " + line.lineNumber()
                        + " shipped in " + line.unit() + ", but the release is in " + unit));
            }
        }
        try {
            return found.checked(partner.get(), entry, entry.quantities().ship(shippedNow(shipment)));
        } catch (ReleaseQuantities.Refusal e) {
            return found.ended(new Outcome(Result.EXCEPTION, e.code(), e.getMessage()));
        }
    }

    /** Keeps a refused event as an exception, with the reason, and raises an alert; nothing is applied. */
    public ShipmentInProgress refusal(ShipmentInProgress in) {
        Shipment shipment = in.shipment();
        Outcome outcome = in.outcome();
        long row = record(shipment, "EXCEPTION", outcome.code() + ": " + outcome.message(), in);
        if (shipment == null) {
            alerts.raise("SHIPMENT_REFUSED", "shipment-event:" + row, null, null, null, null,
                    "a shipment event from " + in.origin() + " cannot be read and was not applied: " + outcome.message());
        } else {
            ReleaseLedger.Entry entry = in.release();
            alerts.raise("SHIPMENT_REFUSED", shipment.releaseId(), shipment.partnerId(),
                    entry == null ? null : entry.poNumber(), entry == null ? null : entry.orderId(), null,
                    "shipment " + shipment.shipmentId() + " was not applied: " + outcome.message() + " [" + outcome.code() + "]");
        }
        return in;
    }

    /** Keeps a redelivered event as a duplicate of the one applied. */
    public ShipmentInProgress duplicate(ShipmentInProgress in) {
        record(in.shipment(), "DUPLICATE", null, in);
        return in;
    }

    /** Adds the shipped quantities to the release, keeps the event and its lines, and notes it on the order. */
    public ShipmentInProgress apply(ShipmentInProgress in) {
        Shipment shipment = in.shipment();
        ReleaseLedger.Entry entry = in.release();
        Release.Status status = in.statusAfter();
        ledger.save(entry, in.shipped(), status);
        long row = record(shipment, "APPLIED", null, in);
        jdbc.batchUpdate("insert into shipment_line (shipment, line_number, quantity, unit) values (?, ?, ?, ?)",
                shipment.lines().stream().map(l -> new Object[] {row, l.lineNumber(), l.quantity(), l.unit()}).toList());
        orders.recordEvent(entry.partnerId(), entry.poNumber(), entry.orderId(), null, "SHIPPED", "shipment "
                + shipment.shipmentId() + " applied to release " + entry.releaseId() + " (" + status.name() + ")", false);
        return in.applied(row, new Outcome(Result.APPLIED, status.name(), "shipment " + shipment.shipmentId()
                + " applied to release " + entry.releaseId()));
    }

    private static Map<String, BigDecimal> shippedNow(Shipment shipment) {
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        shipment.lines().forEach(l -> quantities.merge(l.lineNumber(), l.quantity(), BigDecimal::add));
        return quantities;
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

    /**
     * Writes the ship notice of what this event shipped (an 856, or the form the partner's file asks for), for the
     * partner's outbound folder.
     */
    public ShipmentInProgress sendShipNotice(ShipmentInProgress in) {
        PartnerProfile partner = in.partner();
        ReleaseLedger.Entry entry = in.release();
        ReleaseQuantities after = in.shipped();
        Shipment shipment = in.shipment();
        List<ShipNotice.Line> lines = shippedNow(shipment).entrySet().stream().map(e -> {
            ReleaseQuantities.Line first = after.lines().stream().filter(l -> l.lineNumber().equals(e.getKey()))
                    .findFirst().orElseThrow();
            return new ShipNotice.Line(e.getKey(), first.buyerPart(), first.vendorPart(), e.getValue(),
                    after.total(e.getKey(), ReleaseQuantities.Line::released), first.unit());
        }).toList();
        ShipNotice notice = new ShipNotice(shipment.shipmentId(), partner.id(), entry.poNumber(), entry.orderDate(),
                entry.releaseId(), shipment.shipDate(), shipment.carrier(), shipment.trackingNumber(),
                partner.contract() == null ? null : partner.contract().supplierNumber(), lines);
        // the 856, DESADV, JSON or CSV the partner's file asks for (documents.ship-notice)
        documents.sendShipNotice(notice, partner, in.receivedAt());
        return in;
    }

    private long record(Shipment s, String status, String error, ShipmentInProgress in) {
        return jdbc.queryForObject("insert into shipment (shipment_id, partner_id, release_id, ship_date, carrier, "
                        + "tracking_number, status, error, payload, sha256, topic_partition, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                s == null ? null : s.shipmentId(), s == null ? null : s.partnerId(), s == null ? null : s.releaseId(),
                s == null || s.shipDate() == null ? null : Date.valueOf(s.shipDate()), s == null ? null : s.carrier(),
                s == null ? null : s.trackingNumber(), status, error, in.payload(), in.sha256(), in.origin(),
                Timestamp.from(in.receivedAt()));
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

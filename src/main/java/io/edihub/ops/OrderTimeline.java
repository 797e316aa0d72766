package io.edihub.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happened to one PO, in order: the documents the customer sent and what we answered
 * (850 → 997 → 855 → 856 → 810 and the customer's 997s), the order's own events (received, held,
 * approved, releases requested, shipped, accepted, alerts), shipments as they came, acceptances, invoices
 * and claims. Read from what the hub records anyway, so nothing has to remember to write a second log.
 */
@Component
public class OrderTimeline {

    /** Where an entry came from; at one instant, entries are listed in this order (cause before effect). */
    public enum Source {
        DOCUMENT_IN, EVENT, SHIPMENT, ACCEPTANCE, INVOICE, CLAIM, DOCUMENT_OUT
    }

    /**
     * One entry.
     *
     * @param source    what kind of record it is
     * @param kind      what happened: a document type ({@code 850}, {@code 997}, {@code JSON}), an event
     *                  ({@code HELD}, {@code RELEASE_REQUESTED}), a shipment, acceptance, invoice or claim status
     * @param reference the file name, shipment id, acceptance id or invoice number
     * @param release   the release it concerns, if one
     * @param status    the document's outcome, the 997 verdict on what we sent, the shipment's status ...
     * @param detail    in words
     * @param alert     true when it asks a person to look
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant at, Source source, String kind, String reference, String release, String status,
            String detail, Boolean alert) {
    }

    /** A release as it stands now. */
    public record ReleaseState(String releaseId, String month, String status, Instant dispatchedAt) {
    }

    /** The whole view of one PO: where it stands, what still needs a person, and what happened. */
    public record View(String partner, String poNumber, String status, List<ReleaseState> releases,
            List<Alerts.Alert> openAlerts, List<Entry> entries) {
    }

    /** By time, then by source; within one source the order it was recorded in (the sort is stable). */
    private static final Comparator<Entry> CHRONOLOGICAL = Comparator.comparing(Entry::at)
            .thenComparing(Entry::source);

    /** A PO with more open alerts than this shows the newest: more is not a list a person reads. */
    private static final int OPEN_ALERTS_SHOWN = 100;

    private final JdbcTemplate jdbc;
    private final Alerts alerts;

    OrderTimeline(JdbcTemplate jdbc, Alerts alerts) {
        this.jdbc = jdbc;
        this.alerts = alerts;
    }

    /** The PO's timeline, or empty when the hub has never heard of it. */
    @Transactional(readOnly = true)
    public Optional<View> of(String partnerId, String poNumber) {
        List<Long> documents = jdbc.queryForList("""
                select document_id from order_overview where partner_id = ? and po_number = ?
                union select document_id from order_revision_overview where partner_id = ? and po_number = ?
                union select document_id from acceptance_overview where partner_id = ? and po_number = ?
                        and document_id is not null
                union select a.document_id from received_acknowledgment a
                        join outbound_document_overview o on o.id = a.outbound_document_id
                        where o.partner_id = ? and o.po_number = ?
                union select document_id from order_event_overview where partner_id = ? and po_number = ?
                        and document_id is not null
                """, Long.class, partnerId, poNumber, partnerId, poNumber, partnerId, poNumber, partnerId, poNumber,
                partnerId, poNumber);
        List<Entry> entries = new ArrayList<>();
        Long[] ids = documents.toArray(Long[]::new);
        entries.addAll(jdbc.query("""
                select received_at, channel, file_name, outcome, content_head
                  from inbound_document_overview where id = any(?) order by id
                """, (rs, i) -> new Entry(instant(rs, 1), Source.DOCUMENT_IN, documentType(rs.getBytes(5)),
                rs.getString(3), null, rs.getString(4), "received over " + rs.getString(2), null), (Object) ids));
        // what answers the documents (997, TA1, JSON responses) and what we sent about this order
        entries.addAll(jdbc.query("""
                select created_at, kind, file_name, release_id, acknowledged, written_at, control_number
                  from outbound_document_overview
                 where partner_id = ? and (po_number = ? or (po_number is null and inbound_document_id = any(?)))
                 order by id
                """, (rs, i) -> new Entry(instant(rs, 1), Source.DOCUMENT_OUT, rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5) == null ? null : "acknowledged " + rs.getString(5),
                sent(rs.getString(7), instant(rs, 6)), "R".equals(rs.getString(5)) ? Boolean.TRUE : null),
                partnerId, poNumber, ids));
        entries.addAll(jdbc.query("select at, kind, detail, alert from order_event_overview where partner_id = ? "
                + "and po_number = ? order by id",
                (rs, i) -> new Entry(instant(rs, 1), Source.EVENT, rs.getString(2), null, null, null, rs.getString(3),
                        rs.getBoolean(4) ? Boolean.TRUE : null), partnerId, poNumber));
        entries.addAll(jdbc.query("""
                select s.received_at, s.shipment_id, s.release_id, s.status, s.carrier, s.tracking_number, s.error,
                       s.quantity
                  from shipment_overview s
                 where s.partner_id = ? and s.release_id in (select r.release_id from release_overview r
                        join order_overview p on p.id = r.order_id where p.partner_id = ? and p.po_number = ?)
                 order by s.id
                """, (rs, i) -> new Entry(instant(rs, 1), Source.SHIPMENT, "SHIPMENT", rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(7) != null ? rs.getString(7)
                        : quantity(rs.getBigDecimal(8)) + " shipped" + (rs.getString(5) == null ? "" : " by " + rs.getString(5))
                        + (rs.getString(6) == null ? "" : ", tracking " + rs.getString(6)),
                "EXCEPTION".equals(rs.getString(4)) ? Boolean.TRUE : null), partnerId, partnerId, poNumber));
        entries.addAll(jdbc.query("""
                select a.received_at, a.acceptance_id, a.release_id, a.implicit,
                       sum(l.accepted), sum(l.returned), sum(l.disputed)
                  from acceptance_overview a join acceptance_line_overview l on l.acceptance = a.id
                 where a.partner_id = ? and a.po_number = ?
                 group by a.id, a.received_at, a.acceptance_id, a.release_id, a.implicit order by a.id
                """, (rs, i) -> new Entry(instant(rs, 1), Source.ACCEPTANCE, rs.getBoolean(4) ? "IMPLICIT_ACCEPTANCE"
                : "ACCEPTANCE", rs.getString(2), rs.getString(3), null, quantity(rs.getBigDecimal(5)) + " accepted, "
                + quantity(rs.getBigDecimal(6)) + " returned, " + quantity(rs.getBigDecimal(7)) + " disputed", null),
                partnerId, poNumber));
        entries.addAll(jdbc.query("""
                select created_at, invoice_number, release_id, amount, currency, due_date
                  from invoice_release_overview where partner_id = ? and po_number = ? order by invoice_id, release_id
                """, (rs, i) -> new Entry(instant(rs, 1), Source.INVOICE, "INVOICE", rs.getString(2), rs.getString(3), null,
                rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + rs.getString(5)
                        + ", due " + rs.getObject(6, LocalDate.class), null), partnerId, poNumber));
        entries.addAll(jdbc.query("""
                select raised_at, claim_number, release_id, status, kind, lines, condition, reason, invoice_number
                  from claim_overview where partner_id = ? and po_number = ? order by id
                """, (rs, i) -> new Entry(instant(rs, 1), Source.CLAIM, "CLAIM", rs.getString(2), rs.getString(3),
                rs.getString(4), ("AFTER_INVOICE".equals(rs.getString(5)) ? "on invoice " + rs.getString(9) + ": " : "")
                + rs.getString(6) + (rs.getString(7) == null ? "" : ", condition " + rs.getString(7))
                + (rs.getString(8) == null ? "" : ": " + rs.getString(8)), null), partnerId, poNumber));
        List<ReleaseState> releases = jdbc.query("""
                select r.release_id, to_char(r.month, 'YYYY-MM'), r.status, r.dispatched_at
                  from release_overview r join order_overview p on p.id = r.order_id
                 where p.partner_id = ? and p.po_number = ? order by r.month, r.release_id
                """, (rs, i) -> new ReleaseState(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)),
                partnerId, poNumber);
        String status = jdbc.query("select status from order_overview where partner_id = ? and po_number = ? "
                + "order by id desc limit 1", rs -> rs.next() ? rs.getString(1) : null, partnerId, poNumber);
        if (status == null && entries.isEmpty()) {
            return Optional.empty();
        }
        entries.sort(CHRONOLOGICAL);
        List<Alerts.Alert> open = alerts.list(Alerts.Status.OPEN, partnerId, poNumber, OPEN_ALERTS_SHOWN).stream()
                .map(Alerts.Stored::alert).toList();
        return Optional.of(new View(partnerId, poNumber, status, releases, open, List.copyOf(entries)));
    }

    /**
     * What an inbound document is, from its first bytes: the X12 transaction set (ST01), EDIFACT, JSON or CSV.
     */
    static String documentType(byte[] head) {
        if (head == null || head.length == 0) {
            return "EMPTY";
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String start = text.stripLeading();
        if (start.startsWith("ISA") && start.length() > 3) {
            char element = start.charAt(3);
            int st = start.indexOf("ST" + element);
            // ST must begin a segment: it follows the segment terminator, possibly with a line break
            while (st > 0 && Character.isLetterOrDigit(start.charAt(st - 1))) {
                st = start.indexOf("ST" + element, st + 1);
            }
            return st > 0 && st + 6 <= start.length() ? start.substring(st + 3, st + 6) : "X12";
        }
        if (start.startsWith("UNA") || start.startsWith("UNB")) {
            return "EDIFACT";
        }
        return start.startsWith("{") || start.startsWith("[") ? "JSON" : "CSV";
    }

    private static String sent(String controlNumber, Instant writtenAt) {
        String control = controlNumber == null ? "" : "control number " + controlNumber + ", ";
        return control + (writtenAt == null ? "not yet delivered" : "delivered " + writtenAt);
    }

    private static String quantity(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}

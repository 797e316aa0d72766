package io.edihub.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Keeps canonical orders, their lines and schedules, and their monthly releases in PostgreSQL. Callers
 * run it inside their own transaction so an order and the document it came from commit together.
 */
@Repository
public class OrderStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = CanonicalJson.MAPPER;
    private final Clock clock;

    public OrderStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An order already on file for the same partner, PO number and customer release number. */
    public Optional<StoredOrder> find(String partnerId, String poNumber, String releaseNumber) {
        return jdbc.query("select id, created_at, document_id from purchase_order where partner_id = ? and po_number = ? "
                        + "and release_number = ?",
                (rs, i) -> new StoredOrder(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)),
                partnerId, poNumber, releaseNumber == null ? "" : releaseNumber).stream().findFirst();
    }

    /** Stores an accepted order with its releases, all PLANNED. Returns the order's id. */
    public long insert(PlannedOrder planned, long documentId) {
        PurchaseOrder o = planned.order();
        Timestamp now = Timestamp.from(clock.instant());
        String canonical;
        try {
            canonical = json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize order " + o.poNumber(), e);
        }
        LocalDate anchor = planned.releases().isEmpty() ? null : planned.releases().get(0).month().atDay(1);
        PurchaseOrder.SourceDocument src = o.source();
        Long id = jdbc.queryForObject("insert into purchase_order (partner_id, po_number, release_number, purpose, order_type, "
                        + "order_date, requested_delivery, currency, contract_number, status, sequence_anchor, document_id, "
                        + "interchange_control_number, group_control_number, transaction_control_number, canonical, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id",
                Long.class, o.partnerId(), o.poNumber(), o.releaseNumber() == null ? "" : o.releaseNumber(),
                o.purpose().name(), o.type(), Date.valueOf(o.orderDate()), date(o.requestedDelivery()), o.currency(),
                o.contractNumber(), "OPEN", date(anchor), documentId,
                src == null ? null : src.interchangeControlNumber(), src == null ? null : src.groupControlNumber(),
                src == null ? null : src.transactionControlNumber(), canonical, now);
        long orderId = id;
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> schedule = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            lines.add(new Object[] {orderId, l.lineNumber(), l.buyerPart(), l.vendorPart(), l.description(), l.quantity(),
                l.unit(), l.unitPrice()});
            for (ScheduleLine s : l.schedule()) {
                schedule.add(new Object[] {orderId, l.lineNumber(), s.quantity(), s.unit(), Date.valueOf(s.deliveryDate()),
                    s.reference()});
            }
        }
        jdbc.batchUpdate("insert into order_line (order_id, line_number, buyer_part, vendor_part, description, quantity, unit, "
                + "unit_price) values (?, ?, ?, ?, ?, ?, ?, ?)", lines);
        jdbc.batchUpdate("insert into schedule_line (order_id, line_number, quantity, unit, delivery_date, reference) "
                + "values (?, ?, ?, ?, ?, ?)", schedule);
        List<Object[]> releases = new ArrayList<>();
        List<Object[]> releaseLines = new ArrayList<>();
        for (Release r : planned.releases()) {
            releases.add(new Object[] {o.partnerId(), r.releaseId(), orderId, Date.valueOf(r.month().atDay(1)),
                r.status().name(), now});
            for (Release.ReleaseLine rl : r.lines()) {
                releaseLines.add(new Object[] {o.partnerId(), r.releaseId(), rl.lineNumber(), Date.valueOf(rl.dueDate()),
                    rl.quantity(), rl.unit(), rl.unitPrice()});
            }
        }
        jdbc.batchUpdate("insert into order_release (partner_id, release_id, order_id, month, status, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", releases);
        jdbc.batchUpdate("insert into release_line (partner_id, release_id, line_number, due_date, quantity, unit, unit_price) "
                + "values (?, ?, ?, ?, ?, ?, ?)", releaseLines);
        return orderId;
    }

    /** The releases of a PO as stored, in month order. */
    public List<Release> releases(String partnerId, String poNumber) {
        List<Release> result = new ArrayList<>();
        jdbc.query("select r.release_id, r.month, r.status from order_release r join purchase_order o on o.id = r.order_id "
                + "where o.partner_id = ? and o.po_number = ? order by r.month, r.release_id", rs -> {
                    String releaseId = rs.getString(1);
                    result.add(new Release(releaseId, poNumber, YearMonth.from(rs.getDate(2).toLocalDate()),
                            releaseLines(partnerId, releaseId), Release.Status.valueOf(rs.getString(3))));
                }, partnerId, poNumber);
        return result;
    }

    private List<Release.ReleaseLine> releaseLines(String partnerId, String releaseId) {
        return jdbc.query("select rl.line_number, l.buyer_part, l.vendor_part, rl.quantity, rl.unit, rl.unit_price, rl.due_date "
                        + "from release_line rl join order_release r on r.partner_id = rl.partner_id and r.release_id = rl.release_id "
                        + "join order_line l on l.order_id = r.order_id and l.line_number = rl.line_number "
                        + "where rl.partner_id = ? and rl.release_id = ? order by rl.due_date, rl.line_number",
                (rs, i) -> new Release.ReleaseLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        plain(rs.getBigDecimal(4)), rs.getString(5), plain(rs.getBigDecimal(6)),
                        rs.getDate(7).toLocalDate()),
                partnerId, releaseId);
    }

    /** 100.0000 as stored reads back as 100, not 1E+2. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** An order on file: its id, when it was taken, and the document it came from. */
    public record StoredOrder(long id, java.time.Instant createdAt, long documentId) {
    }
}

package io.edihub.order;

import io.edihub.canonical.Release;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores the quantities of releases as goods are released, shipped, accepted and invoiced. A
 * release is read under a row lock on it and its order, so a shipment, an acceptance and an order change
 * on the same PO never interleave.
 */
@Repository
public class ReleaseLedger {

    private final JdbcTemplate jdbc;
    private final OrderStore orders;
    private final Clock clock;

    ReleaseLedger(JdbcTemplate jdbc, OrderStore orders, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * A release as it stands.
     *
     * @param orderStatus OPEN, HELD, REJECTED, CANCELLED or CLOSED
     * @param firstDue    the earliest due date of its lines
     * @param replaces    for a replacement release, the release whose rejected goods it replaces; else null
     * @param openClaims  the claims on it not yet settled or denied: it is not closed while there are any
     */
    public record Entry(String partnerId, String releaseId, long orderId, String poNumber, LocalDate orderDate,
            String orderStatus, Release.Status status, YearMonth month, LocalDate firstDue, ReleaseQuantities quantities,
            String replaces, int openClaims) {
    }

    /** The release, locked with its order until the caller's transaction ends; empty when there is none. */
    public Optional<Entry> lock(String partnerId, String releaseId) {
        return jdbc.query("select r.order_id, o.po_number, o.order_date, o.status, r.status, r.month, r.replaces, "
                        + "r.open_claims from order_release r "
                        + "join purchase_order o on o.id = r.order_id where r.partner_id = ? and r.release_id = ? "
                        + "for update of r, o",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                    rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getInt(8)}, partnerId, releaseId)
                .stream().findFirst().map(row -> {
                    ReleaseQuantities quantities = quantities(partnerId, releaseId);
                    LocalDate firstDue = quantities.lines().isEmpty() ? ((LocalDate) row[5])
                            : quantities.lines().get(0).dueDate();
                    return new Entry(partnerId, releaseId, (Long) row[0], (String) row[1], (LocalDate) row[2],
                            (String) row[3], Release.Status.valueOf((String) row[4]),
                            YearMonth.from((LocalDate) row[5]), firstDue, quantities, (String) row[6], (Integer) row[7]);
                });
    }

    private ReleaseQuantities quantities(String partnerId, String releaseId) {
        return new ReleaseQuantities(jdbc.query("select rl.id, rl.line_number, l.buyer_part, l.vendor_part, l.description, "
                        + "rl.unit, rl.unit_price, rl.due_date, rl.quantity, rl.released, rl.shipped, rl.accepted, rl.rejected, "
                        + "rl.invoiced, rl.reaccepted, rl.replaced, rl.returned, rl.written_off, rl.denied, rl.credited "
                        + "from release_line rl join order_release r on r.partner_id = rl.partner_id "
                        + "and r.release_id = rl.release_id left join order_line l on l.order_id = r.order_id "
                        + "and l.line_number = rl.line_number where rl.partner_id = ? and rl.release_id = ?",
                (rs, i) -> new ReleaseQuantities.Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), OrderStore.plain(rs.getBigDecimal(7)), rs.getDate(8).toLocalDate(),
                        OrderStore.plain(rs.getBigDecimal(9)), OrderStore.plain(rs.getBigDecimal(10)),
                        OrderStore.plain(rs.getBigDecimal(11)), OrderStore.plain(rs.getBigDecimal(12)),
                        OrderStore.plain(rs.getBigDecimal(13)), OrderStore.plain(rs.getBigDecimal(14)),
                        OrderStore.plain(rs.getBigDecimal(15)), OrderStore.plain(rs.getBigDecimal(16)),
                        OrderStore.plain(rs.getBigDecimal(17)), OrderStore.plain(rs.getBigDecimal(18)),
                        OrderStore.plain(rs.getBigDecimal(19)), OrderStore.plain(rs.getBigDecimal(20))), partnerId, releaseId));
    }

    /**
     * Stores a release's new quantities and status. A release whose goods are all finished ({@link
     * ReleaseQuantities#finished()}), that has no open claim and whose invoices are all paid or credited is stored CLOSED
     * instead, and its order closes with its last open release; both are noted on the order's timeline.
     *
     * @return the status stored
     */
    public Release.Status save(Entry entry, ReleaseQuantities quantities, Release.Status status) {
        List<Object[]> rows = new ArrayList<>();
        for (ReleaseQuantities.Line l : quantities.lines()) {
            rows.add(new Object[] {l.released(), l.shipped(), l.accepted(), l.rejected(), l.invoiced(), l.reaccepted(),
                l.replaced(), l.returned(), l.writtenOff(), l.denied(), l.credited(), l.id()});
        }
        jdbc.batchUpdate("update release_line set released = ?, shipped = ?, accepted = ?, rejected = ?, invoiced = ?, "
                + "reaccepted = ?, replaced = ?, returned = ?, written_off = ?, denied = ?, credited = ? where id = ?", rows);
        // what holds the release open, as it is now: a claim or an invoice may have ended in this transaction
        boolean held = Boolean.TRUE.equals(jdbc.queryForObject("select open_claims > 0 or unpaid_invoices > 0 from "
                + "order_release where partner_id = ? and release_id = ?", Boolean.class, entry.partnerId(), entry.releaseId()));
        Release.Status stored = !held && closes(status, quantities) ? Release.Status.CLOSED : status;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update order_release set status = ?, updated_at = ?, dispatched_at = case when ? then coalesce("
                + "dispatched_at, ?) else dispatched_at end where partner_id = ? and release_id = ?", stored.name(), now,
                stored == Release.Status.DISPATCHED, now, entry.partnerId(), entry.releaseId());
        if (stored == Release.Status.CLOSED && entry.status() != Release.Status.CLOSED) {
            orders.recordEvent(entry.partnerId(), entry.poNumber(), entry.orderId(), null, "RELEASE_CLOSED", "release "
                    + entry.releaseId() + " closed: every unit shipped was invoiced or its claim settled, and every "
                    + "invoice paid or credited", false);
            closeOrderIfDone(entry, now);
        }
        return stored;
    }

    private static boolean closes(Release.Status status, ReleaseQuantities quantities) {
        return status != Release.Status.CANCELLED && status != Release.Status.HELD
                && status != Release.Status.PLANNED && quantities.finished();
    }

    private void closeOrderIfDone(Entry entry, Timestamp now) {
        int closed = jdbc.update("update purchase_order set status = 'CLOSED', updated_at = ? where id = ? and status = 'OPEN' "
                + "and not exists (select 1 from order_release r where r.order_id = purchase_order.id "
                + "and r.status not in ('CLOSED', 'CANCELLED'))", now, entry.orderId());
        if (closed == 1) {
            orders.recordEvent(entry.partnerId(), entry.poNumber(), entry.orderId(), null, "ORDER_CLOSED", "order "
                    + entry.poNumber() + " closed: all its releases are closed or cancelled; it takes no further change",
                    false);
        }
    }

    /** A claim was raised on the release: it stays open until the claim is settled or denied. */
    public void claimOpened(String partnerId, String releaseId) {
        jdbc.update("update order_release set open_claims = open_claims + 1 where partner_id = ? and release_id = ?",
                partnerId, releaseId);
    }

    /** A claim on the release was settled or denied: the release closes when nothing else is left on it. */
    public void claimEnded(String partnerId, String releaseId) {
        jdbc.update("update order_release set open_claims = open_claims - 1 where partner_id = ? and release_id = ?",
                partnerId, releaseId);
        closeIfDone(partnerId, releaseId);
    }

    /** An invoice was issued on the release: it stays open until the invoice is paid or credited. */
    public void invoiceIssued(String partnerId, String releaseId) {
        jdbc.update("update order_release set unpaid_invoices = unpaid_invoices + 1 where partner_id = ? "
                + "and release_id = ?", partnerId, releaseId);
    }

    /** An invoice of the release was paid or credited in full: the release closes when nothing else is left on it. */
    public void invoiceSettled(String partnerId, String releaseId) {
        jdbc.update("update order_release set unpaid_invoices = unpaid_invoices - 1 where partner_id = ? "
                + "and release_id = ?", partnerId, releaseId);
        closeIfDone(partnerId, releaseId);
    }

    /**
     * An invoice of the release that was settled has something open again (a denied deduction on a release not yet
     * closed): the release waits for it again.
     */
    public void invoiceReopened(String partnerId, String releaseId) {
        jdbc.update("update order_release set unpaid_invoices = unpaid_invoices + 1 where partner_id = ? "
                + "and release_id = ?", partnerId, releaseId);
    }

    private void closeIfDone(String partnerId, String releaseId) {
        lock(partnerId, releaseId).ifPresent(entry -> {
            if (entry.status() != Release.Status.CLOSED) {
                save(entry, entry.quantities(), entry.quantities().status(entry.status()));
            }
        });
    }

    /**
     * Plans a replacement release for rejected goods of a release: its id is the original's with {@code -R1},
     * {@code -R2} … (the next free number), in the original's month and order, PLANNED with every line due on
     * {@code due}, at the original line's price; the release dispatch requests it from fulfillment like any other.
     *
     * @param quantities per order line, the quantity to deliver again
     * @return the replacement release's id
     */
    public String addReplacement(Entry original, Map<String, BigDecimal> quantities, LocalDate due) {
        Integer taken = jdbc.queryForObject("select count(*) from order_release where partner_id = ? and replaces = ?",
                Integer.class, original.partnerId(), original.releaseId());
        String releaseId = original.releaseId() + "-R" + (taken + 1);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into order_release (partner_id, release_id, order_id, month, status, created_at, updated_at, "
                + "replaces) values (?, ?, ?, ?, 'PLANNED', ?, ?, ?)", original.partnerId(), releaseId, original.orderId(),
                Date.valueOf(original.month().atDay(1)), now, now, original.releaseId());
        List<Object[]> lines = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : quantities.entrySet()) {
            ReleaseQuantities.Line first = original.quantities().lines().stream()
                    .filter(l -> l.lineNumber().equals(e.getKey())).findFirst().orElseThrow();
            lines.add(new Object[] {original.partnerId(), releaseId, e.getKey(), Date.valueOf(due), e.getValue(),
                first.unit(), first.unitPrice()});
        }
        jdbc.batchUpdate("insert into release_line (partner_id, release_id, line_number, due_date, quantity, unit, unit_price) "
                + "values (?, ?, ?, ?, ?, ?, ?)", lines);
        orders.recordEvent(original.partnerId(), original.poNumber(), original.orderId(), null, "RELEASE_PLANNED",
                "replacement release " + releaseId + " planned for goods rejected on " + original.releaseId() + ", due "
                        + due, false);
        return releaseId;
    }

    /** A release with shipped goods the customer has neither accepted nor rejected yet. */
    public record AwaitingJudgment(String releaseId, String poNumber) {
    }

    /** The partner's releases with shipped goods not yet accepted or rejected. */
    public List<AwaitingJudgment> awaitingJudgment(String partnerId) {
        return jdbc.query("select r.release_id, o.po_number from order_release r join purchase_order o on o.id = r.order_id "
                        + "where r.partner_id = ? and exists (select 1 from release_line rl where rl.partner_id = r.partner_id "
                        + "and rl.release_id = r.release_id and rl.shipped > rl.accepted + rl.rejected) order by r.release_id",
                (rs, i) -> new AwaitingJudgment(rs.getString(1), rs.getString(2)), partnerId);
    }

    /** What of one order line of a release was shipped and not yet judged. */
    public record Unjudged(String lineNumber, BigDecimal quantity, String unit) {
    }

    /** Per order line of the release, the quantity shipped and neither accepted nor rejected (only lines with some). */
    public List<Unjudged> unjudged(String partnerId, String releaseId) {
        return jdbc.query("select line_number, sum(shipped - accepted - rejected), min(unit) from release_line "
                        + "where partner_id = ? and release_id = ? group by line_number "
                        + "having sum(shipped - accepted - rejected) > 0 order by line_number",
                (rs, i) -> new Unjudged(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)), partnerId, releaseId);
    }

    /** A planned release of an open order, with what decides when it is due. */
    public record Due(String partnerId, String releaseId, String poNumber, LocalDate firstDue) {
    }

    /** Planned releases of open orders whose first line is due on or before {@code horizon}, earliest first. */
    public List<Due> plannedUntil(LocalDate horizon) {
        return jdbc.query("select r.partner_id, r.release_id, o.po_number, min(rl.due_date) from order_release r "
                        + "join purchase_order o on o.id = r.order_id join release_line rl on rl.partner_id = r.partner_id "
                        + "and rl.release_id = r.release_id where r.status = 'PLANNED' and o.status = 'OPEN' "
                        + "group by r.partner_id, r.release_id, o.po_number having min(rl.due_date) <= ? "
                        + "order by min(rl.due_date), r.release_id",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()),
                Date.valueOf(horizon));
    }
}

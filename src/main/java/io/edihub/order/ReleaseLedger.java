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
    private final Clock clock;

    ReleaseLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A release as it stands.
     *
     * @param orderStatus OPEN, HELD, REJECTED or CANCELLED
     * @param firstDue    the earliest due date of its lines
     */
    public record Entry(String partnerId, String releaseId, long orderId, String poNumber, LocalDate orderDate,
            String orderStatus, Release.Status status, YearMonth month, LocalDate firstDue, ReleaseQuantities quantities) {
    }

    /** The release, locked with its order until the caller's transaction ends; empty when there is none. */
    public Optional<Entry> lock(String partnerId, String releaseId) {
        return jdbc.query("select r.order_id, o.po_number, o.order_date, o.status, r.status, r.month from order_release r "
                        + "join purchase_order o on o.id = r.order_id where r.partner_id = ? and r.release_id = ? "
                        + "for update of r, o",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                    rs.getString(5), rs.getDate(6).toLocalDate()}, partnerId, releaseId)
                .stream().findFirst().map(row -> {
                    ReleaseQuantities quantities = quantities(partnerId, releaseId);
                    LocalDate firstDue = quantities.lines().isEmpty() ? ((LocalDate) row[5])
                            : quantities.lines().get(0).dueDate();
                    return new Entry(partnerId, releaseId, (Long) row[0], (String) row[1], (LocalDate) row[2],
                            (String) row[3], Release.Status.valueOf((String) row[4]),
                            YearMonth.from((LocalDate) row[5]), firstDue, quantities);
                });
    }

    private ReleaseQuantities quantities(String partnerId, String releaseId) {
        return new ReleaseQuantities(jdbc.query("select rl.id, rl.line_number, l.buyer_part, l.vendor_part, l.description, "
                        + "rl.unit, rl.unit_price, rl.due_date, rl.quantity, rl.released, rl.shipped, rl.accepted, rl.rejected, "
                        + "rl.invoiced from release_line rl join order_release r on r.partner_id = rl.partner_id "
                        + "and r.release_id = rl.release_id left join order_line l on l.order_id = r.order_id "
                        + "and l.line_number = rl.line_number where rl.partner_id = ? and rl.release_id = ?",
                (rs, i) -> new ReleaseQuantities.Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), OrderStore.plain(rs.getBigDecimal(7)), rs.getDate(8).toLocalDate(),
                        OrderStore.plain(rs.getBigDecimal(9)), OrderStore.plain(rs.getBigDecimal(10)),
                        OrderStore.plain(rs.getBigDecimal(11)), OrderStore.plain(rs.getBigDecimal(12)),
                        OrderStore.plain(rs.getBigDecimal(13)), OrderStore.plain(rs.getBigDecimal(14))), partnerId, releaseId));
    }

    /** Stores a release's new quantities and status. */
    public void save(Entry entry, ReleaseQuantities quantities, Release.Status status) {
        List<Object[]> rows = new ArrayList<>();
        for (ReleaseQuantities.Line l : quantities.lines()) {
            rows.add(new Object[] {l.released(), l.shipped(), l.accepted(), l.rejected(), l.invoiced(), l.id()});
        }
        jdbc.batchUpdate("update release_line set released = ?, shipped = ?, accepted = ?, rejected = ?, invoiced = ? "
                + "where id = ?", rows);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update order_release set status = ?, updated_at = ?, dispatched_at = case when ? then coalesce("
                + "dispatched_at, ?) else dispatched_at end where partner_id = ? and release_id = ?", status.name(), now,
                status == Release.Status.DISPATCHED, now, entry.partnerId(), entry.releaseId());
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

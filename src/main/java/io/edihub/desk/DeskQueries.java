package io.edihub.desk;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the desk and the portal show, read from the views the owning modules publish (never their tables). Every
 * query that a partner's page makes takes the partner as an argument that the controller fills from the login, never
 * from the request.
 */
@Component
class DeskQueries {

    /** Rows of a list page. */
    static final int PAGE_SIZE = 50;
    /** What the desk's home lists of each kind of waiting work; the counts at its top count all of it. */
    static final int WAITING_SHOWN = 100;

    /** An order and how far its releases got, in one pass over its release lines; the caller adds where and order. */
    private static final String ORDER_ROWS = """
            select o.id, o.partner_id, o.po_number, o.release_number, o.status, o.order_date, o.created_at, o.value,
                   o.currency, o.contract_number, coalesce(r.releases, 0), coalesce(r.dispatched, 0),
                   coalesce(l.shipped, 0), coalesce(l.accepted, 0), coalesce(l.invoiced, 0),
                   (select count(*) from alert_overview a where a.partner_id = o.partner_id
                       and a.po_number = o.po_number and a.status = 'OPEN')
              from order_overview o
              left join lateral (select count(*) as releases, count(*) filter (where dispatched_at is not null) as dispatched
                                   from release_overview where order_id = o.id) r on true
              left join lateral (select count(distinct x.release_id) filter (where x.shipped > 0) as shipped,
                                        count(distinct x.release_id) filter (where x.accepted > 0) as accepted,
                                        count(distinct x.release_id) filter (where x.invoiced > 0) as invoiced
                                   from release_overview y join release_line_overview x
                                        on x.partner_id = y.partner_id and x.release_id = y.release_id
                                  where y.order_id = o.id) l on true
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeskQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What waits for a person, per partner: the counts at the top of the desk's home. */
    record PartnerCounts(String partnerId, long held, long alerts, long deadLetters, long claims, long overdue,
            long unapplied) {

        public long total() {
            return held + alerts + deadLetters + claims + overdue + unapplied;
        }
    }

    /** A held order, with why it was held (its last HELD event) and what it is worth. */
    record HeldOrder(String partnerId, String poNumber, String releaseNumber, Instant heldSince, BigDecimal value,
            String currency, String reason) {
    }

    /** An invoice past its due date with an open balance. */
    record OverdueInvoice(String partnerId, String invoiceNumber, String poNumber, String releaseId, LocalDate dueDate,
            BigDecimal openBalance, String currency, long daysOverdue) {
    }

    /** A payment with cash not applied to any invoice. */
    record UnappliedPayment(long id, String partnerId, String traceNumber, LocalDate paymentDate, BigDecimal total,
            BigDecimal unapplied, String currency) {
    }

    /** A filter of the order list; null fields do not narrow it. */
    record OrderFilter(String partnerId, String poNumber, String status, LocalDate from, LocalDate to,
            BigDecimal minValue, BigDecimal maxValue, int page) {

        OrderFilter {
            page = Math.max(page, 0);
        }

        OrderFilter forPartner(String partner) {
            return new OrderFilter(partner, poNumber, status, from, to, minValue, maxValue, page);
        }
    }

    /**
     * One order in a list: what it is worth at contract prices and how far its releases got.
     *
     * @param releases   releases planned
     * @param dispatched of which requested from fulfillment
     * @param shipped    of which with something shipped
     * @param accepted   of which with something accepted
     * @param invoiced   of which with something invoiced
     */
    record OrderRow(long id, String partnerId, String poNumber, String releaseNumber, String status, LocalDate orderDate,
            Instant receivedAt, BigDecimal value, String currency, String contractNumber, long releases,
            long dispatched, long shipped, long accepted, long invoiced, long openAlerts) {
    }

    /** A page of a list and whether more follow. */
    record Page<T>(List<T> rows, int page, boolean more) {
    }

    /**
     * One monthly release: its quantities over all its lines, and their value at the release's prices; invoiced,
     * credited and paid as the invoices say.
     */
    record ReleaseRow(String releaseId, String month, String status, Instant dispatchedAt, BigDecimal ordered,
            BigDecimal orderedValue, BigDecimal shipped, BigDecimal shippedValue, BigDecimal accepted,
            BigDecimal acceptedValue, BigDecimal rejected, BigDecimal invoiced, BigDecimal invoicedValue,
            BigDecimal creditedValue, BigDecimal paidValue) {
    }

    /** A document in or out about an order. */
    record DocumentRow(String direction, long id, String kind, String fileName, Instant at, String status) {
    }

    /** An invoice as a partner sees it. */
    record InvoiceRow(String invoiceNumber, String poNumber, String releaseId, LocalDate invoiceDate, LocalDate dueDate,
            BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal openBalance, String currency) {
    }

    @Transactional(readOnly = true)
    List<PartnerCounts> partnerCounts(List<String> partners) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        partners.forEach(p -> counts.put(p, new long[6]));
        count(counts, 0, "select partner_id, count(*) from held_order group by partner_id");
        count(counts, 1, "select partner_id, count(*) from alert_overview where status = 'OPEN' group by partner_id");
        count(counts, 2, "select partner_id, count(*) from dead_letter_overview where status = 'PARKED' group by partner_id");
        count(counts, 3, "select partner_id, count(*) from claim_overview where status in ('OPEN', 'SETTLING') "
                + "group by partner_id");
        count(counts, 4, "select partner_id, count(*) from invoice_overview where open_balance > 0 and due_date < ? "
                + "group by partner_id", today());
        count(counts, 5, "select partner_id, count(*) from payment_overview where unapplied > 0 group by partner_id");
        List<PartnerCounts> rows = new ArrayList<>();
        counts.forEach((p, c) -> rows.add(new PartnerCounts(p, c[0], c[1], c[2], c[3], c[4], c[5])));
        return rows;
    }

    private void count(Map<String, long[]> counts, int column, String sql, Object... args) {
        jdbc.query(sql, rs -> {
            // work of a partner no longer configured is still work: it gets a row of its own
            counts.computeIfAbsent(rs.getString(1) == null ? "(no partner)" : rs.getString(1), p -> new long[6])[column]
                    = rs.getLong(2);
        }, args);
    }

    /** Held orders, the most valuable first, then the longest waiting. */
    @Transactional(readOnly = true)
    List<HeldOrder> heldOrders() {
        return jdbc.query("""
                select h.partner_id, h.po_number, h.release_number, h.held_since, o.value, o.currency,
                       (select e.detail from order_event_overview e where e.partner_id = h.partner_id
                           and e.po_number = h.po_number and e.kind = 'HELD' order by e.id desc limit 1)
                  from held_order h join order_overview o on o.id = h.id
                 order by o.value desc nulls last, h.held_since
                 limit ?
                """, (rs, i) -> new HeldOrder(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getBigDecimal(5), rs.getString(6), rs.getString(7)), WAITING_SHOWN);
    }

    /** Invoices past due with a balance, the largest first. */
    @Transactional(readOnly = true)
    List<OverdueInvoice> overdueInvoices() {
        LocalDate today = today();
        return jdbc.query("""
                select partner_id, invoice_number, po_number, release_id, due_date, open_balance, currency
                  from invoice_overview where open_balance > 0 and due_date < ?
                 order by open_balance desc, due_date limit ?
                """, (rs, i) -> {
            LocalDate due = rs.getObject(5, LocalDate.class);
            return new OverdueInvoice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), due,
                    rs.getBigDecimal(6), rs.getString(7), today.toEpochDay() - due.toEpochDay());
        }, today, WAITING_SHOWN);
    }

    /** Payments with unapplied cash, the largest first. */
    @Transactional(readOnly = true)
    List<UnappliedPayment> unappliedPayments() {
        return jdbc.query("""
                select id, partner_id, trace_number, payment_date, total, unapplied, currency
                  from payment_overview where unapplied > 0 order by unapplied desc, received_at limit ?
                """, DeskQueries::payment, WAITING_SHOWN);
    }

    /** Orders matching the filter, newest first, a page at a time. */
    @Transactional(readOnly = true)
    Page<OrderRow> orders(OrderFilter f) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (f.partnerId() != null) {
            where.append(" and o.partner_id = ?");
            args.add(f.partnerId());
        }
        if (f.poNumber() != null) {
            // a PO number typed in part finds every order it is part of
            where.append(" and o.po_number ilike ? escape '\\'");
            args.add("%" + f.poNumber().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.status() != null) {
            where.append(" and o.status = ?");
            args.add(f.status());
        }
        if (f.from() != null) {
            where.append(" and o.order_date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and o.order_date <= ?");
            args.add(f.to());
        }
        if (f.minValue() != null) {
            where.append(" and o.value >= ?");
            args.add(f.minValue());
        }
        if (f.maxValue() != null) {
            where.append(" and o.value <= ?");
            args.add(f.maxValue());
        }
        args.add(PAGE_SIZE + 1);
        args.add((long) f.page() * PAGE_SIZE);
        List<OrderRow> rows = jdbc.query(ORDER_ROWS + where + " order by o.created_at desc, o.id desc limit ? offset ?",
                DeskQueries::orderRow, args.toArray());
        boolean more = rows.size() > PAGE_SIZE;
        return new Page<>(more ? rows.subList(0, PAGE_SIZE) : rows, f.page(), more);
    }

    /** The newest order of a partner with this PO number (a blanket order's releases share it). */
    @Transactional(readOnly = true)
    Optional<OrderRow> order(String partnerId, String poNumber) {
        return jdbc.query(ORDER_ROWS + " where o.partner_id = ? and o.po_number = ? order by o.id desc limit 1",
                DeskQueries::orderRow, partnerId, poNumber).stream().findFirst();
    }

    private static UnappliedPayment payment(ResultSet rs, int row) throws SQLException {
        return new UnappliedPayment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7));
    }

    /** A partner's invoices with an open balance, the oldest due first: where its unapplied cash may go. */
    @Transactional(readOnly = true)
    Map<String, List<String>> openInvoices(java.util.Collection<String> partnerIds) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        if (partnerIds.isEmpty()) {
            return open;
        }
        jdbc.query("select partner_id, invoice_number from invoice_overview where open_balance > 0 and partner_id = any(?) "
                + "order by due_date, id limit 1000", rs -> {
            open.computeIfAbsent(rs.getString(1), p -> new ArrayList<>()).add(rs.getString(2));
        }, (Object) partnerIds.toArray(String[]::new));
        return open;
    }

    private static OrderRow orderRow(ResultSet rs, int row) throws SQLException {
        return new OrderRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), instant(rs, 7), rs.getBigDecimal(8), rs.getString(9), rs.getString(10),
                rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16));
    }

    /** An order's releases by month, with quantities and values, in one statement however big the order. */
    @Transactional(readOnly = true)
    List<ReleaseRow> releases(long orderId) {
        return jdbc.query("""
                select r.release_id, to_char(r.month, 'YYYY-MM'), r.status, r.dispatched_at,
                       coalesce(l.ordered, 0), coalesce(l.ordered_value, 0), coalesce(l.shipped, 0),
                       coalesce(l.shipped_value, 0), coalesce(l.accepted, 0), coalesce(l.accepted_value, 0),
                       coalesce(l.rejected, 0), coalesce(l.invoiced, 0), coalesce(i.total, 0), coalesce(i.credited, 0),
                       coalesce(i.paid, 0)
                  from release_overview r
                  left join (select partner_id, release_id, sum(quantity) as ordered,
                                    sum(quantity * coalesce(unit_price, 0)) as ordered_value, sum(shipped) as shipped,
                                    sum(shipped * coalesce(unit_price, 0)) as shipped_value, sum(accepted) as accepted,
                                    sum(accepted * coalesce(unit_price, 0)) as accepted_value,
                                    sum(rejected) as rejected, sum(invoiced) as invoiced
                               from release_line_overview group by partner_id, release_id) l
                         on l.partner_id = r.partner_id and l.release_id = r.release_id
                  left join (select partner_id, release_id, sum(amount) as total, sum(credited) as credited,
                                    sum(paid) as paid
                               from invoice_release_overview group by partner_id, release_id) i
                         on i.partner_id = r.partner_id and i.release_id = r.release_id
                 where r.order_id = ?
                 order by r.month, r.release_id
                """, (rs, i) -> new ReleaseRow(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13),
                rs.getBigDecimal(14), rs.getBigDecimal(15)), orderId);
    }

    /** The documents in and out about an order, oldest first. */
    @Transactional(readOnly = true)
    List<DocumentRow> documents(String partnerId, String poNumber) {
        List<DocumentRow> rows = new ArrayList<>(jdbc.query("""
                select d.id, d.format, d.file_name, d.received_at, d.outcome from inbound_document_overview d
                 where d.partner_id = ? and d.id in (
                        select document_id from order_overview where partner_id = ? and po_number = ?
                        union select document_id from order_revision_overview where partner_id = ? and po_number = ?
                        union select document_id from acceptance_overview where partner_id = ? and po_number = ?
                              and document_id is not null)
                """, (rs, i) -> new DocumentRow("in", rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getString(5)), partnerId, partnerId, poNumber, partnerId, poNumber, partnerId, poNumber));
        rows.addAll(jdbc.query("""
                select id, kind, file_name, created_at, acknowledged, written_at from outbound_document_overview
                 where partner_id = ? and (po_number = ? or inbound_document_id in (
                        select document_id from order_overview where partner_id = ? and po_number = ?))
                """, (rs, i) -> new DocumentRow("out", rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                rs.getString(5) != null ? "acknowledged " + rs.getString(5)
                        : rs.getTimestamp(6) == null ? "not yet delivered" : "delivered"),
                partnerId, poNumber, partnerId, poNumber));
        rows.sort(java.util.Comparator.comparing(DocumentRow::at, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())).thenComparing(DocumentRow::id));
        return rows;
    }

    /** A shipment of one of an order's releases, as logistics reported it. */
    record ShipmentRow(String shipmentId, String releaseId, Instant receivedAt, String status, BigDecimal quantity,
            String carrier, String trackingNumber, String error) {
    }

    /** The shipments of an order's releases, oldest first. */
    @Transactional(readOnly = true)
    List<ShipmentRow> shipments(long orderId, String partnerId) {
        return jdbc.query("""
                select s.shipment_id, s.release_id, s.received_at, s.status, s.quantity, s.carrier, s.tracking_number,
                       s.error
                  from shipment_overview s join release_overview r
                       on r.partner_id = s.partner_id and r.release_id = s.release_id
                 where r.order_id = ? and s.partner_id = ? order by s.id
                """, (rs, i) -> new ShipmentRow(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4),
                rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8)), orderId, partnerId);
    }

    /** A partner's invoices, newest first, a page at a time. */
    @Transactional(readOnly = true)
    Page<InvoiceRow> invoices(String partnerId, int page) {
        List<InvoiceRow> rows = jdbc.query("""
                select invoice_number, po_number, release_id, invoice_date, due_date, total, credited, paid,
                       open_balance, currency
                  from invoice_overview where partner_id = ? order by created_at desc, id desc limit ? offset ?
                """, (rs, i) -> new InvoiceRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10)), partnerId,
                PAGE_SIZE + 1, (long) Math.max(page, 0) * PAGE_SIZE);
        boolean more = rows.size() > PAGE_SIZE;
        return new Page<>(more ? rows.subList(0, PAGE_SIZE) : rows, Math.max(page, 0), more);
    }

    /** A partner's payments, newest first. */
    @Transactional(readOnly = true)
    List<UnappliedPayment> payments(String partnerId) {
        return jdbc.query("""
                select id, partner_id, trace_number, payment_date, total, unapplied, currency
                  from payment_overview where partner_id = ? order by received_at desc limit ?
                """, DeskQueries::payment, partnerId, PAGE_SIZE);
    }

    /** A partner's channel as the records show it: the last document in and the last one written out. */
    record Channel(String partnerId, Instant lastIn, String lastInName, Instant lastOut, String lastOutName,
            long undelivered) {
    }

    @Transactional(readOnly = true)
    Map<String, Channel> channels() {
        Map<String, Channel> channels = new LinkedHashMap<>();
        jdbc.query("""
                select p.partner_id, i.received_at, i.file_name, o.written_at, o.file_name,
                       (select count(*) from outbound_document_overview u where u.partner_id = p.partner_id
                           and u.written_at is null)
                  from (select distinct partner_id from inbound_document_overview
                        union select distinct partner_id from outbound_document_overview) p
                  left join lateral (select received_at, file_name from inbound_document_overview d
                                      where d.partner_id = p.partner_id order by d.id desc limit 1) i on true
                  left join lateral (select written_at, file_name from outbound_document_overview d
                                      where d.partner_id = p.partner_id and d.written_at is not null
                                      order by d.written_at desc limit 1) o on true
                """, rs -> {
            channels.put(rs.getString(1), new Channel(rs.getString(1), instant(rs, 2), rs.getString(3), instant(rs, 4),
                    rs.getString(5), rs.getLong(6)));
        });
        return channels;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}

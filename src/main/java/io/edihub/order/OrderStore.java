package io.edihub.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Stores a new order with its releases in the status each release carries.
     *
     * @param status OPEN, HELD or REJECTED
     * @param value  its value at the prices it will be invoiced at, if known
     * @param anchor the month its release ids count from (-01), fixed for the order's life
     */
    public long insert(PlannedOrder planned, long documentId, String status, java.math.BigDecimal value, YearMonth anchor) {
        return insert(planned, documentId, status, value, anchor, List.of());
    }

    /**
     * Stores a new order with its releases, as {@link #insert(PlannedOrder, long, String, java.math.BigDecimal,
     * YearMonth)}, and the first entries of its timeline with it.
     *
     * <p>An order of an interchange's usual size (hundreds of rows) is one statement: the order (whose canonical form
     * holds each line's schedule, which the {@code schedule_line_overview} view lists), its lines, releases, release lines and
     * events, one round trip instead of six. Each round trip costs the intake some half
     * a millisecond of waiting, and an interchange carries thousands of orders. A blanket order of tens of thousands of
     * rows goes by COPY, table by table ({@link BulkRows}), which binds its rows faster than one statement's arrays.
     * Either way the same constraints, foreign keys and defaults check every row.
     */
    public long insert(PlannedOrder planned, long documentId, String status, java.math.BigDecimal value, YearMonth anchor,
            List<NewEvent> events) {
        PurchaseOrder o = planned.order();
        Timestamp now = Timestamp.from(clock.instant());
        String canonical = toJson(o);
        PurchaseOrder.SourceDocument src = o.source();
        Object[] order = {o.partnerId(), o.poNumber(), o.releaseNumber() == null ? "" : o.releaseNumber(),
            o.purpose().name(), o.type(), Date.valueOf(o.orderDate()), date(o.requestedDelivery()), o.currency(),
            o.contractNumber(), status, anchor == null ? null : Date.valueOf(anchor.atDay(1)), documentId,
            src == null ? null : src.interchangeControlNumber(), src == null ? null : src.groupControlNumber(),
            src == null ? null : src.transactionControlNumber(), canonical, now, value, now};
        List<Object[]> lines = lineRows(o);
        List<Object[]> releaseLines = releaseLineRows(planned.releases());
        if (lines.size() + releaseLines.size() <= ONE_STATEMENT_ROWS) {
            return OneStatement.insertOrder(jdbc, order, lines, releaseRows(planned.releases()), releaseLines, events, now);
        }
        Long id = jdbc.queryForObject(INSERT_ORDER + " returning id", Long.class, order);
        long orderId = id;
        copyLines(orderId, lines);
        insertReleases(orderId, o.partnerId(), planned.releases(), now);
        OneStatement.insertEvents(jdbc, o.partnerId(), o.poNumber(), orderId, documentId, events, now);
        return orderId;
    }

    /** Up to this many line and release-line rows an order is stored in one statement; above, by COPY. */
    static final int ONE_STATEMENT_ROWS = 5_000;

    static final String INSERT_ORDER = "insert into purchase_order (partner_id, po_number, release_number, purpose, "
            + "order_type, order_date, requested_delivery, currency, contract_number, status, sequence_anchor, document_id, "
            + "interchange_control_number, group_control_number, transaction_control_number, canonical, created_at, "
            + "value, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)";

    /**
     * An entry of an order's timeline written with the order (see {@link #recordEvent}).
     *
     * @param alert asks the operator to look
     */
    public record NewEvent(String kind, String detail, boolean alert) {
    }

    private static List<Object[]> lineRows(PurchaseOrder o) {
        List<Object[]> lines = new ArrayList<>();
        for (OrderLine l : o.lines()) {
            lines.add(new Object[] {l.lineNumber(), l.buyerPart(), l.vendorPart(), l.description(), l.quantity(), l.unit(),
                l.unitPrice()});
        }
        return lines;
    }

    private static List<Object[]> releaseRows(List<Release> releases) {
        List<Object[]> rows = new ArrayList<>();
        for (Release r : releases) {
            rows.add(new Object[] {r.releaseId(), Date.valueOf(r.month().atDay(1)), r.status().name()});
        }
        return rows;
    }

    private static List<Object[]> releaseLineRows(List<Release> releases) {
        List<Object[]> rows = new ArrayList<>();
        for (Release r : releases) {
            for (Release.ReleaseLine rl : r.lines()) {
                rows.add(new Object[] {r.releaseId(), rl.lineNumber(), Date.valueOf(rl.dueDate()), rl.quantity(), rl.unit(),
                    rl.unitPrice()});
            }
        }
        return rows;
    }

    /** The order's lines, without their order id: by COPY, for a blanket order brings thousands. */
    private void copyLines(long orderId, List<Object[]> lineRows) {
        BulkRows.copy(jdbc, "order_line", "order_id, line_number, buyer_part, vendor_part, description, quantity, unit, "
                + "unit_price", withFirst(orderId, lineRows));
    }

    private static List<Object[]> withFirst(Object first, List<Object[]> rows) {
        List<Object[]> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] full = new Object[row.length + 1];
            full[0] = first;
            System.arraycopy(row, 0, full, 1, row.length);
            result.add(full);
        }
        return result;
    }

    private void insertReleases(long orderId, String partnerId, List<Release> toInsert, Timestamp now) {
        List<Object[]> releases = new ArrayList<>();
        for (Release r : toInsert) {
            releases.add(new Object[] {partnerId, r.releaseId(), orderId, Date.valueOf(r.month().atDay(1)),
                r.status().name(), now});
        }
        BulkRows.copy(jdbc, "order_release", "partner_id, release_id, order_id, month, status, created_at", releases);
        insertReleaseLines(partnerId, toInsert);
    }

    private void insertReleaseLines(String partnerId, List<Release> releases) {
        BulkRows.copy(jdbc, "release_line", "partner_id, release_id, line_number, due_date, quantity, unit, unit_price",
                withFirst(partnerId, releaseLineRows(releases)));
    }

    /**
     * Replaces an order's content after a change: its canonical form, lines and schedule, and the releases
     * still open (PLANNED / HELD / CANCELLED). Releases fulfillment already has are left exactly as they are;
     * new months get new releases; the ids of existing ones never change.
     */
    public void update(long orderId, PurchaseOrder order, List<Release> releases, String status, java.math.BigDecimal value,
            YearMonth anchor) {
        Timestamp now = Timestamp.from(clock.instant());
        // an order that never had a release gets its anchor with its first one; after that it never moves
        jdbc.update("update purchase_order set canonical = cast(? as jsonb), status = ?, value = ?, updated_at = ?, "
                + "sequence_anchor = coalesce(sequence_anchor, ?) where id = ?", toJson(order), status, value, now,
                anchor == null ? null : Date.valueOf(anchor.atDay(1)), orderId);
        jdbc.update("delete from order_line where order_id = ?", orderId);
        copyLines(orderId, lineRows(order));
        java.util.Map<String, String> existing = new java.util.HashMap<>();
        jdbc.query("select release_id, status from order_release where order_id = ?",
                rs -> {
                    existing.put(rs.getString(1), rs.getString(2));
                }, orderId);
        List<Release> fresh = new ArrayList<>();
        List<Release> reopened = new ArrayList<>();
        for (Release r : releases) {
            String was = existing.get(r.releaseId());
            if (was == null) {
                fresh.add(r);
            } else if (OPEN_STATUSES.contains(was)) {
                reopened.add(r);
            }
        }
        if (!reopened.isEmpty()) {
            jdbc.update("delete from release_line where partner_id = ? and release_id = any (?)", order.partnerId(),
                    (Object) reopened.stream().map(Release::releaseId).toArray(String[]::new));
            jdbc.batchUpdate("update order_release set status = ? where partner_id = ? and release_id = ?",
                    reopened.stream().map(r -> new Object[] {r.status().name(), order.partnerId(), r.releaseId()}).toList());
        }
        insertReleaseLines(order.partnerId(), reopened);
        insertReleases(orderId, order.partnerId(), fresh, now);
    }

    private static final java.util.Set<String> OPEN_STATUSES = java.util.Set.of("PLANNED", "HELD", "CANCELLED");

    /** Moves a held order and its releases in {@code from} status to new statuses (a decision). */
    public void setStatus(long orderId, String status, Release.Status releasesFrom, Release.Status releasesTo) {
        int updated = jdbc.update("update purchase_order set status = ?, updated_at = ? where id = ? and status = 'HELD'",
                status, Timestamp.from(clock.instant()), orderId);
        if (updated != 1) {
            throw new IllegalStateException("order " + orderId + " is no longer held");
        }
        jdbc.update("update order_release set status = ? where order_id = ? and status = ?", releasesTo.name(), orderId,
                releasesFrom.name());
    }

    /** The order on file for a partner, PO and customer release number, with its releases. */
    public Optional<CurrentOrder> current(String partnerId, String poNumber, String releaseNumber) {
        return current(partnerId, poNumber, releaseNumber, false);
    }

    /**
     * The order on file, locked until the caller's transaction ends when {@code lock} is set: two changes or
     * two decisions on one order never interleave.
     */
    public Optional<CurrentOrder> current(String partnerId, String poNumber, String releaseNumber, boolean lock) {
        return jdbc.query("select id, canonical, status, sequence_anchor, created_at, document_id from purchase_order "
                        + "where partner_id = ? and po_number = ? and release_number = ?" + (lock ? " for update" : ""),
                (rs, i) -> new CurrentOrder(rs.getLong(1), fromJson(rs.getString(2)), rs.getString(3),
                        rs.getDate(4) == null ? null : YearMonth.from(rs.getDate(4).toLocalDate()),
                        rs.getTimestamp(5).toInstant(), rs.getLong(6)),
                partnerId, poNumber, releaseNumber == null ? "" : releaseNumber).stream().findFirst()
                .map(c -> c.withReleases(releasesOf(c.id(), poNumber)));
    }

    private List<Release> releasesOf(long orderId, String poNumber) {
        Map<String, List<Release.ReleaseLine>> lines = releaseLinesOf(orderId);
        List<Release> result = new ArrayList<>();
        // replacement releases (4500012345-03-R1) are the claims' own, never re-planned by a change
        jdbc.query("select release_id, month, status from order_release where order_id = ? and replaces is null "
                + "order by month, release_id", rs -> {
            String releaseId = rs.getString(1);
            result.add(new Release(releaseId, poNumber, YearMonth.from(rs.getDate(2).toLocalDate()),
                    lines.getOrDefault(releaseId, List.of()), Release.Status.valueOf(rs.getString(3))));
        }, orderId);
        return result;
    }

    /**
     * What a document's screening needs, in one round trip: the order on file, locked until the caller's transaction
     * ends (as {@link #current(String, String, String, boolean)}); the revision already taken under {@code revisionKey};
     * and the business key of the last document taken for the order.
     */
    public Screening screening(String partnerId, String poNumber, String releaseNumber, String revisionKey) {
        String release = releaseNumber == null ? "" : releaseNumber;
        Screening found = jdbc.queryForObject("select o.id, o.canonical, o.status, o.sequence_anchor, o.created_at, "
                        + "o.document_id, r.id, r.document_id, r.received_at, r.outcome, (select revision_key from "
                        + "order_revision where partner_id = ? and po_number = ? and release_number = ? order by id desc "
                        + "limit 1) from (values (1)) v "
                        + "left join lateral (select id, canonical, status, sequence_anchor, created_at, document_id "
                        + "from purchase_order where partner_id = ? and po_number = ? and release_number = ? for update) o "
                        + "on true left join lateral (select id, document_id, received_at, outcome from order_revision "
                        + "where partner_id = ? and po_number = ? and release_number = ? and revision_key = ? limit 1) r "
                        + "on true",
                (rs, i) -> new Screening(rs.getObject(1) == null ? Optional.empty()
                        : Optional.of(new CurrentOrder(rs.getLong(1), fromJson(rs.getString(2)), rs.getString(3),
                                rs.getDate(4) == null ? null : YearMonth.from(rs.getDate(4).toLocalDate()),
                                rs.getTimestamp(5).toInstant(), rs.getLong(6))),
                        rs.getObject(7) == null ? Optional.empty() : Optional.of(new StoredRevision(rs.getLong(7),
                                rs.getLong(8), rs.getTimestamp(9).toInstant(), rs.getString(10))),
                        Optional.ofNullable(rs.getString(11))),
                partnerId, poNumber, release, partnerId, poNumber, release, partnerId, poNumber, release, revisionKey);
        return found.current().isEmpty() ? found : new Screening(found.current()
                .map(c -> c.withReleases(releasesOf(c.id(), poNumber))), found.revision(), found.lastRevisionKey());
    }

    /**
     * What {@link #screening} found.
     *
     * @param current         the order on file, locked
     * @param revision        the revision taken under the key asked for
     * @param lastRevisionKey the key of the last document taken for the order
     */
    public record Screening(Optional<CurrentOrder> current, Optional<StoredRevision> revision,
            Optional<String> lastRevisionKey) {
    }

    /** The canonical form of an order on file, as it stands after every change. */
    public PurchaseOrder canonical(long orderId) {
        return fromJson(jdbc.queryForObject("select canonical from purchase_order where id = ?", String.class, orderId));
    }

    /**
     * The format an order first came in (X12_..., JSON, CSV, EDIFACT), or empty when its source is not known: read in
     * the database, so that a big order's canonical form is not read and parsed again only for it.
     */
    public Optional<String> sourceFormat(long orderId) {
        return jdbc.queryForList("select canonical -> 'source' ->> 'format' from purchase_order where id = ?", String.class,
                orderId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Those of the given release ids a partner already has. */
    public List<String> existingReleaseIds(String partnerId, List<String> releaseIds) {
        if (releaseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select release_id from order_release where partner_id = ? and release_id = any (?) "
                + "order by release_id", String.class, partnerId, releaseIds.toArray(String[]::new));
    }

    /** The business key of the last document taken for an order, if any. */
    public Optional<String> lastRevisionKey(String partnerId, String poNumber, String releaseNumber) {
        return jdbc.queryForList("select revision_key from order_revision where partner_id = ? and po_number = ? "
                + "and release_number = ? order by id desc limit 1", String.class, partnerId, poNumber,
                releaseNumber == null ? "" : releaseNumber).stream().findFirst();
    }

    /** A revision already taken under the same business key, if any. */
    public Optional<StoredRevision> revision(String partnerId, String poNumber, String releaseNumber, String revisionKey) {
        return jdbc.query("select id, document_id, received_at, outcome from order_revision where partner_id = ? "
                        + "and po_number = ? and release_number = ? and revision_key = ?",
                (rs, i) -> new StoredRevision(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                partnerId, poNumber, releaseNumber == null ? "" : releaseNumber, revisionKey).stream().findFirst();
    }

    /** Records an order document taken under its business key. Returns the revision's id. */
    public long recordRevision(OrderMessage message, String revisionKey, Long orderId, long documentId, String outcome) {
        Long id = jdbc.queryForObject("insert into order_revision (partner_id, po_number, release_number, revision_key, "
                        + "purpose, order_id, document_id, outcome, message, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?) returning id", Long.class,
                message.partnerId(), message.poNumber(), message.releaseNumber() == null ? "" : message.releaseNumber(),
                revisionKey, message.purpose().name(), orderId, documentId, outcome, toJson(message),
                Timestamp.from(clock.instant()));
        return id;
    }

    /**
     * Records an order document taken under its business key and, when one ran, its contract check, in one statement.
     * Returns the revision's id.
     *
     * @param verdict  the contract check's verdict, or null when none ran (then findings and value are not used)
     */
    public long recordRevision(OrderMessage message, String revisionKey, Long orderId, long documentId, String outcome,
            String verdict, Object findings, java.math.BigDecimal value) {
        if (verdict == null) {
            return recordRevision(message, revisionKey, orderId, documentId, outcome);
        }
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("with v as (insert into order_revision (partner_id, po_number, release_number, "
                        + "revision_key, purpose, order_id, document_id, outcome, message, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?) returning id), "
                        + "w as (insert into order_review (order_id, revision_id, verdict, findings, value, reviewed_at) "
                        + "select ?::bigint, v.id, ?::text, cast(? as jsonb), ?::numeric, ?::timestamptz from v) "
                        + "select id from v", Long.class,
                message.partnerId(), message.poNumber(), message.releaseNumber() == null ? "" : message.releaseNumber(),
                revisionKey, message.purpose().name(), orderId, documentId, outcome, toJson(message), now,
                orderId, verdict, toJson(findings), value, now);
        return id;
    }

    /** Records a person's decision on a held order. */
    public void recordDecision(long orderId, String decision, String decidedBy, String comment) {
        jdbc.update("insert into order_decision (order_id, decision, decided_by, decided_at, comment) values (?, ?, ?, ?, ?)",
                orderId, decision, decidedBy, Timestamp.from(clock.instant()), comment);
    }

    /** Adds entries to an order's timeline in one statement, in the order given. */
    public void recordEvents(String partnerId, String poNumber, long orderId, Long documentId, List<NewEvent> events) {
        OneStatement.insertEvents(jdbc, partnerId, poNumber, orderId, documentId, events, Timestamp.from(clock.instant()));
    }

    /** Adds to an order's timeline; {@code alert} asks the operator to look. */
    public void recordEvent(String partnerId, String poNumber, Long orderId, Long documentId, String kind, String detail,
            boolean alert) {
        jdbc.update("insert into order_event (partner_id, po_number, order_id, document_id, kind, detail, alert, at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", partnerId, poNumber, orderId, documentId, kind, detail, alert,
                Timestamp.from(clock.instant()));
    }

    /** An order's timeline, oldest first. */
    public List<OrderEvent> events(String partnerId, String poNumber) {
        return jdbc.query("select at, kind, detail, alert, document_id from order_event where partner_id = ? and po_number = ? "
                        + "order by at, id", (rs, i) -> new OrderEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), (Long) rs.getObject(5)), partnerId, poNumber);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private PurchaseOrder fromJson(String canonical) {
        try {
            return json.readValue(canonical, PurchaseOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored canonical order", e);
        }
    }

    /** The releases of a PO as stored, in month order. */
    public List<Release> releases(String partnerId, String poNumber) {
        List<Release> result = new ArrayList<>();
        Map<Long, Map<String, List<Release.ReleaseLine>>> linesByOrder = new HashMap<>();
        jdbc.query("select r.release_id, r.month, r.status, r.order_id from order_release r join purchase_order o "
                + "on o.id = r.order_id where o.partner_id = ? and o.po_number = ? order by r.month, r.release_id", rs -> {
                    String releaseId = rs.getString(1);
                    Map<String, List<Release.ReleaseLine>> lines = linesByOrder.computeIfAbsent(rs.getLong(4),
                            this::releaseLinesOf);
                    result.add(new Release(releaseId, poNumber, YearMonth.from(rs.getDate(2).toLocalDate()),
                            lines.getOrDefault(releaseId, List.of()), Release.Status.valueOf(rs.getString(3))));
                }, partnerId, poNumber);
        return result;
    }

    /**
     * The lines of all of an order's releases in one read, by release id, each release's in due date and line order:
     * a blanket order has tens of thousands, and a read per release made a decision wait on two dozen round trips.
     */
    private Map<String, List<Release.ReleaseLine>> releaseLinesOf(long orderId) {
        // the parts once per order line, not once per delivery: the release lines are read without the join
        Map<String, String[]> parts = new HashMap<>();
        jdbc.query("select line_number, buyer_part, vendor_part from order_line where order_id = ?",
                rs -> {
                    parts.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }, orderId);
        Map<String, List<Release.ReleaseLine>> lines = new HashMap<>();
        jdbc.query("select rl.release_id, rl.line_number, rl.quantity, rl.unit, rl.unit_price, rl.due_date "
                        + "from order_release r join release_line rl on rl.partner_id = r.partner_id "
                        + "and rl.release_id = r.release_id where r.order_id = ? "
                        + "order by rl.release_id, rl.due_date, rl.line_number",
                rs -> {
                    String line = rs.getString(2);
                    String[] part = parts.getOrDefault(line, new String[2]);
                    lines.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Release.ReleaseLine(
                            line, part[0], part[1], plain(rs.getBigDecimal(3)), rs.getString(4),
                            plain(rs.getBigDecimal(5)), rs.getDate(6).toLocalDate()));
                }, orderId);
        return lines;
    }

    /** 100.0000 as stored reads back as 100, not 1E+2. */
    static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /**
     * An order as it stands.
     *
     * @param id         the order's id
     * @param order      its canonical form after every change so far
     * @param status     OPEN, HELD, REJECTED or CANCELLED
     * @param anchor     the month numbered -01
     * @param createdAt  when it was first taken
     * @param documentId the document it first came from
     * @param releases   its releases with their statuses
     */
    public record CurrentOrder(long id, PurchaseOrder order, String status, YearMonth anchor, java.time.Instant createdAt,
            long documentId, List<Release> releases) {

        CurrentOrder(long id, PurchaseOrder order, String status, YearMonth anchor, java.time.Instant createdAt,
                long documentId) {
            this(id, order, status, anchor, createdAt, documentId, List.of());
        }

        CurrentOrder withReleases(List<Release> all) {
            return new CurrentOrder(id, order, status, anchor, createdAt, documentId, List.copyOf(all));
        }
    }

    /** A revision on file under a business key. */
    public record StoredRevision(long id, long documentId, java.time.Instant receivedAt, String outcome) {
    }

    /** One entry of an order's timeline. */
    public record OrderEvent(java.time.Instant at, String kind, String detail, boolean alert, Long documentId) {
    }
}

package io.edihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.canonical.ScheduleLine;
import io.edihub.local.LocalPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new order stored in one statement (an interchange's usual order) and by COPY (a blanket order of more rows than
 * {@link OrderStore#ONE_STATEMENT_ROWS}) on a real PostgreSQL: both read back the same, nulls and empty texts as sent,
 * the timeline in the order given, and the schema's checks hold in one statement as they do for separate inserts.
 */
class OrderStoreTest {

    @TempDir
    static Path dataDir;
    static LocalPostgres postgres;
    static JdbcTemplate jdbc;
    static OrderStore store;
    static long documentId;

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0);
        DriverManagerDataSource ds = new DriverManagerDataSource(postgres.jdbcUrl(), LocalPostgres.USER, "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        store = new OrderStore(jdbc, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
        documentId = jdbc.queryForObject("insert into inbound_document (partner_id, channel, file_name, sha256, size_bytes, "
                + "content, received_at, outcome) values ('acme', 'SFTP', 'orders.edi', repeat('0', 64), 0, '', now(), "
                + "'ACCEPTED') returning id", Long.class);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void anOrderInOneStatementReadsBackAsTheSameOrderByCopy() {
        PlannedOrder small = order("4500070001", 5, 12);
        PlannedOrder big = order("4500070002", 250, 12);
        assertThat(rows(small)).isLessThanOrEqualTo(OrderStore.ONE_STATEMENT_ROWS);
        assertThat(rows(big)).isGreaterThan(OrderStore.ONE_STATEMENT_ROWS);
        List<OrderStore.NewEvent> events = List.of(new OrderStore.NewEvent("RECEIVED", "original order", false),
                new OrderStore.NewEvent("CONTRACT_OVER_LIMIT", "over the limit, \"quoted\", {braces}", false),
                new OrderStore.NewEvent("HELD", "held for a decision", true));

        long smallId = store.insert(small, documentId, "HELD", new BigDecimal("12.50"), YearMonth.of(2027, 1), events);
        long bigId = store.insert(big, documentId, "HELD", new BigDecimal("12.50"), YearMonth.of(2027, 1), events);

        for (long id : List.of(smallId, bigId)) {
            assertThat(jdbc.queryForList("select line_number, buyer_part, vendor_part, description, quantity, unit, "
                    + "unit_price from order_line where order_id = ? and line_number in ('1', '2') order by line_number",
                    id)).as("order %d", id).containsExactly(
                            Map.of("line_number", "1", "buyer_part", "", "vendor_part", "EH-1", "description",
                                    "CASE, 12\" \"HEAVY\"", "quantity", new BigDecimal("120.000000"), "unit", "EA",
                                    "unit_price", new BigDecimal("1.250000")),
                            nullable("2"));
            // a schedule line without a reference keeps none (null, not an empty text)
            assertThat(jdbc.queryForObject("select count(*) > 0 and count(*) = count(*) filter (where reference is null) "
                    + "from schedule_line_overview where order_id = ?", Boolean.class, id)).isTrue();
            assertThat(jdbc.queryForList("select kind, detail, alert from order_event where order_id = ? order by id", id))
                    .extracting(m -> m.get("kind") + "|" + m.get("detail") + "|" + m.get("alert")).containsExactly(
                            "RECEIVED|original order|false", "CONTRACT_OVER_LIMIT|over the limit, \"quoted\", {braces}|false",
                            "HELD|held for a decision|true");
        }
        PurchaseOrder smallOrder = small.order();
        assertThat(store.current("acme", "4500070001", null).orElseThrow().releases())
                .isEqualTo(small.releases().stream().map(r -> withPo(r, smallOrder.poNumber())).toList());
        assertThat(store.current("acme", "4500070002", null).orElseThrow().releases())
                .isEqualTo(big.releases().stream().map(r -> withPo(r, "4500070002")).toList());
        assertThat(jdbc.queryForList("select status, value, sequence_anchor::text as anchor from purchase_order "
                + "where id in (?, ?)", smallId, bigId)).allMatch(m -> m.get("status").equals("HELD")
                        && new BigDecimal("12.50").compareTo((BigDecimal) m.get("value")) == 0
                        && m.get("anchor").equals("2027-01-01"));
    }

    @Test
    void aReleaseIdTakenAlreadyFailsTheWholeStatementAndLeavesNothing() {
        store.insert(order("4500070010", 1, 2), documentId, "OPEN", BigDecimal.ONE, YearMonth.of(2027, 1), List.of());
        PlannedOrder clash = new PlannedOrder(order("4500070011", 1, 2).order(), order("4500070010", 1, 2).releases());

        assertThatThrownBy(() -> store.insert(clash, documentId, "OPEN", BigDecimal.ONE, YearMonth.of(2027, 1),
                List.of(new OrderStore.NewEvent("RECEIVED", "x", false)))).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = '4500070011'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from order_event where po_number = '4500070011'",
                Integer.class)).isZero();
    }

    @Test
    void screeningFindsTheOrderItsRevisionAndTheLastKeyInOneRead() {
        PlannedOrder planned = order("4500070020", 1, 1);
        assertThat(store.screening("acme", "4500070020", null, "original"))
                .isEqualTo(new OrderStore.Screening(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty()));
        long id = store.insert(planned, documentId, "OPEN", BigDecimal.ONE, YearMonth.of(2027, 1), List.of());
        long revision = store.recordRevision(planned.order(), "original", id, documentId, "ACCEPTED", "ACCEPT",
                List.of(), BigDecimal.ONE);

        OrderStore.Screening found = store.screening("acme", "4500070020", null, "original");
        assertThat(found.current()).get().extracting(OrderStore.CurrentOrder::id).isEqualTo(id);
        assertThat(found.current().orElseThrow().releases()).hasSize(1);
        assertThat(found.revision()).get().extracting(OrderStore.StoredRevision::id).isEqualTo(revision);
        assertThat(found.lastRevisionKey()).contains("original");
        assertThat(store.screening("acme", "4500070020", null, "r:7").revision()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from order_review where revision_id = ?", Integer.class, revision))
                .isEqualTo(1);
    }

    private static Map<String, Object> nullable(String lineNumber) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("line_number", lineNumber);
        row.put("buyer_part", null);
        row.put("vendor_part", "EH-2");
        row.put("description", null);
        row.put("quantity", new BigDecimal("120.000000"));
        row.put("unit", "EA");
        row.put("unit_price", null);
        return row;
    }

    /** A release as read back: its lines in due date and line number order, line numbers compared as text. */
    private static Release withPo(Release r, String poNumber) {
        return new Release(r.releaseId(), poNumber, r.month(), r.lines().stream()
                .sorted(java.util.Comparator.comparing(Release.ReleaseLine::dueDate)
                        .thenComparing(Release.ReleaseLine::lineNumber)).toList(), r.status());
    }

    private static int rows(PlannedOrder p) {
        return p.order().lines().size() + p.order().lines().stream().mapToInt(l -> l.schedule().size()).sum()
                + p.releases().stream().mapToInt(r -> r.lines().size()).sum();
    }

    /** An order of {@code lines} lines of 10 a month over {@code months} months; line 1 with an empty buyer part. */
    private static PlannedOrder order(String po, int lines, int months) {
        List<OrderLine> orderLines = new ArrayList<>();
        for (int n = 1; n <= lines; n++) {
            List<ScheduleLine> schedule = new ArrayList<>();
            for (int m = 0; m < months; m++) {
                schedule.add(new ScheduleLine(BigDecimal.TEN, "EA", LocalDate.of(2027, 1, 15).plusMonths(m), null));
            }
            orderLines.add(new OrderLine(Integer.toString(n), n == 1 ? "" : null, "EH-" + n, Map.of(),
                    n == 1 ? "CASE, 12\" \"HEAVY\"" : null, BigDecimal.TEN.multiply(BigDecimal.valueOf(months)), "EA",
                    n == 2 ? null : new BigDecimal("1.25"), schedule));
        }
        PurchaseOrder order = new PurchaseOrder("acme", po, null, PurchaseOrder.Purpose.ORIGINAL, null, "BK",
                LocalDate.of(2026, 12, 1), null, "USD", "C-1", List.of(), List.of(), List.of(), List.of(), orderLines,
                null, null);
        List<Release> releases = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            List<Release.ReleaseLine> releaseLines = new ArrayList<>();
            for (OrderLine l : orderLines) {
                releaseLines.add(new Release.ReleaseLine(l.lineNumber(), l.buyerPart(), l.vendorPart(), BigDecimal.TEN,
                        "EA", l.unitPrice(), LocalDate.of(2027, 1, 15).plusMonths(m)));
            }
            releases.add(new Release(po + "-" + String.format("%02d", m + 1), po, YearMonth.of(2027, 1).plusMonths(m),
                    releaseLines, Release.Status.HELD));
        }
        return new PlannedOrder(order, releases);
    }
}

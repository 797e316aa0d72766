package io.edihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.local.LocalPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The release lines' reference to their release, checked once per statement since V18 instead of by a foreign key per
 * row, on a real PostgreSQL: a line without its release is refused as a foreign key violation (SQLSTATE 23503), whether
 * inserted or copied, with the statement's other rows; a release deleted takes its lines; a reference or a release's key
 * cannot be changed.
 */
class LineReferencesTest {

    @TempDir
    static Path dataDir;
    static LocalPostgres postgres;
    static JdbcTemplate jdbc;
    static long documentId;

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0);
        DriverManagerDataSource ds = new DriverManagerDataSource(postgres.jdbcUrl(), LocalPostgres.USER, "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        documentId = jdbc.queryForObject("insert into inbound_document (partner_id, channel, file_name, sha256, size_bytes, "
                + "content, received_at, outcome) values ('acme', 'SFTP', 'orders.edi', repeat('0', 64), 0, '', now(), "
                + "'ACCEPTED') returning id", Long.class);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aReleaseLineWithoutItsReleaseIsRefusedWithTheWholeStatement() {
        long order = order("4500080001");
        release(order, "4500080001-01");

        assertThatThrownBy(() -> jdbc.update("insert into release_line (partner_id, release_id, line_number, due_date, "
                + "quantity) values ('acme', '4500080001-01', '1', date '2027-01-15', 5), ('acme', '4500080001-02', '1', "
                + "date '2027-02-15', 5)")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"))
                .hasMessageContaining("release_line references release acme 4500080001-02");
        assertThat(count("release_line where release_id like '4500080001-%'")).isZero();
    }

    @Test
    void copiedLinesAreCheckedAsInsertedOnes() {
        long order = order("4500080002");
        release(order, "4500080002-01");
        List<Object[]> lines = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            lines.add(new Object[] {"acme", "4500080002-01", String.valueOf(i), java.sql.Date.valueOf("2027-01-15"), 2});
        }
        List<Object[]> orphan = new ArrayList<>(lines);
        orphan.add(new Object[] {"acme", "4500080002-09", "1", java.sql.Date.valueOf("2027-09-15"), 2});

        assertThatThrownBy(() -> BulkRows.copy(jdbc, "release_line", "partner_id, release_id, line_number, due_date, quantity",
                orphan)).satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
        assertThat(count("release_line where release_id = '4500080002-01'")).isZero();

        assertThat(BulkRows.copy(jdbc, "release_line", "partner_id, release_id, line_number, due_date, quantity", lines))
                .isEqualTo(3_000);
    }

    @Test
    void anOrderDeletedTakesItsReleasesAndTheirLines() {
        long order = order("4500080003");
        release(order, "4500080003-01");
        jdbc.update("insert into release_line (partner_id, release_id, line_number, due_date, quantity) values "
                + "('acme', '4500080003-01', '1', date '2027-01-15', 5)");

        jdbc.update("delete from purchase_order where id = ?", order);

        assertThat(count("order_release where release_id = '4500080003-01'")).isZero();
        assertThat(count("release_line where release_id = '4500080003-01'")).isZero();
    }

    @Test
    void aLineIsNeverMovedToAnotherParentNorAParentKeyChanged() {
        long order = order("4500080004");
        release(order, "4500080004-01");
        release(order, "4500080004-02");
        jdbc.update("insert into release_line (partner_id, release_id, line_number, due_date, quantity) values "
                + "('acme', '4500080004-01', '1', date '2027-01-15', 5)");

        assertThatThrownBy(() -> jdbc.update("update release_line set release_id = '4500080004-02' where release_id = "
                + "'4500080004-01'")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
        assertThatThrownBy(() -> jdbc.update("update order_release set release_id = '4500080004-03' where release_id = "
                + "'4500080004-01'")).satisfies(e -> assertThat(sqlState(e)).isEqualTo("23503"));
        // the ledger's own updates leave the reference alone and go through
        assertThat(jdbc.update("update release_line set released = 5 where release_id = '4500080004-01'")).isOne();
    }

    private static long order(String po) {
        return jdbc.queryForObject("insert into purchase_order (partner_id, po_number, purpose, order_date, currency, "
                + "status, document_id, canonical, created_at) values ('acme', ?, '00', date '2026-12-01', 'USD', 'OPEN', ?, "
                + "'{}'::jsonb, now()) returning id",
                Long.class, po, documentId);
    }

    private static void release(long order, String releaseId) {
        jdbc.update("insert into order_release (partner_id, release_id, order_id, month, status, created_at) values "
                + "('acme', ?, ?, date '2027-01-01', 'PLANNED', now())", releaseId, order);
    }

    private static int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return e instanceof DataAccessException ? "no SQLSTATE" : e.getClass().getName();
    }
}

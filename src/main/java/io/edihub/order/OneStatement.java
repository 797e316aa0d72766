package io.edihub.order;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new order of an interchange's usual size written in one statement: the order row (with its schedule in the
 * canonical order), and its lines, releases, release lines and first timeline entries as arrays unnested into their tables by data-modifying CTEs.
 * The foreign keys between them are checked at the end of the statement, as for separate inserts in one transaction;
 * every other constraint and default holds row by row as for an insert.
 */
final class OneStatement {

    private static final String SQL = "with o as (" + OrderStore.INSERT_ORDER + " returning id, partner_id, po_number, "
            + "document_id), "
            + "l as (insert into order_line (order_id, line_number, buyer_part, vendor_part, description, quantity, unit, "
            + "unit_price) select o.id, x.* from o, unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[], "
            + "?::text[], ?::numeric[]) x), "
            + "r as (insert into order_release (partner_id, release_id, order_id, month, status, created_at) "
            + "select o.partner_id, x.release_id, o.id, x.month, x.status, ?::timestamptz "
            + "from o, unnest(?::text[], ?::date[], ?::text[]) x(release_id, month, status)), "
            + "rl as (insert into release_line (partner_id, release_id, line_number, due_date, quantity, unit, unit_price) "
            + "select o.partner_id, x.* from o, unnest(?::text[], ?::text[], ?::date[], ?::numeric[], ?::text[], "
            + "?::numeric[]) x), "
            // ordered as given, so that the timeline's ids keep the order the desk recorded them in
            + "e as (insert into order_event (partner_id, po_number, order_id, document_id, kind, detail, alert, at) "
            + "select o.partner_id, o.po_number, o.id, o.document_id, x.kind, x.detail, x.alert, ?::timestamptz "
            + "from o, unnest(?::text[], ?::text[], ?::boolean[]) with ordinality x(kind, detail, alert, n) order by x.n) "
            + "select id from o";

    private OneStatement() {
    }

    /**
     * Inserts an order and everything of it. Rows come without the columns the statement fills in: the order id, and
     * the partner of the release rows.
     *
     * @param order        the purchase_order row, in the columns of {@link OrderStore#INSERT_ORDER}
     * @param lines        line number, buyer part, vendor part, description, quantity, unit, unit price
     * @param releases     release id, month, status
     * @param releaseLines release id, line number, due date, quantity, unit, unit price
     * @return the order's id
     */
    static long insertOrder(JdbcTemplate jdbc, Object[] order, List<Object[]> lines, List<Object[]> releases, List<Object[]> releaseLines, List<OrderStore.NewEvent> events, Timestamp now) {
        Long id = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement(SQL)) {
                int p = 1;
                for (Object value : order) {
                    // the same types an insert through JdbcTemplate binds
                    org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(ps, p++,
                            org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, value);
                }
                p = columns(connection, ps, p, lines, 7);
                ps.setTimestamp(p++, now);
                p = columns(connection, ps, p, releases, 3);
                p = columns(connection, ps, p, releaseLines, 6);
                ps.setTimestamp(p++, now);
                bindEvents(connection, ps, p, events);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        if (id == null) {
            throw new IllegalStateException("the order was not stored");
        }
        return id;
    }

    /**
     * An order's timeline entries in one statement, in the order given: a held blanket order brings a finding for each
     * of thousands of lines.
     */
    static void insertEvents(JdbcTemplate jdbc, String partnerId, String poNumber, long orderId, Long documentId,
            List<OrderStore.NewEvent> events, Timestamp now) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement("insert into order_event (partner_id, po_number, "
                    + "order_id, document_id, kind, detail, alert, at) select ?, ?, ?, ?, x.kind, x.detail, x.alert, ? "
                    + "from unnest(?::text[], ?::text[], ?::boolean[]) with ordinality x(kind, detail, alert, n) "
                    + "order by x.n")) {
                ps.setString(1, partnerId);
                ps.setString(2, poNumber);
                ps.setLong(3, orderId);
                if (documentId == null) {
                    ps.setNull(4, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(4, documentId);
                }
                ps.setTimestamp(5, now);
                bindEvents(connection, ps, 6, events);
                return ps.executeUpdate();
            }
        });
    }

    private static void bindEvents(Connection connection, PreparedStatement ps, int first, List<OrderStore.NewEvent> events)
            throws SQLException {
        String[] kinds = new String[events.size()];
        String[] details = new String[events.size()];
        String[] alerts = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            kinds[i] = events.get(i).kind();
            details[i] = events.get(i).detail();
            alerts[i] = Boolean.toString(events.get(i).alert());
        }
        ps.setArray(first, connection.createArrayOf("text", kinds));
        ps.setArray(first + 1, connection.createArrayOf("text", details));
        ps.setArray(first + 2, connection.createArrayOf("text", alerts));
    }

    /** Binds each of the rows' {@code width} columns as one text array, cast in the statement; returns the next index. */
    private static int columns(Connection connection, PreparedStatement ps, int first, List<Object[]> rows, int width)
            throws SQLException {
        for (int c = 0; c < width; c++) {
            String[] values = new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                values[r] = text(rows.get(r)[c]);
            }
            Array array = connection.createArrayOf("text", values);
            ps.setArray(first + c, array);
        }
        return first + width;
    }

    /** A value as PostgreSQL reads it back into its column's type: numbers in plain notation, dates as ISO dates. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof String || value instanceof Date || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("no text form for a " + value.getClass().getName());
    }
}

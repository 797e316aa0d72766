package io.edihub.order;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows of one table with PostgreSQL's COPY, on the connection of the caller's transaction: a big order's
 * lines, schedule and release lines are one statement each instead of one insert per row. Constraints, foreign keys
 * and column defaults hold for COPY as for an insert, so the table's invariants are checked exactly as before.
 */
final class BulkRows {

    private BulkRows() {
    }

    /**
     * Copies {@code rows} into {@code table}; each row's values in the order of {@code columns}.
     *
     * @return the number of rows written
     */
    static long copy(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String csv = csv(rows);
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns
                        + ") from stdin (format csv)", new StringReader(csv));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (copied == null || copied != rows.size()) {
            throw new IllegalStateException("copied " + copied + " of " + rows.size() + " rows into " + table);
        }
        return copied;
    }

    /**
     * The rows as COPY's CSV: a null is an unquoted empty field, every text is quoted (so that an empty text stays
     * empty, not null, and a comma, quote or line break in a description is data), numbers, dates and instants as
     * PostgreSQL reads them.
     */
    static String csv(List<Object[]> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                field(sb, row[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            sb.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (value instanceof BigDecimal number) {
            sb.append(number.toPlainString());
        } else if (value instanceof Timestamp at) {
            sb.append(at.toInstant());
        } else if (value instanceof Date || value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            throw new IllegalArgumentException("no COPY form for a " + value.getClass().getName());
        }
    }
}

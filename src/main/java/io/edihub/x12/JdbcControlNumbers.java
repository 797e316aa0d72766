package io.edihub.x12;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Control numbers kept in PostgreSQL: one upsert per number, so concurrent writers queue on the row
 * and never get the same value; a number drawn in a transaction that rolls back was never sent.
 */
public final class JdbcControlNumbers implements ControlNumbers {

    /** ISA13 and GS06 are at most nine digits; running out must stop us rather than reuse a number. */
    private static final long MAX = 999_999_999L;

    private final JdbcTemplate jdbc;

    public JdbcControlNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long next(String partnerId, Kind kind) {
        Long value = jdbc.queryForObject("insert into control_number (partner_id, kind, last_value) values (?, ?, 1) "
                + "on conflict (partner_id, kind) do update set last_value = control_number.last_value + 1 "
                + "returning last_value", Long.class, partnerId, kind.name());
        if (value == null || value > MAX) {
            throw new IllegalStateException("the " + kind + " control numbers of partner " + partnerId + " are used up");
        }
        return value;
    }

    /** One upsert for the whole block, so that the numbers are consecutive whoever else draws. */
    @Override
    public long reserve(String partnerId, Kind kind, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one number, not " + count);
        }
        Long last = jdbc.queryForObject("insert into control_number (partner_id, kind, last_value) values (?, ?, ?) "
                + "on conflict (partner_id, kind) do update set last_value = control_number.last_value + excluded.last_value "
                + "returning last_value", Long.class, partnerId, kind.name(), count);
        if (last == null || last > MAX) {
            throw new IllegalStateException("the " + kind + " control numbers of partner " + partnerId + " are used up");
        }
        return last - count + 1;
    }
}

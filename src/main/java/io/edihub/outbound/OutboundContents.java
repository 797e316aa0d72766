package io.edihub.outbound;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What we sent a partner, for a person to open again (the desk, the partner's own portal): always asked with the
 * partner, so a partner's page can never name another's document.
 */
@Component
public class OutboundContents {

    private final JdbcTemplate jdbc;

    OutboundContents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A document we wrote: its file name and text. */
    public record Sent(long id, String partnerId, String kind, String fileName, String content) {
    }

    public Optional<Sent> find(String partnerId, long id) {
        return jdbc.query("select id, partner_id, kind, file_name, content from outbound_document "
                + "where id = ? and partner_id = ?", rs -> rs.next() ? Optional.of(new Sent(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))) : Optional.<Sent>empty(),
                id, partnerId);
    }
}

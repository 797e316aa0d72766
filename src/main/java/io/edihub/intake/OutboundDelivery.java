package io.edihub.intake;

import io.edihub.EdiHubHeaders;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the {@code deliverOutboundDocuments} route calls: stored answers not yet written, and marking them written. */
@Component("outboundDelivery")
public class OutboundDelivery {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OutboundDelivery(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A document to write to a partner's outbound folder. */
    public record Pending(long id, String partnerId, String fileName, String content) {
    }

    /** Documents that answer no inbound file (those are written by the intake route itself), oldest first. */
    public List<Pending> pending() {
        return jdbc.query("select id, partner_id, file_name, content from outbound_document where written_at is null "
                        + "and inbound_document_id is null order by id limit 100",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public void written(@Header(EdiHubHeaders.OUTBOUND_ID) long id) {
        jdbc.update("update outbound_document set written_at = ? where id = ?", Timestamp.from(clock.instant()), id);
    }
}

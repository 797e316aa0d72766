package io.edihub.billing;

import io.edihub.canonical.Acceptance;
import io.edihub.order.ReleaseLedger;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the customer returned or disputes becomes a claim: one open claim row per order line, and one claim
 * event for the acceptance on {@code edihub.claims.v1} (through the outbox, in the caller's transaction).
 */
@Component("claims")
public class Claims {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Topics topics;

    Claims(JdbcTemplate jdbc, Outbox outbox, Topics topics) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topics = topics;
    }

    /** The acceptance route's claim step: returned and disputed quantities become open claims. */
    public AcceptanceInProgress raise(AcceptanceInProgress step) {
        Acceptance a = step.acceptance();
        ReleaseLedger.Entry entry = step.release();
        List<Claim.Line> lines = new ArrayList<>();
        for (Acceptance.Line l : a.lines()) {
            if (l.rejected().signum() > 0) {
                lines.add(new Claim.Line(l.lineNumber(), l.returned(), l.disputed(), l.unit(), l.condition(), l.reason()));
                jdbc.update("insert into claim (partner_id, release_id, po_number, acceptance, line_number, returned, disputed, "
                                + "condition, reason, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                        entry.partnerId(), entry.releaseId(), entry.poNumber(), step.row(), l.lineNumber(), l.returned(),
                        l.disputed(), l.condition(), l.reason(), Timestamp.from(step.recordedAt()));
            }
        }
        if (!lines.isEmpty()) {
            Claim claim = new Claim("claim:" + entry.partnerId() + ":" + a.acceptanceId() + ":" + entry.releaseId(),
                    entry.partnerId(), entry.poNumber(), entry.releaseId(), a.acceptanceId(), lines, step.recordedAt());
            outbox.add(topics.claims(), entry.releaseId(), claim.claimId(), "io.edihub.claim.v1", claim);
        }
        return step.claimed(lines.size());
    }
}

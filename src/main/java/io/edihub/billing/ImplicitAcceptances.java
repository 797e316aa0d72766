package io.edihub.billing;

import io.edihub.order.PurchaseOrder;
import io.edihub.order.ReleaseLedger;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For partners whose profile says so ({@code billing.implicit-acceptance-after}), records as accepted what
 * they shipped that long ago and never judged, marked implicit, and invoices it like any acceptance.
 * Off for every partner without that key: then only the customer's own acceptance is ever invoiced.
 */
@Component("implicitAcceptances")
public class ImplicitAcceptances {

    private final JdbcTemplate jdbc;
    private final PartnerDirectory partners;
    private final AcceptanceDesk desk;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReleaseLedger ledger;

    ImplicitAcceptances(JdbcTemplate jdbc, PartnerDirectory partners, AcceptanceDesk desk, TransactionTemplate transactions,
            Clock clock, ReleaseLedger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.partners = partners;
        this.desk = desk;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Takes every implicit acceptance that is due; returns what was taken. */
    public List<AcceptanceDesk.Outcome> acceptDue() {
        LocalDate today = LocalDate.now(clock);
        List<AcceptanceDesk.Outcome> taken = new ArrayList<>();
        for (PartnerProfile partner : partners.all()) {
            if (partner.implicitAcceptanceAfter() == null) {
                continue;
            }
            LocalDate shippedBy = today.minus(partner.implicitAcceptanceAfter());
            // the last shipment names the acceptance: a later shipment starts its own period and its own acceptance
            List<Object[]> due = jdbc.query("select s.release_id, max(s.id), o.po_number from shipment s "
                            + "join order_release r on r.partner_id = s.partner_id and r.release_id = s.release_id "
                            + "join purchase_order o on o.id = r.order_id where s.partner_id = ? and s.status = 'APPLIED' "
                            + "group by s.release_id, o.po_number having max(s.ship_date) <= ? and exists (select 1 from "
                            + "release_line rl where rl.partner_id = ? and rl.release_id = s.release_id "
                            + "and rl.shipped > rl.accepted + rl.rejected)",
                    (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)}, partner.id(),
                    java.sql.Date.valueOf(shippedBy), partner.id());
            for (Object[] row : due) {
                AcceptanceDesk.Outcome outcome = transactions.execute(status -> acceptRest(partner, (String) row[0],
                        (Long) row[1], (String) row[2], today));
                if (outcome != null) {
                    taken.add(outcome);
                }
            }
        }
        return taken;
    }

    private AcceptanceDesk.Outcome acceptRest(PartnerProfile partner, String releaseId, long lastShipment, String poNumber,
            LocalDate today) {
        // under the release's lock: the partner's own acceptance may be being taken at this moment
        ledger.lock(partner.id(), releaseId);
        List<Acceptance.Line> lines = jdbc.query("select line_number, sum(shipped - accepted - rejected), min(unit) "
                        + "from release_line where partner_id = ? and release_id = ? group by line_number "
                        + "having sum(shipped - accepted - rejected) > 0 order by line_number",
                (rs, i) -> new Acceptance.Line(rs.getString(1), rs.getBigDecimal(2), null, null, rs.getString(3), null,
                        "accepted implicitly: not judged within " + partner.implicitAcceptanceAfter() + " of shipping"),
                partner.id(), releaseId);
        if (lines.isEmpty()) {
            return null;
        }
        Acceptance acceptance = new Acceptance(partner.id(), "implicit-" + lastShipment, poNumber, releaseId, today, true,
                lines, new PurchaseOrder.SourceDocument("IMPLICIT", null, null, null, null, null));
        return desk.take(acceptance, partner, null);
    }
}

package io.edihub.billing;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.fulfillment.Shipments;
import io.edihub.order.ReleaseLedger;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For partners whose profile says so ({@code billing.implicit-acceptance-after}), records as accepted what
 * they shipped that long ago and never judged, marked implicit, and invoices it like any acceptance.
 * Off for every partner without that key: then only the customer's own acceptance is ever invoiced.
 */
@Component("implicitAcceptances")
public class ImplicitAcceptances {

    private final Shipments shipments;
    private final PartnerDirectory partners;
    private final AcceptanceDesk desk;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReleaseLedger ledger;

    ImplicitAcceptances(Shipments shipments, PartnerDirectory partners, AcceptanceDesk desk, TransactionTemplate transactions,
            Clock clock, ReleaseLedger ledger) {
        this.ledger = ledger;
        this.shipments = shipments;
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
            Map<String, String> awaiting = new LinkedHashMap<>();
            ledger.awaitingJudgment(partner.id()).forEach(release -> awaiting.put(release.releaseId(), release.poNumber()));
            for (Shipments.Last last : shipments.lastShippedBy(partner.id(), awaiting.keySet(), shippedBy)) {
                AcceptanceDesk.Outcome outcome = transactions.execute(status -> acceptRest(partner, last.releaseId(),
                        last.shipmentId(), awaiting.get(last.releaseId()), today));
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
        List<Acceptance.Line> lines = ledger.unjudged(partner.id(), releaseId).stream()
                .map(line -> new Acceptance.Line(line.lineNumber(), line.quantity(), null, null, line.unit(), null,
                        "accepted implicitly: not judged within " + partner.implicitAcceptanceAfter() + " of shipping"))
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        Acceptance acceptance = new Acceptance(partner.id(), "implicit-" + lastShipment, poNumber, releaseId, today, true,
                lines, new PurchaseOrder.SourceDocument("IMPLICIT", null, null, null, null, null));
        return desk.take(acceptance, partner, null);
    }
}

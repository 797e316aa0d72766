package io.edihub.billing;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.Invoice;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One acceptance on its way through the {@code acceptRelease} route (routes/acceptance.camel.yaml): judged
 * against what was shipped, recorded, invoiced for what was accepted, claimed for what was not, and closed on
 * its release. Each step returns a copy with what it added.
 *
 * @param documentId  the inbound document it came in, null for one the hub made (implicit acceptance)
 * @param release     the release, locked with its order for the rest of the transaction (once judged)
 * @param judged      the release's quantities with the customer's verdicts applied (once judged)
 * @param toInvoice   per order line the accepted quantity to invoice now (once judged)
 * @param refusal     why it is not taken, when it is not; every later step is skipped
 * @param recordedAt  when it was recorded
 * @param row         the acceptance's row id (once recorded)
 * @param invoice     the invoice made from it, if anything was accepted
 * @param claims      the number of order lines with a claim
 */
public record AcceptanceInProgress(Acceptance acceptance, PartnerProfile partner, Long documentId,
        ReleaseLedger.Entry release, ReleaseQuantities judged, Map<String, BigDecimal> toInvoice,
        AcceptanceDesk.Outcome refusal, Instant recordedAt, Long row, Invoice invoice, int claims) {

    static AcceptanceInProgress start(Acceptance acceptance, PartnerProfile partner, Long documentId) {
        return new AcceptanceInProgress(acceptance, partner, documentId, null, null, Map.of(), null, null, null, null, 0);
    }

    /** True when a step refused it: nothing more is done with it. */
    public boolean refused() {
        return refusal != null;
    }

    /**
     * True when the customer accepted something that is now to be invoiced: at once, unless the partner is invoiced
     * monthly ({@link #awaitsConsolidatedInvoice}).
     */
    public boolean invoiceDue() {
        return refusal == null && !toInvoice.isEmpty() && !monthly();
    }

    /** True when what the customer accepted waits, accepted and not invoiced, for the month's consolidated invoice. */
    public boolean awaitsConsolidatedInvoice() {
        return refusal == null && !toInvoice.isEmpty() && monthly();
    }

    private boolean monthly() {
        return partner != null && partner.invoicing().consolidated();
    }

    AcceptanceInProgress refuse(String code, String message) {
        return new AcceptanceInProgress(acceptance, partner, documentId, release, judged, toInvoice,
                AcceptanceDesk.Outcome.refused(acceptance, code, message), recordedAt, row, invoice, claims);
    }

    AcceptanceInProgress judged(ReleaseLedger.Entry release, ReleaseQuantities judged, Map<String, BigDecimal> toInvoice) {
        return new AcceptanceInProgress(acceptance, partner, documentId, release, judged, Collections.unmodifiableMap(new LinkedHashMap<>(toInvoice)), refusal,
                recordedAt, row, invoice, claims);
    }

    AcceptanceInProgress recorded(long row, Instant at) {
        return new AcceptanceInProgress(acceptance, partner, documentId, release, judged, toInvoice, refusal, at, row,
                invoice, claims);
    }

    AcceptanceInProgress invoiced(Invoice invoice) {
        return new AcceptanceInProgress(acceptance, partner, documentId, release, judged, toInvoice, refusal, recordedAt,
                row, invoice, claims);
    }

    /** With the number of order lines that became a claim. */
    public AcceptanceInProgress claimed(int claims) {
        return new AcceptanceInProgress(acceptance, partner, documentId, release, judged, toInvoice, refusal, recordedAt,
                row, invoice, claims);
    }
}

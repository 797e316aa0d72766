package io.edihub.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One step of a claim on {@code edihub.claims.v1} (type {@code io.edihub.claim-step.v1}, keyed by release id): a claim
 * raised on invoiced goods, a person's decision, goods replaced or returned, the claim settled or denied. The event id
 * is derived from the claim and the step, so a replay sends the same id.
 *
 * @param status   the claim's status after the step
 * @param action   RAISED, DECIDED, COMPLETED, SETTLED or DENIED
 * @param decision the decision, for DECIDED and COMPLETED
 */
record ClaimStep(String stepId, String claimNumber, String partnerId, String poNumber, String releaseId, Claim.Kind kind,
        Claim.Source source, String sourceRef, String invoiceNumber, Claim.Status status, String action,
        Claim.Decision decision, String reason, List<Claim.SettledLine> lines, String replacementRelease, String rmaNumber,
        String reacceptedInvoiceNumber, String creditNoteNumber, BigDecimal loss, String actor, Instant at) {

    ClaimStep {
        lines = List.copyOf(lines);
    }
}

package io.edihub.intake;

import io.edihub.canonical.Adjustment;
import io.edihub.claims.Claim;
import io.edihub.claims.Claims;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the credit adjustments customers send about our invoices (an 812, its JSON and CSV forms): each becomes a
 * claim after invoicing ({@link Claims#raiseOnInvoice}), checked against the invoice it names. A document's
 * adjustments are taken whole or not at all, in a savepoint of the caller's transaction: one refused undoes the
 * others, and the sender is told each reason. A debit adjustment (the customer owes more) is no claim and is refused;
 * the same adjustment number again is the claim raised before.
 */
@Component
class AdjustmentIntake implements AdjustmentReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(AdjustmentIntake.class);

    private final Claims claims;
    private final TransactionTemplate nested;

    AdjustmentIntake(Claims claims, PlatformTransactionManager transactions) {
        this.claims = claims;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public List<Refusal> receive(List<Adjustment> adjustments, long documentId) {
        List<Refusal> refused = new ArrayList<>();
        nested.executeWithoutResult(status -> {
            for (Adjustment a : adjustments) {
                Refusal refusal = take(a);
                if (refusal != null) {
                    refused.add(refusal);
                }
            }
            if (!refused.isEmpty()) {
                status.setRollbackOnly();
            }
        });
        return refused;
    }

    private Refusal take(Adjustment a) {
        if (!a.credit()) {
            return new Refusal(a.adjustmentNumber(), "DEBIT_NOT_TAKEN", "a debit adjustment says the customer owes more; "
                    + "it is no claim on invoice " + a.invoiceNumber() + " and is not taken here: call us");
        }
        if (a.lines().isEmpty()) {
            return new Refusal(a.adjustmentNumber(), "NO_LINES", "adjustment " + a.adjustmentNumber() + " names no line of "
                    + "invoice " + a.invoiceNumber() + "; a claim names the invoice lines it disputes (LIN / CDD)");
        }
        Claims.OnInvoice claim = new Claims.OnInvoice(a.partnerId(), a.invoiceNumber(), Claim.Source.ADJUSTMENT,
                a.adjustmentNumber(), a.currency(), a.reasonText() != null ? a.reasonText() : a.reason(), a.reason(),
                a.lines().stream().map(l -> new Claims.ClaimedLine(l.lineNumber(), l.quantity(),
                        l.quantity() == null ? l.amount() : null, l.unitPrice())).toList());
        try {
            Claims.Raised raised = claims.raiseOnInvoice(claim, a.partnerId());
            LOG.info("{} adjustment {} on invoice {}: claim {}{}", a.partnerId(), a.adjustmentNumber(), a.invoiceNumber(),
                    raised.claim().claimNumber(), raised.created() ? " raised" : " raised before");
            return null;
        } catch (Claims.Refused e) {
            return new Refusal(a.adjustmentNumber(), e.code(), e.getMessage());
        }
    }
}

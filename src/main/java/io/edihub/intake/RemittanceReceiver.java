package io.edihub.intake;

import io.edihub.canonical.Remittance;
import java.math.BigDecimal;
import java.util.List;

/**
 * Where the intake hands the remittances customers send with their payments (an X12 820, or its JSON or CSV form over
 * SFTP): the module that applies cash implements it as a bean. Without one, the intake refuses every remittance,
 * saying that remittances are not taken here, rather than acknowledging a payment nobody will apply.
 *
 * <p>Called in the intake's database transaction, inside a savepoint (for an 820, the set's functional group's): what
 * the receiver stores is undone when the document turns out rejected, like an order's.
 */
public interface RemittanceReceiver {

    /**
     * Takes the remittances of one transaction set (or document) whole, or refuses them whole.
     *
     * @param remittances the remittances read, their source naming the file and the set they came in
     * @param documentId  the stored input document they came in ({@code inbound_document})
     * @param channel     how they came: {@code X12_820}, {@code JSON} or {@code CSV}
     * @return the payments taken, or why they are refused (one entry per reason; then none is taken)
     */
    Received receive(List<Remittance> remittances, long documentId, String channel);

    /**
     * What became of a document's remittances: all taken, or none.
     *
     * @param refused  why they are refused, one entry per reason (the 997 or the response file says them); empty when
     *                 taken
     * @param payments the payments taken, in the document's order; empty when refused
     */
    record Received(List<Refusal> refused, List<Taken> payments) {

        public Received {
            refused = List.copyOf(refused);
            payments = List.copyOf(payments);
        }
    }

    /**
     * One reason a remittance is not taken, in the sender's terms.
     *
     * @param traceNumber the trace number of the payment refused
     * @param code        a stable machine-readable code ({@code DUPLICATE_TRACE_NUMBER}, {@code OTHER_CURRENCY})
     * @param location    where in the remittance: {@code traceNumber}, {@code total}, {@code lines/2} …
     * @param message     what is wrong, in plain words
     */
    record Refusal(String traceNumber, String code, String location, String message) {
    }

    /**
     * A payment taken and what it paid.
     *
     * @param paymentId the hub's id of the payment ({@code GET /api/v1/remittances/{id}})
     * @param applied   of the payment, applied to invoices
     * @param unapplied of the payment, left on the partner's account until an operator applies it
     * @param lines     one per remittance line, in its order
     */
    record Taken(long paymentId, String traceNumber, BigDecimal total, String currency, BigDecimal applied,
            BigDecimal unapplied, List<TakenLine> lines) {

        public Taken {
            lines = List.copyOf(lines);
        }
    }

    /**
     * What one remittance line came to.
     *
     * @param outcome     PAID, PARTIALLY_PAID, OVERPAID or UNKNOWN_INVOICE
     * @param claimNumber the deduction claim raised for what was paid short, if any
     */
    record TakenLine(String invoiceNumber, String outcome, BigDecimal applied, BigDecimal discount, BigDecimal deducted,
            BigDecimal unapplied, String claimNumber, String message) {
    }
}

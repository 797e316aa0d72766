package io.edihub.intake;

import io.edihub.canonical.Adjustment;
import java.util.List;

/**
 * Where the intake hands the credit/debit adjustments customers send about our invoices (an X12 812 today): the
 * module that settles claims implements it as a bean. Without one, the intake refuses every 812 set, saying that
 * credit adjustments are not taken here, rather than acknowledging a dispute nobody will look at.
 *
 * <p>Called in the intake's database transaction, inside a savepoint of the set's functional group: what the
 * receiver stores is undone when the group or interchange turns out rejected at its trailer, like an order's.
 */
public interface AdjustmentReceiver {

    /**
     * Takes the adjustments of one transaction set (or document) whole, or refuses them whole.
     *
     * @param adjustments the adjustments read, their source naming the file and the set they came in
     * @param documentId  the stored input document they came in ({@code inbound_document})
     * @return why they are refused, one entry per reason (the 997 rejects the set with them); empty when taken
     */
    List<Refusal> receive(List<Adjustment> adjustments, long documentId);

    /**
     * One reason an adjustment is not taken, in the sender's terms.
     *
     * @param adjustmentNumber the customer's number of the adjustment refused
     * @param code             a stable machine-readable code ({@code UNKNOWN_INVOICE}, {@code DUPLICATE_ADJUSTMENT})
     * @param message          what is wrong, in plain words
     */
    record Refusal(String adjustmentNumber, String code, String message) {
    }
}

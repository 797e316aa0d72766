package io.edihub.intake;

import io.edihub.canonical.Remittance;
import java.util.List;

/**
 * Where the intake hands the remittances customers send with their payments (an X12 820 today): the module that
 * applies cash implements it as a bean. Without one, the intake refuses every 820 set, saying that remittances are
 * not taken here, rather than acknowledging a payment nobody will apply.
 *
 * <p>Called in the intake's database transaction, inside a savepoint of the set's functional group: what the
 * receiver stores is undone when the group or interchange turns out rejected at its trailer, like an order's.
 */
public interface RemittanceReceiver {

    /**
     * Takes the remittances of one transaction set (or document) whole, or refuses them whole.
     *
     * @param remittances the remittances read, their source naming the file and the set they came in
     * @param documentId  the stored input document they came in ({@code inbound_document})
     * @return why they are refused, one entry per reason (the 997 rejects the set with them); empty when taken
     */
    List<Refusal> receive(List<Remittance> remittances, long documentId);

    /**
     * One reason a remittance is not taken, in the sender's terms.
     *
     * @param traceNumber the trace number of the payment refused
     * @param code        a stable machine-readable code ({@code DUPLICATE_TRACE_NUMBER}, {@code UNKNOWN_INVOICE})
     * @param message     what is wrong, in plain words
     */
    record Refusal(String traceNumber, String code, String message) {
    }
}

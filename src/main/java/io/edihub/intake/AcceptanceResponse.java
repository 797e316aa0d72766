package io.edihub.intake;

import io.edihub.canonical.InputError;
import java.math.BigDecimal;
import java.util.List;

/**
 * The hub's answer to a JSON or CSV acceptance document: the HTTP response body, and
 * {@code <name>.response.json} in the partner's outbound folder for files.
 *
 * @param documentId  the stored input, to quote when asking about it
 * @param status      ACCEPTED (every acceptance taken) or REJECTED (nothing taken: a document is taken whole)
 * @param errors      what is wrong with the document itself, where
 * @param acceptances what became of each acceptance (one per release) in it
 */
public record AcceptanceResponse(long documentId, String fileName, String format, String status, List<InputError> errors,
        List<AcceptanceResult> acceptances) {

    public AcceptanceResponse {
        errors = List.copyOf(errors);
        acceptances = List.copyOf(acceptances);
    }

    /**
     * One acceptance's fate.
     *
     * @param result        INVOICED, TAKEN (nothing accepted, so no invoice), TO_BE_INVOICED (the partner is invoiced
     *                      monthly: the accepted goods go on the month's consolidated invoice) or REFUSED
     * @param code          the release's status when taken, or why it was refused
     * @param invoiceNumber the invoice made from it, if any
     * @param invoiceTotal  its total, if any
     * @param claims        how many lines became claims
     */
    public record AcceptanceResult(String acceptanceId, String releaseId, String result, String code, String message,
            String invoiceNumber, BigDecimal invoiceTotal, int claims) {
    }
}

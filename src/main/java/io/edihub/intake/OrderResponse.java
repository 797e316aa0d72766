package io.edihub.intake;

import io.edihub.canonical.InputError;
import io.edihub.canonical.PoAcknowledgment;
import java.util.List;

/**
 * The hub's answer to a JSON or CSV order document: the HTTP response body, and {@code <name>.response.json}
 * in the partner's outbound folder for files.
 *
 * @param documentId the stored input, to quote when asking about it
 * @param fileName   the input's name
 * @param format     JSON, CSV, ...
 * @param status     ACCEPTED (every order taken, possibly held), PARTIALLY_ACCEPTED, REJECTED (nothing taken), or
 *                   ACCEPTED_AS_TEST (a partner in test mode: every order checked, none taken, each CHECKED)
 * @param errors     what is wrong with the document itself, where
 * @param orders     what became of each order in it
 */
public record OrderResponse(long documentId, String fileName, String format, String status, List<InputError> errors,
        List<OrderResult> orders) {

    public OrderResponse {
        errors = List.copyOf(errors);
        orders = List.copyOf(orders);
    }

    /**
     * One order's fate.
     *
     * @param poNumber       the order
     * @param purpose        what the document asked (ORIGINAL, CHANGE, REPLACE, CANCELLATION)
     * @param result         ACCEPTED, HELD, REJECTED or REFUSED
     * @param code           why it was refused, as a stable code
     * @param location       where in the document, for a refusal
     * @param message        what happened, in words
     * @param acknowledgment the line-by-line answer (the 855 content), when there is one now
     */
    public record OrderResult(String poNumber, String purpose, String result, String code, String location, String message,
            PoAcknowledgment acknowledgment) {
    }
}

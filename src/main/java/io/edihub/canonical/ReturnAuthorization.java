package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Our authorization for the customer to send goods back (an RMA), because a claim was settled with a return:
 * written as an X12 180 or JSON for the customer and sent to logistics on Kafka. The goods' arrival back settles
 * the claim; nothing is billed for them.
 *
 * @param rmaNumber         our return authorization number, derived from the claim (documented in docs/claims.md)
 * @param partnerId         the customer
 * @param poNumber          the purchase order
 * @param orderDate         the purchase order's date
 * @param releaseId         the release the goods were shipped under
 * @param claimNumber       our claim it settles
 * @param customerReference the customer's number for the rejection (the 861's BRA01), if any
 * @param authorizedOn      the day we authorized the return
 * @param reason            why, in words
 * @param lines             what may come back
 */
public record ReturnAuthorization(String rmaNumber, String partnerId, String poNumber, LocalDate orderDate,
        String releaseId, String claimNumber, String customerReference, LocalDate authorizedOn, String reason,
        List<Line> lines) {

    public ReturnAuthorization {
        lines = List.copyOf(lines);
    }

    /**
     * @param lineNumber  the PO line number
     * @param buyerPart   the customer's part number
     * @param vendorPart  our part number
     * @param description the item in words
     * @param quantity    the quantity authorized for return
     * @param unit        unit of measure
     * @param condition   the customer's condition code, if it gave one
     */
    public record Line(String lineNumber, String buyerPart, String vendorPart, String description, BigDecimal quantity,
            String unit, String condition) {
    }
}

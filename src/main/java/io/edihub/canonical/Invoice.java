package io.edihub.canonical;

import io.edihub.partner.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice for what the customer accepted of one release, at the contract's price and terms.
 *
 * @param invoiceNumber  from our per-company sequence, never reused
 * @param partnerId      the customer
 * @param acceptanceId   the acceptance it bills (one invoice per acceptance)
 * @param poNumber       the purchase order
 * @param orderDate      the purchase order's date
 * @param releaseId      the release, as on the release request, the 856 and the 861
 * @param contractNumber the contract the prices come from
 * @param supplierNumber our supplier number at the customer
 * @param currency       ISO 4217
 * @param invoiceDate    the day it was made
 * @param shipDate       the day the goods were shipped, if known
 * @param terms          the contract's payment terms
 * @param acceptanceDate the day the customer accepted the goods (as it stated it, else the day it was recorded)
 * @param termsFrom      the day the terms run from: the invoice date, the acceptance date or the later of both, as
 *                       the terms' {@code dueFrom} says
 * @param dueDate        terms-from plus the net days
 * @param discountDate   the last day the early-payment discount may be taken (terms-from plus the discount days),
 *                       or null when the terms have no discount
 * @param discountAllowed the discount the terms allow on the total (half up to the cent), or null when they have none
 * @param lines          accepted quantity × contract price, per order line
 * @param total          the sum of the line amounts
 */
public record Invoice(String invoiceNumber, String partnerId, String acceptanceId, String poNumber, LocalDate orderDate,
        String releaseId, String contractNumber, String supplierNumber, String currency, LocalDate invoiceDate,
        LocalDate shipDate, Contract.PaymentTerms terms, LocalDate acceptanceDate, LocalDate termsFrom, LocalDate dueDate,
        LocalDate discountDate, BigDecimal discountAllowed, List<Line> lines, BigDecimal total) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /**
     * @param lineNumber  the PO line number
     * @param buyerPart   the customer's part number
     * @param vendorPart  our part number
     * @param description the item in words
     * @param quantity    the accepted quantity billed
     * @param unit        unit of measure
     * @param unitPrice   the contract price
     * @param amount      quantity × unit price, to the cent
     */
    public record Line(String lineNumber, String buyerPart, String vendorPart, String description, BigDecimal quantity,
            String unit, BigDecimal unitPrice, BigDecimal amount) {
    }
}

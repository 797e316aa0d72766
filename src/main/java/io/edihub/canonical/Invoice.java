package io.edihub.canonical;

import io.edihub.partner.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice for what the customer accepted of one release, at the contract's price and terms; or, for a partner
 * invoiced monthly, one consolidated invoice for everything accepted of one PO (or one contract) in a calendar month,
 * each line naming the release and PO line it bills.
 *
 * @param invoiceNumber  from our per-company sequence, never reused
 * @param partnerId      the customer
 * @param acceptanceId   the acceptance it bills (one invoice per acceptance); null on a consolidated invoice
 * @param poNumber       the purchase order; null on a consolidated invoice of a contract's several POs
 * @param orderDate      the purchase order's date; null when the PO number is
 * @param releaseId      the release, as on the release request, the 856 and the 861; null on a consolidated invoice
 *                       (each line names its release)
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
 * @param consolidated   what a consolidated invoice gathers; null on an invoice of one acceptance
 */
public record Invoice(String invoiceNumber, String partnerId, String acceptanceId, String poNumber, LocalDate orderDate,
        String releaseId, String contractNumber, String supplierNumber, String currency, LocalDate invoiceDate,
        LocalDate shipDate, Contract.PaymentTerms terms, LocalDate acceptanceDate, LocalDate termsFrom, LocalDate dueDate,
        LocalDate discountDate, BigDecimal discountAllowed, List<Line> lines, BigDecimal total,
        Consolidated consolidated) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /** An invoice of one acceptance. */
    public Invoice(String invoiceNumber, String partnerId, String acceptanceId, String poNumber, LocalDate orderDate,
            String releaseId, String contractNumber, String supplierNumber, String currency, LocalDate invoiceDate,
            LocalDate shipDate, Contract.PaymentTerms terms, LocalDate acceptanceDate, LocalDate termsFrom,
            LocalDate dueDate, LocalDate discountDate, BigDecimal discountAllowed, List<Line> lines, BigDecimal total) {
        this(invoiceNumber, partnerId, acceptanceId, poNumber, orderDate, releaseId, contractNumber, supplierNumber,
                currency, invoiceDate, shipDate, terms, acceptanceDate, termsFrom, dueDate, discountDate, discountAllowed,
                lines, total, null);
    }

    /**
     * What a consolidated invoice gathers.
     *
     * @param per         PO or CONTRACT
     * @param month       the calendar month of the acceptances it bills, as YYYY-MM
     * @param acceptances the acceptance ids it bills, each release's once
     * @param releases    the releases it bills
     */
    public record Consolidated(String per, String month, List<String> acceptances, List<String> releases) {

        public Consolidated {
            acceptances = List.copyOf(acceptances);
            releases = List.copyOf(releases);
        }
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
     * @param releaseId   on a consolidated invoice, the release the line bills; else null (the invoice's)
     * @param poNumber    on a consolidated invoice, the release's PO; else null (the invoice's)
     * @param poLine      on a consolidated invoice, the PO line number (the line number is the invoice's own); else
     *                    null (the line number is the PO line's)
     */
    public record Line(String lineNumber, String buyerPart, String vendorPart, String description, BigDecimal quantity,
            String unit, BigDecimal unitPrice, BigDecimal amount, String releaseId, String poNumber, String poLine) {

        /** A line of an invoice of one acceptance: its number is the PO line's. */
        public Line(String lineNumber, String buyerPart, String vendorPart, String description, BigDecimal quantity,
                String unit, BigDecimal unitPrice, BigDecimal amount) {
            this(lineNumber, buyerPart, vendorPart, description, quantity, unit, unitPrice, amount, null, null, null);
        }
    }
}

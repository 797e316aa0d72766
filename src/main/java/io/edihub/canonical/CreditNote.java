package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A credit memo: money we owe the customer back on one of our invoices, because a claim on invoiced goods was
 * settled with a credit. Always at the invoice's price and currency and never above what the invoice billed;
 * written as an X12 812 or an 810 with BIG07 = CR, and sent on {@code edihub.credit-notes.v1}.
 *
 * @param creditNoteNumber  from our per-company credit note sequence, never reused
 * @param partnerId         the customer
 * @param invoiceNumber     the invoice it credits
 * @param invoiceDate       that invoice's date
 * @param poNumber          the purchase order
 * @param orderDate         the purchase order's date
 * @param releaseId         the release the invoice billed
 * @param claimNumber       our claim it settles
 * @param customerReference the customer's own number for the dispute (812 BCD02), if it sent one
 * @param contractNumber    the contract the prices came from
 * @param supplierNumber    our supplier number at the customer
 * @param currency          ISO 4217: the invoice's
 * @param creditDate        the day it was issued
 * @param reason            the adjustment reason code, if one
 * @param reasonText        why, in words
 * @param lines             what is credited, per invoice line
 * @param total             the sum of the line amounts, positive
 */
public record CreditNote(String creditNoteNumber, String partnerId, String invoiceNumber, LocalDate invoiceDate,
        String poNumber, LocalDate orderDate, String releaseId, String claimNumber, String customerReference,
        String contractNumber, String supplierNumber, String currency, LocalDate creditDate, String reason,
        String reasonText, List<Line> lines, BigDecimal total) {

    public CreditNote {
        lines = List.copyOf(lines);
    }

    /**
     * @param lineNumber  the PO line number, as on the invoice
     * @param buyerPart   the customer's part number
     * @param vendorPart  our part number
     * @param description the item in words
     * @param quantity    the quantity credited, null for an amount-only credit
     * @param unit        unit of measure
     * @param unitPrice   the invoice's price
     * @param amount      what is credited on the line, positive, to the cent
     */
    public record Line(String lineNumber, String buyerPart, String vendorPart, String description, BigDecimal quantity,
            String unit, BigDecimal unitPrice, BigDecimal amount) {
    }
}

package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The customer's dispute of goods we already invoiced: a credit (or debit) adjustment naming one of our invoices,
 * as an X12 812 or its JSON / CSV equivalent. It becomes a claim after invoicing; only a person settles it (credit
 * or deny), never the hub on its own.
 *
 * @param partnerId        the customer
 * @param adjustmentNumber the customer's number for it (BCD02, the JSON {@code adjustmentNumber}); with the
 *                         partner it makes the adjustment idempotent
 * @param adjustmentDate   the day the customer made it (BCD01)
 * @param invoiceNumber    our invoice it disputes (BCD07, or BCD14 when BCD13 is IV / the JSON {@code invoiceNumber})
 * @param invoiceDate      that invoice's date, if given (BCD06)
 * @param poNumber         the purchase order, if given (BCD10)
 * @param credit           true for a credit the customer asks of us (BCD05 = C), false for a debit
 * @param amount           the total asked, positive (BCD04, in the invoice's currency unless {@code currency} says
 *                         otherwise)
 * @param currency         ISO 4217, when the customer named one (CUR02)
 * @param reason           the adjustment reason code of the whole adjustment (the CDD01 every line gives), if one
 * @param reasonText       the reason in words (the 812 has no NTE: a heading N9 with N901 L1, its N903), if given
 * @param lines            the invoice lines disputed; empty when only an amount is
 * @param source           the document it came in
 */
public record Adjustment(String partnerId, String adjustmentNumber, LocalDate adjustmentDate, String invoiceNumber,
        LocalDate invoiceDate, String poNumber, boolean credit, BigDecimal amount, String currency, String reason,
        String reasonText, List<Line> lines, PurchaseOrder.SourceDocument source) {

    public Adjustment {
        Objects.requireNonNull(adjustmentNumber, "adjustmentNumber");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        lines = List.copyOf(lines);
    }

    /**
     * One disputed invoice line.
     *
     * @param lineNumber the PO line number as on our invoice (IT101; LIN01 / the JSON {@code lineNumber})
     * @param reason     the adjustment reason code (CDD01)
     * @param buyerPart  the customer's part number, if given
     * @param vendorPart our part number, if given
     * @param quantity   the quantity disputed (CDD07 / QTY), null when only an amount is
     * @param unit       its unit of measure
     * @param unitPrice  the price the customer names (CDD11), if any: a credit is always at our invoice's price
     * @param amount     the amount asked for this line (CDD04), null when it follows from quantity × invoice price
     */
    public record Line(String lineNumber, String reason, String buyerPart, String vendorPart, BigDecimal quantity,
            String unit, BigDecimal unitPrice, BigDecimal amount) {
    }
}

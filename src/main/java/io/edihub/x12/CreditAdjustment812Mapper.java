package io.edihub.x12;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the segments of one 812 credit/debit adjustment, as they stream by, to a canonical {@link Adjustment}: the
 * customer disputing one of our invoices. BCD gives the adjustment's number, date, net amount, direction (BCD05
 * C credit, D debit) and the invoice it adjusts; CUR its currency; a heading N9 with N901 L1 the reason in words
 * (N903; the 812 has no NTE); every CDD loop one disputed invoice line (CDD01 reason, CDD02 direction, CDD04
 * amount, CDD07 / CDD08 quantity and unit, CDD11 unit price) named by its LIN. StAEDI has already checked
 * structure, lengths, data types and syntax rules against the 812 schema; this class adds what the hub needs to
 * put the dispute in front of a person, and reports it with AK3/AK4 codes.
 *
 * <p>The invoice is BCD07. X12 also lets a reference stand in for it (BCD13 / BCD14): the hub takes BCD13 IV
 * (seller's invoice number) there, and refuses any other reference, and a PO number (BCD10) alone, because
 * neither says which of our invoices is meant. The invoice line is LIN01 (the PO line number, as IT101 of our
 * 810), else a LIN product id qualified PL (purchaser's order line number), else CDD03.
 *
 * <p>Every line goes the way BCD05 says, and when every line states an amount they add up to BCD04: the hub
 * records one direction and one total per adjustment and does not guess which figure the customer meant.
 * Amounts and quantities are never negative: the flags carry the direction.
 */
final class CreditAdjustment812Mapper {

    /** N2: an amount in cents, an optional sign and digits only. */
    private static final Pattern CENTS = Pattern.compile("-?[0-9]+");
    /** N901: letters or notes, the one reference that carries free text the hub keeps. */
    private static final String NOTES = "L1";
    /** BCD13: seller's invoice number, the one reference form that names our invoice besides BCD07. */
    private static final String SELLERS_INVOICE = "IV";
    /** LIN product id qualifier: purchaser's order line number. */
    private static final String ORDER_LINE = "PL";
    /** BCD11 codes that are this adjustment itself: original, duplicate, re-submission. */
    private static final Map<String, String> PURPOSES_TAKEN = Map.of("00", "original", "07", "duplicate",
            "15", "re-submission");
    private static final Map<String, String> PURPOSES_REFUSED = Map.of("05", "replace", "06", "confirmation");

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private int bcdPosition;
    private String adjustmentNumber;
    private LocalDate adjustmentDate;
    private BigDecimal amount;
    /** BCD05: true credit, false debit, null when it is not one of the two (StAEDI has said so). */
    private Boolean credit;
    private LocalDate invoiceDate;
    private String invoiceNumber;
    private String poNumber;
    private String currency;
    private final StringBuilder reasonText = new StringBuilder();
    private final List<Adjustment.Line> lines = new ArrayList<>();
    private final Map<String, Integer> linePositions = new HashMap<>();
    private int cddLoops;
    /** Every CDD loop stated an amount, so their sum must be BCD04. */
    private boolean everyLineHasAmount = true;
    private BigDecimal lineTotal = BigDecimal.ZERO;
    private Item item;

    CreditAdjustment812Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        switch (tag) {
            case "BCD" -> bcd(s);
            case "CUR" -> currency = currency == null ? s.get(2) : currency;
            case "N9" -> n9(s);
            case "CDD" -> cdd(s);
            case "LIN" -> lin(s);
            default -> {
                // validated against the schema, not part of the adjustment
            }
        }
    }

    private void bcd(MappedSegment s) {
        bcdPosition = s.position;
        adjustmentDate = s.date(1, "373");
        adjustmentNumber = s.get(2);
        amount = positiveCents(s, 4, "BCD04 is the net amount asked, greater than zero: BCD05 says whether it is a"
                + " credit or a debit");
        String flag = s.get(5);
        credit = "C".equals(flag) ? Boolean.TRUE : "D".equals(flag) ? Boolean.FALSE : null;
        invoiceDate = s.date(6, "373");
        poNumber = s.get(10);
        invoiceNumber = invoice(s);
        String purpose = s.get(11);
        if (purpose != null && !PURPOSES_TAKEN.containsKey(purpose)) {
            String name = PURPOSES_REFUSED.get(purpose);
            s.fail(11, "353", "7", purpose, "PURPOSE_NOT_SUPPORTED", "BCD11 '" + purpose + "'"
                    + (name == null ? "" : " (" + name + ")") + ": the hub takes an adjustment as sent (00 original, "
                    + "or 07 / 15 the same adjustment again); one that replaces or confirms another is settled by a "
                    + "person, send it as an adjustment of its own with its own number");
        }
    }

    /** The invoice of ours the adjustment names: BCD07, or a BCD13 IV reference; anything else is refused. */
    private static String invoice(MappedSegment s) {
        String invoice = s.get(7);
        String qualifier = s.get(13);
        String reference = s.get(14);
        if (qualifier != null && !SELLERS_INVOICE.equals(qualifier)) {
            if (invoice == null) {
                s.fail(13, "128", "7", qualifier, "INVOICE_REFERENCE_NOT_SUPPORTED", "BCD13 '" + qualifier
                        + "' is not a reference the hub can match to one of its invoices: name our invoice number in "
                        + "BCD07 (or BCD13 IV with the number in BCD14)");
            }
            return invoice;
        }
        if (qualifier != null) {
            if (invoice != null && !invoice.equals(reference)) {
                s.fail(14, "127", "7", reference, "INVOICE_NUMBER_CONFLICT", "BCD14 names invoice '" + reference
                        + "' and BCD07 invoice '" + invoice + "': an adjustment adjusts one invoice");
                return null;
            }
            return reference;
        }
        if (invoice == null) {
            s.fail(7, "76", "1", null, "INVOICE_NUMBER_MISSING", "BCD07 (invoice number) is missing"
                    + (s.has(10) ? ", and a purchase order number (BCD10 '" + s.get(10) + "') does not say which of its "
                            + "invoices is meant" : "")
                    + ": name the invoice of ours the adjustment is about in BCD07 (or BCD13 IV with the number in BCD14)");
        }
        return invoice;
    }

    private void n9(MappedSegment s) {
        // the reason of the whole adjustment is a heading note; notes inside a CDD loop are not kept
        if (cddLoops == 0 && NOTES.equals(s.get(1)) && s.has(3)) {
            if (reasonText.length() > 0) {
                reasonText.append(' ');
            }
            reasonText.append(s.get(3).strip());
        }
    }

    private void cdd(MappedSegment s) {
        flushItem(s.tx);
        cddLoops++;
        Item i = new Item(s.position);
        i.reason = s.get(1);
        String flag = s.get(2);
        if (credit != null && ("C".equals(flag) || "D".equals(flag)) && credit.booleanValue() != "C".equals(flag)) {
            s.fail(2, "478", "7", flag, "DIRECTION_MISMATCH", "CDD02 '" + flag + "' (" + ("C".equals(flag) ? "credit"
                    : "debit") + ") in a " + (credit ? "credit" : "debit") + " adjustment (BCD05 '" + (credit ? "C" : "D")
                    + "'): every line of an adjustment goes the way BCD05 says; send credits and debits as adjustments "
                    + "of their own");
        }
        i.assignedId = s.get(3);
        i.amount = s.has(4) ? notNegativeCents(s, 4) : null;
        i.quantity = notNegative(s, 7, "477", "quantity");
        i.unit = s.get(8);
        i.unitPrice = notNegative(s, 11, "212", "unit price");
        boolean stated = i.quantity != null || i.amount != null;
        boolean noQuantity = i.quantity == null || i.quantity.signum() == 0;
        boolean noAmount = i.amount == null || i.amount.signum() == 0;
        if (stated && noQuantity && noAmount) {
            int at = i.quantity != null ? 7 : 4;
            s.fail(at, at == 7 ? "477" : "610", "7", s.get(at), "NOTHING_ADJUSTED",
                    "the CDD loop at segment " + s.position + " adjusts nothing: a line states a quantity or an amount "
                            + "greater than zero");
        }
        item = i;
    }

    private void lin(MappedSegment s) {
        if (item == null) {
            return;
        }
        item.lineNumber = s.get(1);
        for (int q = 2; q + 1 <= s.count; q += 2) {
            String qualifier = s.get(q);
            String id = s.get(q + 1);
            if (qualifier == null || id == null) {
                continue;
            }
            if (ORDER_LINE.equals(qualifier) && item.orderLine == null) {
                item.orderLine = id;
            } else if (item.buyerPart == null && PurchaseOrder850Mapper.BUYER_PART.contains(qualifier)) {
                item.buyerPart = id;
            } else if (item.vendorPart == null && PurchaseOrder850Mapper.VENDOR_PART.contains(qualifier)) {
                item.vendorPart = id;
            }
        }
    }

    /** Files the CDD loop read so far, once the loop is over. */
    private void flushItem(TransactionResult tx) {
        Item i = item;
        item = null;
        if (i == null) {
            return;
        }
        if (i.amount == null) {
            everyLineHasAmount = false;
        } else {
            lineTotal = lineTotal.add(i.amount);
        }
        String lineNumber = i.lineNumber != null ? i.lineNumber : i.orderLine != null ? i.orderLine : i.assignedId;
        if (lineNumber == null) {
            tx.rejectElement("CDD", i.position, 3, "350", "1", null, "LINE_NUMBER_MISSING", "the CDD loop at segment "
                    + i.position + " names no invoice line: LIN01 (the PO line number, as on our invoice) is required, "
                    + "or CDD03 when the loop has no LIN");
            return;
        }
        Integer first = linePositions.putIfAbsent(lineNumber, i.position);
        if (first != null) {
            tx.rejectElement("CDD", i.position, 3, "350", "7", lineNumber, "DUPLICATE_LINE", "invoice line " + lineNumber
                    + " is adjusted twice in this set (CDD loops at segments " + first + " and " + i.position + "): one "
                    + "CDD loop per line, or the hub could not tell which adjustment counts");
            return;
        }
        lines.add(new Adjustment.Line(lineNumber, i.reason, i.buyerPart, i.vendorPart, i.quantity, i.unit, i.unitPrice,
                i.amount));
    }

    /**
     * Finishes the set after SE: the adjustment, or an empty list when the set is rejected (the reasons are on the
     * set).
     */
    List<Adjustment> build(TransactionResult tx) {
        flushItem(tx);
        if (bcdPosition == 0 && tx.status() != TransactionResult.Status.REJECTED) {
            // StAEDI reports a missing BCD; this only keeps a set without one from ever being taken
            SegmentError missing = tx.segment("BCD", 2, null);
            missing.syntaxCode = "3";
            tx.reject(null, new X12Error("BCD", 2, null, "BCD_MISSING", "the set has no BCD: an adjustment names its "
                    + "number, date, amount and invoice there"));
        }
        if (amount != null && everyLineHasAmount && !lines.isEmpty() && lineTotal.compareTo(amount) != 0
                && tx.status() != TransactionResult.Status.REJECTED) {
            tx.rejectElement("BCD", bcdPosition, 4, "610", "7", OutboundInterchange.cents(amount), "AMOUNT_MISMATCH",
                    "BCD04 asks " + amount.toPlainString() + " but the CDD amounts add up to " + lineTotal.toPlainString()
                            + ": the net amount is the sum of the lines, the hub does not guess which figure is meant");
        }
        if (tx.status() == TransactionResult.Status.REJECTED || adjustmentNumber == null || invoiceNumber == null
                || amount == null || credit == null) {
            return List.of();
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-812", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        return List.of(new Adjustment(partnerId, adjustmentNumber, adjustmentDate, invoiceNumber, invoiceDate, poNumber,
                credit, amount, currency, commonReason(), reasonText.isEmpty() ? null : reasonText.toString(), lines,
                source));
    }

    /** The reason of the whole adjustment: the one every line gives, if they agree. */
    private String commonReason() {
        List<String> reasons = lines.stream().map(Adjustment.Line::reason).distinct().toList();
        return reasons.size() == 1 ? reasons.get(0) : null;
    }

    /** An N2 amount in currency units; null (and an error) when it is not one. */
    private static BigDecimal cents(MappedSegment s, int element) {
        if (!s.has(element)) {
            return null;
        }
        String value = s.get(element);
        if (!CENTS.matcher(value).matches()) {
            s.fail(element, "610", "6", value, "INVALID_AMOUNT", String.format("%s%02d '%s' is not an amount: X12 writes "
                    + "it in cents, digits only (637.50 is 63750)", s.tag, element, value));
            return null;
        }
        return new BigDecimal(value).movePointLeft(2);
    }

    private static BigDecimal positiveCents(MappedSegment s, int element, String rule) {
        BigDecimal value = cents(s, element);
        if (value != null && value.signum() <= 0) {
            s.fail(element, "610", "6", s.get(element), "AMOUNT_NOT_POSITIVE", String.format("%s%02d '%s': %s", s.tag,
                    element, s.get(element), rule));
            return null;
        }
        return value;
    }

    private static BigDecimal notNegativeCents(MappedSegment s, int element) {
        BigDecimal value = cents(s, element);
        if (value != null && value.signum() < 0) {
            s.fail(element, "610", "6", s.get(element), "AMOUNT_NEGATIVE", String.format("%s%02d '%s': an amount is "
                    + "never negative, CDD02 says whether it is a credit or a debit", s.tag, element, s.get(element)));
            return null;
        }
        return value;
    }

    private static BigDecimal notNegative(MappedSegment s, int element, String reference, String what) {
        BigDecimal value = s.decimal(element, reference);
        if (value != null && value.signum() < 0) {
            s.fail(element, reference, "6", s.get(element), what.toUpperCase(java.util.Locale.ROOT).replace(' ', '_')
                    + "_NEGATIVE", String.format("%s%02d '%s': a %s is never negative, CDD02 says whether the line is a "
                            + "credit or a debit", s.tag, element, s.get(element), what));
            return null;
        }
        return value;
    }

    /** One CDD loop while it is read. */
    private static final class Item {

        final int position;
        String reason;
        String assignedId;
        BigDecimal amount;
        BigDecimal quantity;
        String unit;
        BigDecimal unitPrice;
        String lineNumber;
        String orderLine;
        String buyerPart;
        String vendorPart;

        Item(int position) {
            this.position = position;
        }
    }
}

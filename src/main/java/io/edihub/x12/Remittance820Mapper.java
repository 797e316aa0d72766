package io.edihub.x12;

import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the segments of one 820 payment order / remittance advice, as they stream by, to a canonical
 * {@link Remittance}: a customer's payment to us and the invoices it pays. BPR gives the payment (BPR01 handling,
 * BPR02 amount, BPR03 credit/debit, BPR04 method, BPR16 effective date); TRN02 its trace number; CUR its currency;
 * every RMR one invoice paid (RMR01 IV with our invoice number in RMR02, RMR04 paid, RMR05 the invoice's amount,
 * RMR06 the discount taken) and every ADX under it why less or more was paid (ADX01 signed amount, ADX02 reason,
 * the first NTE of its loop the reason in words). StAEDI has already checked structure, lengths, data types and
 * syntax rules against the 820 schema; this class adds what the cash application needs, and reports it with
 * AK3/AK4 codes.
 *
 * <p>Amounts are type R (element 782): decimal numbers with their point ({@code 1250.75}), not cents as the 812's
 * N2. The RMR04 amounts add up to BPR02: the hub applies every cent of the payment to a named invoice and does not
 * guess where a difference belongs. An ADX on the entity rather than on an invoice is refused for the same reason.
 * Only a credit to us (BPR03 C) is a payment to apply, and only a payment with a trace number (TRN02) can be told
 * from a second copy of itself.
 */
final class Remittance820Mapper {

    /** RMR01: seller's invoice number, the one reference that names our invoice. */
    private static final String SELLERS_INVOICE = "IV";
    /** BPR01 codes that carry remittance detail to apply: payment with advice, advice only, split, either. */
    private static final Set<String> HANDLING_TAKEN = Set.of("C", "I", "U", "X");
    private static final Map<String, String> HANDLING_REFUSED = Map.of("D", "make payment only", "P",
            "prenotification of future transfers", "Z", "mutually defined");

    private final String partnerId;
    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String transactionControlNumber;

    private int bprPosition;
    /** The last segment read of BPR, its NTEs and TRN: a missing TRN is reported after it. */
    private int lastHeadingPosition;
    private boolean inDetail;
    private BigDecimal total;
    private String method;
    private LocalDate paymentDate;
    private boolean debit;
    private String traceNumber;
    private String currency;
    private final List<Remittance.Line> lines = new ArrayList<>();
    private final Map<String, Integer> invoicePositions = new HashMap<>();
    private BigDecimal paidTotal = BigDecimal.ZERO;
    private boolean everyLineRead = true;
    private Item item;
    /** The ADX whose loop is being read, so that its NTE reaches it; null outside an ADX loop under an RMR. */
    private Adx adx;

    Remittance820Mapper(String partnerId, String interchangeControlNumber, String groupControlNumber,
            String transactionControlNumber) {
        this.partnerId = partnerId;
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.transactionControlNumber = transactionControlNumber;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        switch (tag) {
            case "BPR" -> bpr(s);
            case "TRN" -> {
                traceNumber = traceNumber == null ? s.get(2) : traceNumber;
                lastHeadingPosition = position;
            }
            case "CUR" -> currency = currency == null ? s.get(2) : currency;
            case "ENT" -> {
                inDetail = true;
                flushItem(tx);
                adx = null;
            }
            case "RMR" -> rmr(s);
            case "ADX" -> adx(s);
            case "NTE" -> {
                if (adx != null && adx.text == null && s.has(2)) {
                    adx.text = s.get(2).strip();
                }
                if (!inDetail) {
                    lastHeadingPosition = position;
                }
            }
            default -> {
                // validated against the schema, not part of the remittance
            }
        }
    }

    private void bpr(MappedSegment s) {
        bprPosition = s.position;
        lastHeadingPosition = s.position;
        String handling = s.get(1);
        if (handling != null && !HANDLING_TAKEN.contains(handling)) {
            String name = HANDLING_REFUSED.get(handling);
            s.fail(1, "305", "7", handling, "HANDLING_NOT_SUPPORTED", "BPR01 '" + handling + "'"
                    + (name == null ? "" : " (" + name + ")") + ": the hub applies payments with their remittance "
                    + "detail (C payment with advice, I advice only, U split, X either); this one names no invoices "
                    + "to apply");
        }
        total = amount(s, 2);
        if (total != null && total.signum() <= 0) {
            s.fail(2, "782", "6", s.get(2), "AMOUNT_NOT_POSITIVE", "BPR02 '" + s.get(2) + "': the payment's amount is "
                    + "greater than zero, BPR03 says which way it goes");
            total = null;
        }
        if ("D".equals(s.get(3))) {
            debit = true;
            s.fail(3, "478", "7", "D", "DEBIT_NOT_TAKEN", "BPR03 'D' (debit): the hub takes payments made to us "
                    + "(C, credit); a debit from our account is not a remittance to apply");
        }
        method = s.get(4);
        paymentDate = s.date(16, "373");
    }

    private void rmr(MappedSegment s) {
        flushItem(s.tx);
        adx = null;
        Item i = new Item(s.position);
        String qualifier = s.get(1);
        if (!SELLERS_INVOICE.equals(qualifier)) {
            s.fail(1, "128", qualifier == null ? "1" : "7", qualifier, "INVOICE_REFERENCE_NOT_SUPPORTED",
                    (qualifier == null ? "RMR01 is missing" : "RMR01 '" + qualifier + "' is not a reference the hub can "
                            + "apply a payment to") + ": name our invoice with RMR01 IV and its number in RMR02");
            i.refused = true;
        }
        i.invoiceNumber = s.get(2);
        if (!s.has(4)) {
            s.fail(4, "782", "1", null, "PAID_AMOUNT_MISSING", "the RMR at segment " + s.position + " says nothing "
                    + "paid: RMR04 is the amount paid on the invoice, and the RMR04 amounts add up to BPR02");
            i.refused = true;
        } else {
            i.paid = amount(s, 4);
            if (i.paid != null && i.paid.signum() < 0) {
                s.fail(4, "782", "6", s.get(4), "PAID_AMOUNT_NEGATIVE", "RMR04 '" + s.get(4) + "': the amount paid on "
                        + "an invoice is never negative; what the customer deducts goes in an ADX under the RMR");
                i.paid = null;
            }
            if (i.paid == null) {
                i.refused = true;
            }
        }
        i.invoiceAmount = amount(s, 5);
        i.discount = amount(s, 6);
        item = i;
    }

    private void adx(MappedSegment s) {
        if (item == null) {
            adx = null;
            s.fail(1, "782", "7", s.get(1), "ADJUSTMENT_NOT_ON_INVOICE", "the ADX at segment " + s.position + " "
                    + "adjusts the payment without naming an invoice: put it under the RMR of the invoice it is about, "
                    + "the hub applies every amount to an invoice");
            return;
        }
        Adx a = new Adx();
        a.amount = amount(s, 1);
        a.reasonCode = s.get(2);
        item.adjustments.add(a);
        adx = a;
    }

    /** Files the RMR loop read so far, once the loop is over. */
    private void flushItem(TransactionResult tx) {
        Item i = item;
        item = null;
        if (i == null) {
            return;
        }
        if (i.refused || i.paid == null) {
            everyLineRead = false;
            return;
        }
        paidTotal = paidTotal.add(i.paid);
        Integer first = invoicePositions.putIfAbsent(i.invoiceNumber, i.position);
        if (first != null) {
            tx.rejectElement("RMR", i.position, 2, "127", "7", i.invoiceNumber, "DUPLICATE_INVOICE", "invoice "
                    + i.invoiceNumber + " is paid twice in this payment (RMR at segments " + first + " and " + i.position
                    + "): one RMR per invoice, or the hub could not tell which amount counts");
            return;
        }
        lines.add(new Remittance.Line(i.invoiceNumber, i.paid, i.invoiceAmount, i.discount, i.adjustments.stream()
                .filter(a -> a.amount != null)
                .map(a -> new Remittance.LineAdjustment(a.amount, a.reasonCode, a.text)).toList()));
    }

    /**
     * Finishes the set after SE: the remittance, or an empty list when the set is rejected (the reasons are on the
     * set).
     */
    List<Remittance> build(TransactionResult tx) {
        flushItem(tx);
        boolean rejected = tx.status() == TransactionResult.Status.REJECTED;
        if (bprPosition == 0 && !rejected) {
            // StAEDI reports a missing BPR; this only keeps a set without one from ever being taken
            missingSegment(tx, "BPR", 2, "BPR_MISSING", "the set has no BPR: a remittance states its payment there");
        }
        if (bprPosition > 0 && traceNumber == null) {
            missingSegment(tx, "TRN", lastHeadingPosition + 1, "TRACE_NUMBER_MISSING", "the set has no TRN: the hub "
                    + "takes a payment once per trace number (TRN02), so a remittance without one could be applied twice");
        }
        if (bprPosition > 0 && invoicePositions.isEmpty() && everyLineRead) {
            missingSegment(tx, "RMR", lastHeadingPosition + 1, "NO_INVOICES", "the set names no invoice paid: a "
                    + "remittance names each of our invoices in an RMR (RMR01 IV) with the amount paid on it (RMR04)");
        }
        if (total != null && everyLineRead && !invoicePositions.isEmpty() && paidTotal.compareTo(total) != 0) {
            tx.rejectElement("BPR", bprPosition, 2, "782", "7", total.toPlainString(), "AMOUNT_MISMATCH",
                    "BPR02 pays " + total.toPlainString() + " but the RMR04 amounts add up to " + paidTotal.toPlainString()
                            + ": the payment is the sum of what is paid on each invoice, the hub does not guess where "
                            + "the difference belongs");
        }
        if (tx.status() == TransactionResult.Status.REJECTED || total == null || traceNumber == null || debit
                || lines.isEmpty()) {
            return List.of();
        }
        PurchaseOrder.SourceDocument source = new PurchaseOrder.SourceDocument("X12-820", null, null,
                interchangeControlNumber, groupControlNumber, transactionControlNumber);
        return List.of(new Remittance(partnerId, traceNumber, total, currency, method, paymentDate, lines, source));
    }

    private static void missingSegment(TransactionResult tx, String segmentId, int position, String code, String message) {
        SegmentError missing = tx.segment(segmentId, position, null);
        missing.syntaxCode = "3";
        tx.reject(null, new X12Error(segmentId, position, null, code, message));
    }

    /**
     * A type R amount (element 782): a decimal number, an optional sign and point, in cents at most (the cash
     * application applies no fractions of a cent); null (and an error) otherwise.
     */
    private static BigDecimal amount(MappedSegment s, int element) {
        BigDecimal value = s.decimal(element, "782");
        if (value != null && value.stripTrailingZeros().scale() > 2) {
            s.fail(element, "782", "6", s.get(element), "AMOUNT_TOO_PRECISE", String.format("%s%02d '%s' has more than "
                    + "2 decimal places: an amount of money is in cents at most", s.tag, element, s.get(element)));
            return null;
        }
        return value;
    }

    /** One RMR loop while it is read. */
    private static final class Item {

        final int position;
        final List<Adx> adjustments = new ArrayList<>();
        String invoiceNumber;
        BigDecimal paid;
        BigDecimal invoiceAmount;
        BigDecimal discount;
        boolean refused;

        Item(int position) {
            this.position = position;
        }
    }

    /** One ADX loop under an RMR while it is read. */
    private static final class Adx {

        BigDecimal amount;
        String reasonCode;
        String text;
    }
}

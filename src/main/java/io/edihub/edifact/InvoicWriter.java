package io.edihub.edifact;

import static io.edihub.edifact.OutboundMessage.amount;
import static io.edihub.edifact.OutboundMessage.e;
import static io.edihub.edifact.OutboundMessage.number;
import static io.edihub.edifact.OutboundMessage.text;

import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.partner.Contract;
import io.xlate.edi.stream.EDIStreamException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes an invoice or a credit note as an EDIFACT INVOIC D96A, the same facts as the 810: BGM with document name 380
 * (commercial invoice) or 381 (credit note), DTM 137 (document date) and 11 (despatched), FTX AAB (the payment terms in
 * words), RFF ON (the order, with its
 * date), AAN (the release), CT (the contract) and for a credit note IV (the invoice it credits, with its date); NAD SU
 * with our supplier number at the customer; CUX (the invoicing currency); PAT with the contract's payment terms (DTM 13
 * the net due date, and for a discount PAT 22 with DTM 12, PCD 12 and MOA 52); per line LIN, PIA (our and the buyer's
 * part), IMD (the description), QTY 47, MOA 203 (the line amount) and PRI (the contract price); UNS, CNT 2 (the number
 * of lines) and the totals MOA 79 (lines) and 77 (the invoice or credit amount).
 *
 * <p>Unlike the 810, INVOIC carries a line amount of its own, so a credit of an amount alone (no quantity) is a line
 * with MOA 203 and neither QTY nor PRI. Every amount of a credit note is positive: document name 381 says the money goes
 * back.
 *
 * <p>The terms run from the invoice date (PAT 2475 code 5) unless the invoice says they run from another day (the
 * customer's acceptance): D96A has no code for acceptance, so then PAT states no reference day and the due dates (DTM 13,
 * DTM 12) carry the terms themselves, as ITD04 and ITD06 do in the 810.
 *
 * <p>Thread-safe.
 */
public final class InvoicWriter {

    /** BGM 1001: commercial invoice. */
    public static final String COMMERCIAL_INVOICE = "380";
    /** BGM 1001: credit note. */
    public static final String CREDIT_NOTE = "381";
    /** BGM 1225: original. */
    static final String ORIGINAL = "9";
    /** 2475: the terms run from the date of invoice. */
    static final String DATE_OF_INVOICE = "5";

    private final OutboundMessage message = new OutboundMessage("INVOIC");

    /**
     * The INVOIC (380) of one invoice.
     *
     * @throws IllegalArgumentException when it cannot be written as EDIFACT
     */
    public String write(Invoice invoice, EdifactEnvelope envelope, ZonedDateTime now) {
        if (invoice.total() == null) {
            throw new IllegalArgumentException("the invoice " + invoice.invoiceNumber() + " has no total (MOA 77)");
        }
        return message.write("the invoice " + invoice.invoiceNumber(), envelope, now, m -> {
            m.write("BGM", e(COMMERCIAL_INVOICE), e(invoice.invoiceNumber()), e(ORIGINAL));
            m.date("137", invoice.invoiceDate());
            m.date("11", invoice.shipDate());
            String terms = invoice.terms() == null ? null : text(invoice.terms().description(), 70);
            if (terms != null) {
                // AAB: terms of payment, in words (PAT's C110 would want a code of the terms)
                m.write("FTX", e("AAB"), e(), e(), e(terms));
            }
            references(m, invoice.poNumber(), invoice.orderDate(), invoice.releaseId(), invoice.contractNumber());
            parties(m, invoice.supplierNumber(), invoice.currency());
            terms(m, invoice);
            for (Invoice.Line line : invoice.lines()) {
                line(m, line.lineNumber(), line.vendorPart(), line.buyerPart(), line.description(), line.quantity(),
                        line.unit(), line.unitPrice(), line.amount());
            }
            summary(m, invoice.lines().size(), invoice.lines().stream().map(Invoice.Line::amount).toList(),
                    invoice.total());
        });
    }

    /**
     * The INVOIC (381) of one credit note.
     *
     * @throws IllegalArgumentException when it cannot be written as EDIFACT: no positive total, lines that do not add
     *                                  up to it
     */
    public String writeCreditNote(CreditNote note, EdifactEnvelope envelope, ZonedDateTime now) {
        String document = "the credit note " + note.creditNoteNumber();
        if (note.total() == null || note.total().signum() <= 0) {
            throw new IllegalArgumentException(document + " has no positive total (MOA 77)");
        }
        BigDecimal sum = note.lines().stream().map(CreditNote.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount(sum).compareTo(amount(note.total())) != 0) {
            throw new IllegalArgumentException(document + " totals " + amount(note.total()) + " but its lines add up to "
                    + amount(sum));
        }
        return message.write(document, envelope, now, m -> {
            m.write("BGM", e(CREDIT_NOTE), e(note.creditNoteNumber()), e(ORIGINAL));
            m.date("137", note.creditDate());
            String reason = text(note.reasonText(), 70);
            if (reason != null) {
                // AAI: general information; the reason in words, as the credit's claim settled it
                m.write("FTX", e("AAI"), e(), e(note.reason()), e(reason));
            }
            references(m, note.poNumber(), note.orderDate(), note.releaseId(), note.contractNumber());
            // the invoice it credits
            m.write("RFF", e("IV", note.invoiceNumber()));
            m.date("171", note.invoiceDate());
            parties(m, note.supplierNumber(), note.currency());
            for (CreditNote.Line line : note.lines()) {
                line(m, line.lineNumber(), line.vendorPart(), line.buyerPart(), line.description(), line.quantity(),
                        line.unit(), line.unitPrice(), line.amount());
            }
            summary(m, note.lines().size(), note.lines().stream().map(CreditNote.Line::amount).toList(), note.total());
        });
    }

    /** SG1: RFF ON with the order's date (DTM 171), AAN the release, CT the contract. */
    private static void references(OutboundMessage.Segments m, String poNumber, LocalDate orderDate, String releaseId,
            String contractNumber) throws EDIStreamException {
        m.write("RFF", e("ON", poNumber));
        m.date("171", orderDate);
        if (releaseId != null) {
            // the release is a delivery schedule of the order
            m.write("RFF", e("AAN", releaseId));
        }
        if (contractNumber != null) {
            m.write("RFF", e("CT", contractNumber));
        }
    }

    /** SG2 NAD SU (our number in the buyer's list, 3055 = 92), SG7 CUX (2: reference currency, 4: invoicing). */
    private static void parties(OutboundMessage.Segments m, String supplierNumber, String currency)
            throws EDIStreamException {
        if (supplierNumber != null) {
            m.write("NAD", e("SU"), e(supplierNumber, null, "92"));
        }
        if (currency != null) {
            m.write("CUX", e("2", currency, "4"));
        }
    }

    /** SG8: PAT 1 (basic terms) with DTM 13, and PAT 22 (discount) with DTM 12, PCD 12 and MOA 52. */
    private static void terms(OutboundMessage.Segments m, Invoice invoice) throws EDIStreamException {
        Contract.PaymentTerms terms = invoice.terms();
        if (terms == null) {
            return;
        }
        boolean fromInvoice = invoice.termsFrom() == null || invoice.termsFrom().equals(invoice.invoiceDate());
        m.write("PAT", e("1"), e(), fromInvoice ? e(DATE_OF_INVOICE, "3", "D", Integer.toString(terms.netDays())) : e());
        m.date("13", invoice.dueDate());
        if (terms.discountPercent() != null) {
            m.write("PAT", e("22"), e(), fromInvoice && terms.discountDays() != null
                    ? e(DATE_OF_INVOICE, "3", "D", terms.discountDays().toString()) : e());
            m.date("12", invoice.discountDate());
            m.write("PCD", e("12", number(terms.discountPercent())));
            if (invoice.discountAllowed() != null) {
                m.write("MOA", e("52", amount(invoice.discountAllowed())));
            }
        }
    }

    /** SG25: LIN, PIA, IMD, QTY 47, MOA 203 (SG26), PRI (SG28). */
    private static void line(OutboundMessage.Segments m, String lineNumber, String vendorPart, String buyerPart,
            String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal lineAmount)
            throws EDIStreamException {
        m.write("LIN", e(lineNumber));
        parts(m, vendorPart, buyerPart);
        String words = text(description, 70);
        if (words != null) {
            m.write("IMD", e("F"), e(), e(null, null, null, words.length() > 35 ? words.substring(0, 35) : words,
                    words.length() > 35 ? words.substring(35) : null));
        }
        if (quantity != null) {
            m.write("QTY", e("47", number(quantity), unit));
        }
        m.write("MOA", e("203", amount(lineAmount)));
        if (unitPrice != null) {
            // AAA: the net price; CT: the contract's
            m.write("PRI", e("AAA", number(unitPrice), "CT"));
        }
    }

    /** PIA 5 with our part (SA, supplier's article number) and the buyer's (BP). */
    static void parts(OutboundMessage.Segments m, String vendorPart, String buyerPart) throws EDIStreamException {
        if (vendorPart != null && buyerPart != null) {
            m.write("PIA", e("5"), e(vendorPart, "SA"), e(buyerPart, "BP"));
        } else if (vendorPart != null) {
            m.write("PIA", e("5"), e(vendorPart, "SA"));
        } else if (buyerPart != null) {
            m.write("PIA", e("5"), e(buyerPart, "BP"));
        }
    }

    /** UNS S, CNT 2 (lines), SG48 MOA 79 (the lines' total) and MOA 77 (the amount due or credited). */
    private static void summary(OutboundMessage.Segments m, int lines, List<BigDecimal> amounts, BigDecimal total)
            throws EDIStreamException {
        m.write("UNS", e("S"));
        m.write("CNT", e("2", Integer.toString(lines)));
        m.write("MOA", e("79", amount(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))));
        m.write("MOA", e("77", amount(total)));
    }
}

package io.edihub.x12;

import static io.edihub.x12.OutboundInterchange.date;
import static io.edihub.x12.OutboundInterchange.freeText;
import static io.edihub.x12.OutboundInterchange.number;

import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.partner.Contract;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.time.ZonedDateTime;

/**
 * Writes an invoice as an X12 810: one interchange from us to the customer with one IN group and one 810:
 * BIG (invoice date and number, order date and number, release), CUR SE, REF CT / VR, ITD (the contract's
 * payment terms with the invoice's dates), DTM 011 (shipped), per line IT1 (quantity, unit, contract price, buyer's and our part) and
 * PID (and on a consolidated invoice, whose BIG names no release, REF PO and REF RE: the line's PO and release), then
 * TDS (the total in cents) and CTT (the number of IT1). StAEDI checks everything written against
 * the envelope rules of the version and our 810 schema ({@code /x12/810.xml}); data it refuses is reported
 * as an {@link IllegalArgumentException} and nothing is written.
 *
 * <p>Quantities and prices are written exactly as they are; only the total is rounded, half up to the cent,
 * because TDS01 is an amount with two implied decimals.
 *
 * <p>ITD02 says which day the terms run from: 3 (invoice date) when that is the invoice's own date, else 11
 * (completion and acceptance date, from the X12 list of terms basis date codes, element 333): the terms then run
 * from the customer's acceptance, as under terms due from acceptance or from the later of invoice and acceptance
 * (FAR 32.904) when the goods were accepted after the invoice date. 15 (receipt of goods) would be wrong: a federal
 * buyer's clock starts at acceptance, not delivery. ITD04 and ITD06 carry the discount's last day and the net due
 * date themselves, so a partner's map need not count days.
 *
 * <p>A credit memo ({@link #writeCreditMemo}) is the same 810 with BIG07 CR (credit memo): BIG01 / BIG02 the credit
 * note's date and number, REF OI the original invoice it credits, per line IT1 the quantity credited at the invoice's
 * price, TDS the credit's total. Every amount is positive: BIG07 says the money goes back. An IT1 carries no line
 * amount, so a credit of an amount alone (no quantity) cannot be an 810; it goes as an 812
 * ({@link CreditNote812Writer}).
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class Invoice810Writer {

    /** GS08 of an 810 unless the partner asks for another version. */
    public static final String DEFAULT_VERSION = OutboundInterchange.DEFAULT_VERSION;
    /** ITD01: basic terms, net days with an optional early-payment discount. */
    static final String BASIC_TERMS = "01";
    /** ITD02: the terms run from the invoice date. */
    static final String FROM_INVOICE_DATE = "3";
    /** ITD02: the terms run from the day the customer accepted the goods (X12 333 code 11, completion and acceptance). */
    static final String FROM_ACCEPTANCE_DATE = "11";
    /** IT105: the unit price is the contract's, never the one the order stated. */
    static final String CONTRACT_PRICE = "CT";
    /** DTM01: shipped. */
    static final String SHIPPED = "011";
    /** BIG07: the 810 is a credit memo. */
    static final String CREDIT_MEMO = "CR";
    /** REF01: original invoice number, the invoice a credit memo credits. */
    static final String ORIGINAL_INVOICE = "OI";

    private final OutboundInterchange interchange;

    public Invoice810Writer(OurIdentity us) {
        interchange = new OutboundInterchange(us, "IN", "810");
    }

    /** The 810 in version 004010. */
    public String write(Invoice invoice, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return write(invoice, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 810 interchange for one invoice.
     *
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the invoice cannot be written as a valid 810
     */
    public String write(Invoice invoice, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        if (invoice.total() == null) {
            throw new IllegalArgumentException("the invoice " + invoice.invoiceNumber() + " has no total (TDS01)");
        }
        return interchange.write("the invoice " + invoice.invoiceNumber(), partner, numbers, now, version,
                set -> writeBody(set, invoice));
    }

    /** A credit memo as an 810 in version 004010. */
    public String writeCreditMemo(CreditNote note, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return writeCreditMemo(note, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 810 interchange for one credit memo (BIG07 CR).
     *
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the credit note cannot be written as a valid 810: no positive total, a
     *                                  line without quantity and price, lines that do not add up to the total
     */
    public String writeCreditMemo(CreditNote note, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        String document = "the credit note " + note.creditNoteNumber();
        CreditNotes.check(note, document);
        for (CreditNote.Line line : note.lines()) {
            if (line.quantity() == null || line.unitPrice() == null) {
                throw new IllegalArgumentException(document + " credits an amount without quantity on line "
                        + line.lineNumber() + ": an 810 line (IT1) is a quantity at a price, with no amount of its own; "
                        + "send an amount-only credit as an 812");
            }
            BigDecimal extended = line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            if (extended.compareTo(line.amount().setScale(2, RoundingMode.HALF_UP)) != 0) {
                throw new IllegalArgumentException(document + " line " + line.lineNumber() + " credits "
                        + line.amount().toPlainString() + " but its quantity at its price is " + extended.toPlainString()
                        + ": an 810 line says only quantity and price, send a different amount as an 812");
            }
        }
        return interchange.write(document, partner, numbers, now, version, set -> writeCreditMemoBody(set, note));
    }

    /** BIG (CR) to CTT. */
    private static void writeCreditMemoBody(OutboundInterchange.Segments set, CreditNote note) throws EDIStreamException {
        set.write("BIG", date(note.creditDate()), note.creditNoteNumber(), date(note.orderDate()), note.poNumber(),
                note.releaseId(), null, CREDIT_MEMO);
        if (note.currency() != null) {
            set.write("CUR", "SE", note.currency());
        }
        if (note.contractNumber() != null) {
            set.write("REF", "CT", note.contractNumber());
        }
        if (note.supplierNumber() != null) {
            set.write("REF", "VR", note.supplierNumber());
        }
        set.write("REF", ORIGINAL_INVOICE, note.invoiceNumber());
        List<CreditNote.Line> lines = note.lines();
        for (CreditNote.Line line : lines) {
            writeLine(set, new Invoice.Line(line.lineNumber(), line.buyerPart(), line.vendorPart(), line.description(),
                    line.quantity(), line.unit(), line.unitPrice(), line.amount()));
        }
        set.write("TDS", cents(note.total()));
        set.write("CTT", Integer.toString(lines.size()));
    }

    /** BIG to CTT. */
    private static void writeBody(OutboundInterchange.Segments set, Invoice invoice) throws EDIStreamException {
        set.write("BIG", date(invoice.invoiceDate()), invoice.invoiceNumber(), date(invoice.orderDate()),
                invoice.poNumber(), invoice.releaseId());
        if (invoice.currency() != null) {
            // SE: the prices are in the seller's currency, which is the contract's
            set.write("CUR", "SE", invoice.currency());
        }
        if (invoice.contractNumber() != null) {
            set.write("REF", "CT", invoice.contractNumber());
        }
        if (invoice.supplierNumber() != null) {
            set.write("REF", "VR", invoice.supplierNumber());
        }
        if (invoice.terms() != null) {
            writeTerms(set, invoice);
        }
        if (invoice.shipDate() != null) {
            set.write("DTM", SHIPPED, date(invoice.shipDate()));
        }
        for (Invoice.Line line : invoice.lines()) {
            writeLine(set, line);
        }
        set.write("TDS", cents(invoice.total()));
        set.write("CTT", Integer.toString(invoice.lines().size()));
    }

    /**
     * ITD01 basic terms; ITD02 the day they run from; ITD03 the discount percent, ITD04 its last day, ITD05 its days;
     * ITD06 the net due date, ITD07 the net days; ITD08 the discount the terms allow, in cents; ITD12 the terms in
     * words. The dates are left out of an invoice that does not carry them.
     */
    private static void writeTerms(OutboundInterchange.Segments set, Invoice invoice) throws EDIStreamException {
        Contract.PaymentTerms terms = invoice.terms();
        boolean discount = terms.discountPercent() != null;
        set.write("ITD", BASIC_TERMS, termsBasis(invoice), discount ? number(terms.discountPercent()) : null,
                discount ? date(invoice.discountDate()) : null,
                discount && terms.discountDays() != null ? terms.discountDays().toString() : null,
                date(invoice.dueDate()), Integer.toString(terms.netDays()),
                discount && invoice.discountAllowed() != null ? cents(invoice.discountAllowed()) : null, null, null,
                null, terms.description() == null ? null : freeText(terms.description(), 80));
    }

    /** ITD02: 3 when the terms run from the invoice date, else 11 (they run from the acceptance). */
    static String termsBasis(Invoice invoice) {
        return invoice.termsFrom() == null || invoice.termsFrom().equals(invoice.invoiceDate()) ? FROM_INVOICE_DATE
                : FROM_ACCEPTANCE_DATE;
    }

    private static void writeLine(OutboundInterchange.Segments set, Invoice.Line line) throws EDIStreamException {
        String[] it1 = new String[9];
        it1[0] = line.lineNumber();
        it1[1] = number(line.quantity());
        it1[2] = line.unit();
        it1[3] = number(line.unitPrice());
        it1[4] = line.unitPrice() == null ? null : CONTRACT_PRICE;
        int id = 5;
        if (line.buyerPart() != null) {
            it1[id++] = "BP";
            it1[id++] = line.buyerPart();
        }
        if (line.vendorPart() != null) {
            it1[id++] = "VP";
            it1[id] = line.vendorPart();
        }
        set.write("IT1", it1);
        if (line.description() != null && !line.description().isBlank()) {
            set.write("PID", "F", null, null, null, freeText(line.description(), 80));
        }
        // a consolidated invoice's line says which PO and release it bills (BIG names neither)
        if (line.poNumber() != null) {
            set.write("REF", "PO", line.poNumber());
        }
        if (line.releaseId() != null) {
            set.write("REF", "RE", line.releaseId());
        }
    }

    /** TDS01 is type N2: the amount in cents, without a decimal point. */
    static String cents(BigDecimal amount) {
        return OutboundInterchange.cents(amount);
    }
}

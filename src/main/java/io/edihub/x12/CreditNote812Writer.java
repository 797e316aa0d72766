package io.edihub.x12;

import static io.edihub.x12.OutboundInterchange.cents;
import static io.edihub.x12.OutboundInterchange.date;
import static io.edihub.x12.OutboundInterchange.freeText;
import static io.edihub.x12.OutboundInterchange.number;

import io.edihub.canonical.CreditNote;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a credit memo as an X12 812 credit/debit adjustment: one interchange from us to the customer with one CD
 * group and one 812: BCD (credit date and number, handling code E, the total in cents, flag C, the invoice's date and
 * number in BCD06 / BCD07, the order's date and number in BCD09 / BCD10, purpose 00), CUR SE, N9 CR (the customer's
 * own number for the dispute, when it sent one) and N9 L1 (the reason in words), the N1 loop the 812 requires (BY the
 * customer, SU us by our supplier number), and per credited line a CDD loop: CDD (reason, flag C, amount in cents,
 * quantity, unit, the invoice's price as INV) and LIN (the PO line number, the buyer's and our part). StAEDI checks
 * everything written against the envelope rules of the version and our 812 schema ({@code /x12/812.xml}, the one the
 * hub reads customers' 812s with); data it refuses is reported as an {@link IllegalArgumentException} and nothing is
 * written.
 *
 * <p>X12 puts the invoice number in BCD07 and the purchase order number in BCD10; the hub's own 812 reader looks for
 * the invoice there, so a credit memo we send reads back as the adjustment it is. A credit note without a reason code
 * is for goods the customer did not accept (the claims the hub raises from acceptances): CDD01 25, item not accepted.
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class CreditNote812Writer {

    /** GS08 of an 812 unless the partner asks for another version. */
    public static final String DEFAULT_VERSION = OutboundInterchange.DEFAULT_VERSION;
    /** BCD03: debit/credit advice with remittance detail, the lines below. */
    static final String ADVICE_WITH_DETAIL = "E";
    /** BCD05 / CDD02: a credit to the customer. */
    static final String CREDIT = "C";
    /** BCD11: original. */
    static final String ORIGINAL = "00";
    /** CDD01 when the credit note names no reason: item not accepted. */
    static final String ITEM_NOT_ACCEPTED = "25";
    /** CDD10: the price is the invoice's billing price. */
    static final String INVOICE_PRICE = "INV";
    /** N901: customer reference number; letters or notes. */
    static final String CUSTOMER_REFERENCE = "CR";
    static final String NOTES = "L1";
    /** N103: the id was assigned by the buyer (our supplier number at the customer). */
    static final String ASSIGNED_BY_BUYER = "92";

    private final OutboundInterchange interchange;

    public CreditNote812Writer(OurIdentity us) {
        interchange = new OutboundInterchange(us, "CD", "812");
    }

    /** The 812 in version 004010. */
    public String write(CreditNote note, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return write(note, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 812 interchange for one credit memo.
     *
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the credit note cannot be written as a valid 812: no positive total,
     *                                  lines that do not add up to it, values X12 cannot carry
     */
    public String write(CreditNote note, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        String document = "the credit note " + note.creditNoteNumber();
        CreditNotes.check(note, document);
        String customer = partner.name() != null && !partner.name().isBlank() ? partner.name() : partner.id();
        return interchange.write(document, partner, numbers, now, version, set -> writeBody(set, note, customer));
    }

    /** BCD to the last CDD loop (the 812 has no summary). */
    private static void writeBody(OutboundInterchange.Segments set, CreditNote note, String customer)
            throws EDIStreamException {
        set.write("BCD", date(note.creditDate()), note.creditNoteNumber(), ADVICE_WITH_DETAIL, cents(note.total()), CREDIT,
                date(note.invoiceDate()), note.invoiceNumber(), null, date(note.orderDate()), note.poNumber(), ORIGINAL);
        if (note.currency() != null) {
            // SE: the amounts are in the seller's currency, the invoice's
            set.write("CUR", "SE", note.currency());
        }
        if (note.customerReference() != null && !note.customerReference().isBlank()) {
            set.write("N9", CUSTOMER_REFERENCE, note.customerReference());
        }
        if (note.reasonText() != null && !note.reasonText().isBlank()) {
            // N903 is 1/45: a longer reason continues in further notes
            for (String part : chunks(note.reasonText(), 45)) {
                set.write("N9", NOTES, null, part);
            }
        }
        set.write("N1", "BY", freeText(customer, 60));
        if (note.supplierNumber() != null) {
            set.write("N1", "SU", null, ASSIGNED_BY_BUYER, note.supplierNumber());
        }
        String reason = note.reason() != null ? note.reason() : ITEM_NOT_ACCEPTED;
        for (CreditNote.Line line : note.lines()) {
            writeLine(set, line, reason);
        }
    }

    private static void writeLine(OutboundInterchange.Segments set, CreditNote.Line line, String reason)
            throws EDIStreamException {
        boolean quantity = line.quantity() != null;
        set.write("CDD", reason, CREDIT, null, cents(line.amount()), null, null, number(line.quantity()),
                quantity ? line.unit() : null, null, line.unitPrice() != null ? INVOICE_PRICE : null,
                number(line.unitPrice()));
        String[] lin = new String[5];
        lin[0] = line.lineNumber();
        int id = 1;
        if (line.buyerPart() != null) {
            lin[id++] = "BP";
            lin[id++] = line.buyerPart();
        }
        if (line.vendorPart() != null) {
            lin[id++] = "VP";
            lin[id] = line.vendorPart();
        }
        if (lin[1] == null) {
            // LIN02 / LIN03 are mandatory: without a part the line names itself, as the purchaser's order line
            lin[1] = "PL";
            lin[2] = line.lineNumber();
        }
        set.write("LIN", lin);
    }

    /** Free text cut into pieces of at most {@code size} characters, at spaces where it can be. */
    static List<String> chunks(String text, int size) {
        String rest = freeText(text, Integer.MAX_VALUE);
        List<String> parts = new ArrayList<>();
        while (!rest.isEmpty()) {
            if (rest.length() <= size) {
                parts.add(rest);
                break;
            }
            int cut = rest.lastIndexOf(' ', size);
            if (cut <= 0) {
                cut = size;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }
}

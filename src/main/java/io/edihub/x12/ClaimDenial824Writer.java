package io.edihub.x12;

import static io.edihub.x12.OutboundInterchange.date;
import static io.edihub.x12.OutboundInterchange.freeText;
import static io.edihub.x12.OutboundInterchange.number;

import io.edihub.canonical.ClaimDenial;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamException;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes our denial of a customer's claim as an X12 824 application advice: one interchange from us to the customer
 * with one AG group and one 824: BGN (purpose 00, our claim number, the day it was decided), then one OTI loop for the
 * customer's document: OTI (TR, transaction set reject; the customer's reference for it, CR, or failing that our
 * invoice, IV, or the order, PO; in OTI10 the X12 set the customer sent, 812 or 861, when it was one), REF IV / PO /
 * RE (our invoice, the order, the release), a TED loop with the reason (TED ZZZ with the reason's first 60
 * characters cut at a word, NTE GEN with all of it) and one TED per line denied (line, quantity, amount). StAEDI checks everything
 * written against the envelope rules of the version and our 824 schema ({@code /x12/824.xml}); data it refuses is
 * reported as an {@link IllegalArgumentException} and nothing is written.
 *
 * <p>TED01 is ZZZ (mutually defined): X12's application error codes describe data errors (invalid date, duplicate,
 * not matching); a claim denied is a person's decision, said in words.
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class ClaimDenial824Writer {

    /** GS08 of an 824 unless the partner asks for another version. */
    public static final String DEFAULT_VERSION = OutboundInterchange.DEFAULT_VERSION;
    /** BGN01: original. */
    static final String ORIGINAL = "00";
    /** OTI01: transaction set reject. */
    static final String REJECTED = "TR";
    /** OTI02 / REF01: customer reference number, seller's invoice number, purchase order number, release number. */
    static final String CUSTOMER_REFERENCE = "CR";
    static final String INVOICE = "IV";
    static final String ORDER = "PO";
    static final String RELEASE = "RE";
    /** TED01: mutually defined. */
    static final String DECISION = "ZZZ";
    /** NTE01: the note is about the entire transaction set. */
    static final String WHOLE_SET = "GEN";
    /** NTE may repeat 100 times in a TED loop. */
    private static final int MAX_NOTES = 100;
    /** A customer document that is an X12 set names it in OTI10 (812, 861). */
    private static final Pattern X12_SET = Pattern.compile("[0-9]{3}");

    private final OutboundInterchange interchange;

    public ClaimDenial824Writer(OurIdentity us) {
        interchange = new OutboundInterchange(us, "AG", "824");
    }

    /** The 824 in version 004010. */
    public String write(ClaimDenial denial, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return write(denial, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 824 interchange for one claim denial.
     *
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the denial cannot be written as a valid 824: no decision date, no
     *                                  reason, nothing that names the customer's document, values X12 cannot carry
     */
    public String write(ClaimDenial denial, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        String document = "the denial of claim " + denial.claimNumber();
        if (denial.decidedOn() == null) {
            throw new IllegalArgumentException(document + " needs the day it was decided (BGN03)");
        }
        if (denial.reason() == null || denial.reason().isBlank()) {
            throw new IllegalArgumentException(document + " gives no reason: the customer is told why (TED, NTE)");
        }
        if (blank(denial.customerReference()) && blank(denial.invoiceNumber()) && blank(denial.poNumber())) {
            throw new IllegalArgumentException(document + " names neither the customer's document nor our invoice or "
                    + "order: OTI02 / OTI03 say which business document is rejected");
        }
        return interchange.write(document, partner, numbers, now, version, set -> writeBody(set, denial));
    }

    /** BGN to the last TED loop. */
    private static void writeBody(OutboundInterchange.Segments set, ClaimDenial denial) throws EDIStreamException {
        set.write("BGN", ORIGINAL, denial.claimNumber(), date(denial.decidedOn()));
        String qualifier;
        String reference;
        if (!blank(denial.customerReference())) {
            qualifier = CUSTOMER_REFERENCE;
            reference = denial.customerReference();
        } else if (!blank(denial.invoiceNumber())) {
            qualifier = INVOICE;
            reference = denial.invoiceNumber();
        } else {
            qualifier = ORDER;
            reference = denial.poNumber();
        }
        String customerSet = denial.customerDocument() != null && X12_SET.matcher(denial.customerDocument()).matches()
                ? denial.customerDocument() : null;
        set.write("OTI", REJECTED, qualifier, reference, null, null, null, null, null, null, customerSet);
        if (!blank(denial.invoiceNumber()) && !INVOICE.equals(qualifier)) {
            set.write("REF", INVOICE, denial.invoiceNumber());
        }
        if (!blank(denial.poNumber()) && !ORDER.equals(qualifier)) {
            set.write("REF", ORDER, denial.poNumber());
        }
        if (!blank(denial.releaseId())) {
            set.write("REF", RELEASE, denial.releaseId());
        }
        List<String> notes = CreditNote812Writer.chunks(denial.reason(), 80);
        // TED02 is 1/60: the reason's first words, all of it in the notes
        set.write("TED", DECISION, CreditNote812Writer.chunks(denial.reason(), 60).get(0));
        for (String note : notes.subList(0, Math.min(notes.size(), MAX_NOTES))) {
            set.write("NTE", WHOLE_SET, note);
        }
        for (ClaimDenial.Line line : denial.lines()) {
            set.write("TED", DECISION, freeText(describe(line), 60));
        }
    }

    /** A denied line in words: {@code LINE 1 DENIED 15 EA 637.50}. */
    private static String describe(ClaimDenial.Line line) {
        StringBuilder sb = new StringBuilder("LINE ").append(line.lineNumber()).append(" DENIED");
        if (line.quantity() != null) {
            sb.append(' ').append(number(line.quantity()));
            if (line.unit() != null) {
                sb.append(' ').append(line.unit());
            }
        }
        if (line.amount() != null) {
            sb.append(' ').append(line.amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        return sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

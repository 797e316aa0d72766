package io.edihub.x12;

import static io.edihub.x12.OutboundInterchange.date;
import static io.edihub.x12.OutboundInterchange.freeText;
import static io.edihub.x12.OutboundInterchange.number;

import io.edihub.canonical.ReturnAuthorization;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a return authorization (RMA) as an X12 180 return merchandise authorization and notification: one
 * interchange from us to the customer with one AN group and one 180: BGN (purpose 00, the RMA number in BGN02, the
 * day it was authorized, and in BGN06 the customer's own number for the rejection it answers), PRF (the order, the
 * release the goods were shipped under, the order date), NTE GEN (the reason in words), N1 BY (the customer), and
 * per line that may come back a BLI loop: BLI (the buyer's part, the quantity and unit authorized, our part and the
 * PO line number as a purchaser's order line, PL) and PID (the item in words). StAEDI checks everything written
 * against the envelope rules of the version and our 180 schema ({@code /x12/180.xml}); data it refuses is reported
 * as an {@link IllegalArgumentException} and nothing is written.
 *
 * <p>The 180 has no LIN and no summary: an item is a BLI, which carries its own quantity, and nothing counts them.
 * The customer's condition code of a line is not written: X12's disposition codes (RDR) are not the customer's
 * receiving conditions, and the hub does not translate one into the other.
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class ReturnAuthorization180Writer {

    /** GS08 of a 180 unless the partner asks for another version. */
    public static final String DEFAULT_VERSION = OutboundInterchange.DEFAULT_VERSION;
    /** BGN01: original. */
    static final String ORIGINAL = "00";
    /** NTE01: the note is about the entire transaction set. */
    static final String WHOLE_SET = "GEN";
    /** BLI product id qualifiers: the buyer's part, ours, the purchaser's order line. */
    static final String BUYER_PART = "BP";
    static final String VENDOR_PART = "VP";
    static final String ORDER_LINE = "PL";

    private final OutboundInterchange interchange;

    public ReturnAuthorization180Writer(OurIdentity us) {
        interchange = new OutboundInterchange(us, "AN", "180");
    }

    /** The 180 in version 004010. */
    public String write(ReturnAuthorization rma, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return write(rma, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 180 interchange for one return authorization.
     *
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the return authorization cannot be written as a valid 180: no line, a
     *                                  quantity that is not positive, values X12 cannot carry
     */
    public String write(ReturnAuthorization rma, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        String document = "the return authorization " + rma.rmaNumber();
        if (rma.authorizedOn() == null) {
            throw new IllegalArgumentException(document + " needs the day it was authorized (BGN03)");
        }
        if (rma.lines().isEmpty()) {
            throw new IllegalArgumentException(document + " authorizes nothing: a 180 lists what may come back");
        }
        for (ReturnAuthorization.Line line : rma.lines()) {
            if (line.quantity() == null || line.quantity().signum() <= 0) {
                throw new IllegalArgumentException(document + " line " + line.lineNumber() + " authorizes no positive "
                        + "quantity: a return is authorized by quantity");
            }
        }
        String customer = partner.name() != null && !partner.name().isBlank() ? partner.name() : partner.id();
        return interchange.write(document, partner, numbers, now, version, set -> writeBody(set, rma, customer));
    }

    /** BGN to the last BLI loop. */
    private static void writeBody(OutboundInterchange.Segments set, ReturnAuthorization rma, String customer)
            throws EDIStreamException {
        set.write("BGN", ORIGINAL, rma.rmaNumber(), date(rma.authorizedOn()), null, null, rma.customerReference());
        if (rma.poNumber() != null) {
            set.write("PRF", rma.poNumber(), rma.releaseId(), null, date(rma.orderDate()));
        }
        if (rma.reason() != null && !rma.reason().isBlank()) {
            // NTE02 is 1/80; the 180 allows five notes
            List<String> parts = CreditNote812Writer.chunks(rma.reason(), 80);
            for (String part : parts.subList(0, Math.min(parts.size(), 5))) {
                set.write("NTE", WHOLE_SET, part);
            }
        }
        set.write("N1", "BY", freeText(customer, 60));
        for (ReturnAuthorization.Line line : rma.lines()) {
            writeLine(set, line);
        }
    }

    private static void writeLine(OutboundInterchange.Segments set, ReturnAuthorization.Line line)
            throws EDIStreamException {
        List<String[]> ids = new ArrayList<>();
        if (line.buyerPart() != null) {
            ids.add(new String[] {BUYER_PART, line.buyerPart()});
        }
        if (line.vendorPart() != null) {
            ids.add(new String[] {VENDOR_PART, line.vendorPart()});
        }
        if (line.lineNumber() != null) {
            ids.add(new String[] {ORDER_LINE, line.lineNumber()});
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a return line names no part and no order line: BLI01 / BLI02 say "
                    + "what may come back");
        }
        // BLI01 / BLI02 the first id, BLI03 / BLI04 quantity and unit, BLI05 - 07 (price) left out, then the others
        String[] bli = new String[13];
        bli[0] = ids.get(0)[0];
        bli[1] = ids.get(0)[1];
        bli[2] = number(line.quantity());
        bli[3] = line.unit();
        for (int i = 1; i < ids.size(); i++) {
            bli[5 + 2 * i] = ids.get(i)[0];
            bli[6 + 2 * i] = ids.get(i)[1];
        }
        set.write("BLI", bli);
        if (line.description() != null && !line.description().isBlank()) {
            set.write("PID", "F", null, null, null, freeText(line.description(), 80));
        }
    }
}

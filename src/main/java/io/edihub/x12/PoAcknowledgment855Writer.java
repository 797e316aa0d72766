package io.edihub.x12;

import static io.edihub.x12.OutboundInterchange.date;
import static io.edihub.x12.OutboundInterchange.freeText;
import static io.edihub.x12.OutboundInterchange.number;

import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamException;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Writes our answer to a purchase order as an X12 855: one interchange from us to the customer with one
 * PR group and one 855 (BAK, CUR, REF CT / VR, then per line PO1, PID and one ACK per confirmed schedule
 * entry, CTT). StAEDI checks everything written against the envelope rules of the version and against
 * our 855 schema ({@code /x12/855.xml}); data it refuses (a value too long, a delimiter inside a value)
 * is reported as an {@link IllegalArgumentException} and nothing is written.
 *
 * <p>The PoAcknowledgment line note has no place in an 855: ACK carries codes and dates, not text, and
 * the 004010 PO1 loop has no message segment. It is not written.
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class PoAcknowledgment855Writer {

    /** GS08 of an 855 unless the partner asks for another version. */
    public static final String DEFAULT_VERSION = OutboundInterchange.DEFAULT_VERSION;
    /** ACK04: the dates we confirm are delivery dates, as the order's SCH (002 delivery requested) were. */
    static final String CURRENT_SCHEDULE_DELIVERY = "067";

    private final OutboundInterchange interchange;

    public PoAcknowledgment855Writer(OurIdentity us) {
        interchange = new OutboundInterchange(us, "PR", "855");
    }

    /**
     * The release an 855 answering an order of this group is written in: the group's, without an implementation
     * guide's suffix, within the releases the hub writes (004010 to 008050).
     */
    public static String releaseFor(String groupVersion) {
        return OutboundInterchange.writableRelease(groupVersion);
    }

    /** The 855 in version 004010. */
    public String write(PoAcknowledgment ack, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return write(ack, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 855 interchange answering one order.
     *
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the acknowledgment cannot be written as a valid 855
     */
    public String write(PoAcknowledgment ack, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        if (ack.purpose() == null || ack.orderDate() == null) {
            throw new IllegalArgumentException("the acknowledgment of PO " + ack.poNumber()
                    + " needs the order's purpose (BAK01) and date (BAK04)");
        }
        String bak01 = switch (ack.purpose()) {
            case ORIGINAL, CHANGE, CANCELLATION, REPLACE -> ack.purpose().x12Code();
            default -> throw new IllegalArgumentException("an 855 answers an original, change, cancellation or "
                    + "replacement, not a " + ack.purpose().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        };
        return interchange.write("the acknowledgment of PO " + ack.poNumber(), partner, numbers, now, version,
                set -> writeBody(set, ack, bak01));
    }

    /** BAK to CTT. */
    private static void writeBody(OutboundInterchange.Segments set, PoAcknowledgment ack, String bak01)
            throws EDIStreamException {
        set.write("BAK", bak01, ack.type().name(), ack.poNumber(), date(ack.orderDate()), ack.releaseNumber(),
                null, null, null, date(ack.date()));
        if (ack.currency() != null) {
            // the prices below are in the buyer's order currency
            set.write("CUR", "BY", ack.currency());
        }
        if (ack.contractNumber() != null) {
            set.write("REF", "CT", ack.contractNumber());
        }
        if (ack.supplierNumber() != null) {
            set.write("REF", "VR", ack.supplierNumber());
        }
        if (ack.type() == PoAcknowledgment.Type.RJ) {
            // rejected, no detail: the lines are not answered one by one
            return;
        }
        for (PoAcknowledgment.LineAck line : ack.lines()) {
            writeLine(set, line);
        }
        set.write("CTT", Integer.toString(ack.lines().size()));
    }

    private static void writeLine(OutboundInterchange.Segments set, PoAcknowledgment.LineAck line)
            throws EDIStreamException {
        String[] po1 = new String[9];
        po1[0] = line.lineNumber();
        po1[1] = number(line.quantity());
        po1[2] = line.quantity() == null ? null : line.unit();
        po1[3] = number(line.unitPrice());
        int id = 5;
        if (line.buyerPart() != null) {
            po1[id++] = "BP";
            po1[id++] = line.buyerPart();
        }
        if (line.vendorPart() != null) {
            po1[id++] = "VP";
            po1[id] = line.vendorPart();
        }
        set.write("PO1", po1);
        if (line.description() != null && !line.description().isBlank()) {
            set.write("PID", "F", null, null, null, freeText(line.description(), 80));
        }
        boolean rejected = line.status() == PoAcknowledgment.LineStatus.IR || line.status() == PoAcknowledgment.LineStatus.R1;
        List<ScheduleLine> schedule = line.schedule();
        if (rejected || schedule.isEmpty()) {
            // one ACK for the whole line: a rejected line has no date to confirm
            set.write("ACK", line.status().name(), number(line.quantity()), line.quantity() == null ? null : line.unit());
            return;
        }
        for (ScheduleLine s : schedule) {
            set.write("ACK", line.status().name(), number(s.quantity()), s.unit() != null ? s.unit() : line.unit(),
                    CURRENT_SCHEDULE_DELIVERY, date(s.deliveryDate()));
        }
    }
}

package io.edihub.x12;

import io.edihub.order.PoAcknowledgment;
import io.edihub.order.ScheduleLine;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

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
    public static final String DEFAULT_VERSION = "004010";
    /** ACK04: the dates we confirm are delivery dates, as the order's SCH (002 delivery requested) were. */
    static final String CURRENT_SCHEDULE_DELIVERY = "067";

    private static final Pattern VERSION = Pattern.compile("00[4-8]0[0-9]0");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final EDIOutputFactory factory;
    private final OurIdentity us;
    private final Schema transactionSchema;
    private final Map<String, Schema> controlSchemas = new ConcurrentHashMap<>();

    public PoAcknowledgment855Writer(OurIdentity us) {
        this.us = us;
        factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, AcknowledgmentWriter.SEGMENT);
        factory.setProperty(Delimiters.DATA_ELEMENT, AcknowledgmentWriter.ELEMENT);
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, AcknowledgmentWriter.COMPONENT);
        factory.setProperty(Delimiters.REPETITION, AcknowledgmentWriter.REPETITION);
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        transactionSchema = InterchangeReader.loadSchema("/x12/855.xml");
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
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("855 version '" + version + "' is not one the hub writes: 004010 to 008050");
        }
        if (ack.purpose() == null || ack.orderDate() == null) {
            throw new IllegalArgumentException("the acknowledgment of PO " + ack.poNumber()
                    + " needs the order's purpose (BAK01) and date (BAK04)");
        }
        String bak01 = switch (ack.purpose()) {
            case ORIGINAL, CHANGE, CANCELLATION, REPLACE -> ack.purpose().x12Code();
            default -> throw new IllegalArgumentException("an 855 answers an original, change, cancellation or "
                    + "replacement, not a " + ack.purpose().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        };
        long isa13 = numbers.next(partner.id(), ControlNumbers.Kind.INTERCHANGE);
        long gs06 = numbers.next(partner.id(), ControlNumbers.Kind.GROUP);
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        String isa12 = version.substring(0, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
            w.setControlSchema(controlSchema(isa12));
            w.startInterchange();
            segment(w, "ISA", "00", pad("", 10), "00", pad("", 10), us.isaQualifier(), pad(us.isaId(), 15),
                    partner.isaQualifier() == null ? "ZZ" : partner.isaQualifier(), pad(partner.isaId(), 15),
                    utc.format(YYMMDD), utc.format(HHMM), isa12.compareTo("00402") >= 0
                            ? String.valueOf(AcknowledgmentWriter.REPETITION) : "U",
                    isa12, nine(isa13), "0", us.usageIndicator(), String.valueOf(AcknowledgmentWriter.COMPONENT));
            segment(w, "GS", "PR", us.gsId(), partner.gsId() != null ? partner.gsId() : partner.isaId(),
                    utc.format(CCYYMMDD), utc.format(HHMM), Long.toString(gs06), "X", version);
            segment(w, "ST", "855", "0001");
            // from here to SE, StAEDI also checks the set against our 855 schema
            w.setTransactionSchema(transactionSchema);
            int segments = 1 + writeBody(w, ack, bak01);
            w.setTransactionSchema(null);
            segment(w, "SE", Integer.toString(segments + 1), "0001");
            segment(w, "GE", "1", Long.toString(gs06));
            segment(w, "IEA", "1", nine(isa13));
            w.endInterchange();
            w.close();
        } catch (EDIValidationException e) {
            throw new IllegalArgumentException("the acknowledgment of PO " + ack.poNumber() + " is not a valid 855: "
                    + describe(e), e);
        } catch (EDIStreamException e) {
            throw new IllegalArgumentException("cannot write the acknowledgment of PO " + ack.poNumber() + ": "
                    + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** BAK to CTT; returns the number of segments written. */
    private static int writeBody(EDIStreamWriter w, PoAcknowledgment ack, String bak01) throws EDIStreamException {
        int segments = 0;
        LocalDate answered = ack.date();
        segment(w, "BAK", bak01, ack.type().name(), ack.poNumber(), date(ack.orderDate()), ack.releaseNumber(),
                null, null, null, answered == null ? null : date(answered));
        segments++;
        if (ack.currency() != null) {
            // the prices below are in the buyer's order currency
            segment(w, "CUR", "BY", ack.currency());
            segments++;
        }
        if (ack.contractNumber() != null) {
            segment(w, "REF", "CT", ack.contractNumber());
            segments++;
        }
        if (ack.supplierNumber() != null) {
            segment(w, "REF", "VR", ack.supplierNumber());
            segments++;
        }
        if (ack.type() == PoAcknowledgment.Type.RJ) {
            // rejected, no detail: the lines are not answered one by one
            return segments;
        }
        for (PoAcknowledgment.LineAck line : ack.lines()) {
            segments += writeLine(w, line);
        }
        segment(w, "CTT", Integer.toString(ack.lines().size()));
        return segments + 1;
    }

    private static int writeLine(EDIStreamWriter w, PoAcknowledgment.LineAck line) throws EDIStreamException {
        int segments = 0;
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
        segment(w, "PO1", po1);
        segments++;
        if (line.description() != null && !line.description().isBlank()) {
            segment(w, "PID", "F", null, null, null, freeText(line.description(), 80));
            segments++;
        }
        boolean rejected = line.status() == PoAcknowledgment.LineStatus.IR || line.status() == PoAcknowledgment.LineStatus.R1;
        List<ScheduleLine> schedule = line.schedule();
        if (rejected || schedule.isEmpty()) {
            // one ACK for the whole line: a rejected line has no date to confirm
            segment(w, "ACK", line.status().name(), number(line.quantity()), line.quantity() == null ? null : line.unit());
            return segments + 1;
        }
        for (ScheduleLine s : schedule) {
            segment(w, "ACK", line.status().name(), number(s.quantity()), s.unit() != null ? s.unit() : line.unit(),
                    CURRENT_SCHEDULE_DELIVERY, date(s.deliveryDate()));
            segments++;
        }
        return segments;
    }

    /** Writes a segment's elements up to the last one present; absent ones in between are empty. */
    private static void segment(EDIStreamWriter w, String tag, String... values) throws EDIStreamException {
        int last = values.length - 1;
        while (last >= 0 && (values[last] == null || values[last].isEmpty())) {
            last--;
        }
        w.writeStartSegment(tag);
        for (int i = 0; i <= last; i++) {
            if (values[i] == null || values[i].isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement(values[i]);
            }
        }
        w.writeEndSegment();
    }

    private Schema controlSchema(String isa12) {
        return controlSchemas.computeIfAbsent(isa12, v -> {
            try {
                return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12, new String[] {v});
            } catch (EDISchemaException e) {
                throw new IllegalStateException("no X12 control schema for version " + v, e);
            }
        });
    }

    private static String describe(EDIValidationException e) {
        StringBuilder sb = new StringBuilder();
        for (EDIValidationException x = e; x != null; x = (EDIValidationException) x.getNextException()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(x.getError()).append(" at ").append(x.getLocation().getSegmentTag());
            if (x.getLocation().getElementPosition() > 0) {
                sb.append(String.format("%02d", x.getLocation().getElementPosition()));
            }
            if (x.getData() != null) {
                sb.append(" '").append(x.getData()).append('\'');
            }
        }
        return sb.toString();
    }

    /** X12 decimals (type R): no exponent, no trailing zeros after the point. */
    static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    private static String date(LocalDate date) {
        return date.format(CCYYMMDD);
    }

    /** Free text as the customer sent it, without our delimiters (which StAEDI would refuse), cut to size. */
    private static String freeText(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            boolean delimiter = c == AcknowledgmentWriter.SEGMENT || c == AcknowledgmentWriter.ELEMENT
                    || c == AcknowledgmentWriter.COMPONENT || c == AcknowledgmentWriter.REPETITION;
            sb.append(delimiter || c < 0x20 || c >= 0x7f ? ' ' : c);
        }
        return sb.toString().strip();
    }

    private static String pad(String value, int width) {
        String v = value == null ? "" : value;
        return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
    }

    private static String nine(long n) {
        return String.format("%09d", n);
    }

}

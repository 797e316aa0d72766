package io.edihub.x12;

import io.edihub.partner.PartnerProfile;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the answer to one received interchange: an interchange from us back to the sender holding a TA1
 * when one is due and a 997 for each functional group that was read, in the group's own version, except
 * for groups of 997s: X12 never acknowledges an acknowledgment, or two hubs would answer each other forever.
 * A partner whose profile asks for 999s gets a 999 Implementation Acknowledgment instead for every group of 005010
 * or later ({@link ImplementationAck999Writer}); StAEDI checks each 999 against our schema of it as it is written,
 * and a 999 it refuses is never sent: that answer is written with 997s instead.
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class AcknowledgmentWriter {

    static final char SEGMENT = '~';
    static final char ELEMENT = '*';
    static final char COMPONENT = '>';
    static final char REPETITION = '^';
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter YYMMDD_STRICT = DateTimeFormatter.ofPattern("uuMMdd")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter HHMM_STRICT = DateTimeFormatter.ofPattern("HHmm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final EDIOutputFactory factory;
    private final OurIdentity us;
    private final Map<String, Schema> controlSchemas = new ConcurrentHashMap<>();
    private final Schema implementationAck = InterchangeReader.loadSchema("/x12/999.xml");

    public AcknowledgmentWriter(OurIdentity us) {
        this.us = us;
        factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, SEGMENT);
        factory.setProperty(Delimiters.DATA_ELEMENT, ELEMENT);
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, COMPONENT);
        factory.setProperty(Delimiters.REPETITION, REPETITION);
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    }

    /** Whether the interchange gets a TA1: always for envelope errors, else per the partner's policy. */
    public static boolean ta1Due(InterchangeResult interchange) {
        if (interchange.rejected()) {
            return true;
        }
        return switch (interchange.partner().ta1()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case WHEN_REQUESTED -> "1".equals(interchange.envelope().acknowledgmentRequested());
        };
    }

    /** Whether a group gets a 997 / 999: every group but one of acknowledgments (GS01 = FA), even a broken one. */
    static boolean acknowledged(GroupResult group) {
        return !"FA".equals(group.functionalId());
    }

    /**
     * The acknowledgment interchange for a received one, or empty when nothing is due (an accepted
     * interchange with no groups to answer, none or only 997s, and no TA1 due).
     */
    public Optional<Acknowledgment> write(InterchangeResult interchange, ControlNumbers numbers, ZonedDateTime now) {
        boolean ta1 = ta1Due(interchange);
        List<GroupResult> answered = interchange.rejected() ? List.of()
                : interchange.groups().stream().filter(AcknowledgmentWriter::acknowledged).toList();
        boolean groups = !answered.isEmpty();
        if (!ta1 && !groups) {
            return Optional.empty();
        }
        PartnerProfile partner = interchange.partner();
        long isa13 = numbers.next(partner.id(), ControlNumbers.Kind.INTERCHANGE);
        List<Long> gs06 = answered.stream().map(g -> numbers.next(partner.id(), ControlNumbers.Kind.GROUP)).toList();
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        String text = null;
        EDIValidationException refused = null;
        boolean wants999 = partner.functionalAck() == PartnerProfile.FunctionalAck.X999
                && answered.stream().anyMatch(ImplementationAck999Writer::answerable);
        boolean with999 = false;
        for (boolean implementation : wants999 ? new boolean[] {true, false} : new boolean[] {false}) {
            for (Addressee addressee : Addressee.values()) {
                try {
                    text = write(interchange, ta1, answered, isa13, gs06, utc, addressee, implementation);
                    with999 = implementation;
                    break;
                } catch (EDIValidationException e) {
                    // StAEDI refuses what the sender's envelope gave us to repeat: try the next, plainer answer; a 999
                    // it refuses in every form is never sent, the groups are answered with 997s
                    refused = e;
                }
            }
            if (text != null) {
                break;
            }
        }
        if (text == null) {
            throw new IllegalStateException("cannot write the acknowledgment of interchange "
                    + interchange.envelope().controlNumber() + ": " + refused.getMessage(), refused);
        }
        return Optional.of(new Acknowledgment(nine(isa13), ta1, groups, with999, text));
    }

    /**
     * How an answer is written, tried in this order until StAEDI takes one: so that every interchange that can be
     * read far enough to be answered is answered, however its envelope is damaged.
     */
    private enum Addressee {
        /** to the sender as its envelope names it, in the received ISA12 version */
        AS_SENT,
        /**
         * to the sender as the channel's partner profile names it: the address as sent is not one X12 can carry (a
         * qualifier that is no X12 code)
         */
        PROFILE,
        /**
         * as {@link #PROFILE}, in version 00401: the received ISA12 looks like a version (00409) but is none StAEDI
         * writes (found by the fuzz suite, seed 20261207); an address no X12 can carry (a sender with no profile) is
         * given with its qualifier ZZ and the characters X12 can carry
         */
        PROFILE_00401
    }

    private String write(InterchangeResult interchange, boolean ta1, List<GroupResult> answered, long isa13,
            List<Long> gs06, ZonedDateTime utc, Addressee addressee, boolean implementation) {
        PartnerProfile partner = interchange.partner();
        InterchangeResult.Envelope in = interchange.envelope();
        String version = addressee == Addressee.PROFILE_00401 ? "00401" : supportedVersion(in.version());
        boolean asSent = addressee == Addressee.AS_SENT;
        String qualifier = asSent ? orDefault(in.senderQualifier(), "ZZ") : orDefault(partner.isaQualifier(), "ZZ");
        String sender = asSent ? in.senderId() : partner.isaId();
        if (addressee == Addressee.PROFILE_00401) {
            // a sender with no profile (translate) has none but its address as sent: keep what X12 can carry of it
            qualifier = qualifier.matches("[0-9A-Z]{2}") ? qualifier : "ZZ";
            sender = orDefault(safeCopy(sender), "UNKNOWN");
        }
        boolean groups = !answered.isEmpty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
            // StAEDI checks what we write against the envelope rules of the version: counts, lengths, codes
            w.setControlSchema(controlSchema(version));
            w.startInterchange();
            w.writeStartSegment("ISA")
                    .writeElement("00").writeElement(pad("", 10))
                    .writeElement("00").writeElement(pad("", 10))
                    .writeElement(us.isaQualifier()).writeElement(pad(us.isaId(), 15))
                    .writeElement(qualifier).writeElement(pad(sender, 15))
                    .writeElement(utc.format(YYMMDD)).writeElement(utc.format(HHMM))
                    .writeElement(version.compareTo("00402") >= 0 ? String.valueOf(REPETITION) : "U")
                    .writeElement(version)
                    .writeElement(nine(isa13))
                    .writeElement("0")
                    // the answer to a test interchange is a test too, so that the partner's side never takes it as real
                    .writeElement("T".equals(in.usage()) ? "T" : us.usageIndicator())
                    .writeElement(String.valueOf(COMPONENT))
                    .writeEndSegment();
            int groupCount = 0;
            if (ta1) {
                w.writeStartSegment("TA1")
                        // the ISA13 as it is in the input, or zeros for none readable: never one made up from a damaged
                        // or shifted header; the date and time as read when they are ones, else ours
                        .writeElement(digitsOr(in.readableControlNumber(), 9, "000000000"))
                        .writeElement(validOr(in.date(), YYMMDD_STRICT, utc.format(YYMMDD)))
                        .writeElement(validOr(in.time(), HHMM_STRICT, utc.format(HHMM)))
                        .writeElement(interchange.rejected() ? "R" : "A")
                        .writeElement(interchange.ta1Code())
                        .writeEndSegment();
            }
            for (int i = 0; i < answered.size(); i++) {
                GroupResult group = answered.get(i);
                writeGroup(w, group, gs06.get(i), partner, utc, asSent,
                        implementation && ImplementationAck999Writer.answerable(group), version);
                groupCount++;
            }
            w.writeStartSegment("IEA").writeElement(Integer.toString(groupCount)).writeElement(nine(isa13)).writeEndSegment();
            w.endInterchange();
            w.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("cannot write the acknowledgment of interchange " + in.controlNumber()
                    + ": " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private void writeGroup(EDIStreamWriter w, GroupResult group, long gs06, PartnerProfile partner, ZonedDateTime utc,
            boolean asSent, boolean implementation, String isa12) throws EDIStreamException {
        // answered in the group's own version, unless it is one we do not read
        String version = implementation ? ImplementationAck999Writer.version(group)
                : group.versionSupported() ? group.version() : "004010";
        boolean v5010 = version.length() >= 6 && version.substring(0, 6).compareTo("005010") >= 0;
        String receiver = asSent && !group.applicationSender().isEmpty() ? group.applicationSender()
                : (partner.gsId() != null ? partner.gsId() : partner.isaId());
        w.writeStartSegment("GS")
                .writeElement("FA")
                .writeElement(us.gsId())
                .writeElement(receiver)
                .writeElement(utc.format(groupDate(isa12, version)))
                .writeElement(utc.format(HHMM))
                .writeElement(Long.toString(gs06))
                .writeElement("X")
                .writeElement(version)
                .writeEndSegment();
        int segments = 0;
        if (implementation) {
            w.writeStartSegment("ST").writeElement("999").writeElement("0001");
            if (version.length() > 6) {
                // ST03: the implementation guide, as GS08 names it
                w.writeElement(version);
            }
            w.writeEndSegment();
            // from here to SE, StAEDI checks the 999 against our schema of it: one it refuses throws, and is not sent
            w.setTransactionSchema(implementationAck);
            segments += 1 + ImplementationAck999Writer.writeBody(w, group);
            w.setTransactionSchema(null);
            w.writeStartSegment("SE").writeElement(Integer.toString(segments + 1)).writeElement("0001").writeEndSegment();
            w.writeStartSegment("GE").writeElement("1").writeElement(Long.toString(gs06)).writeEndSegment();
            return;
        }
        w.writeStartSegment("ST").writeElement("997").writeElement("0001").writeEndSegment();
        segments++;
        w.writeStartSegment("AK1").writeElement(orDefault(group.functionalId(), "PO"))
                .writeElement(digitsOr(group.controlNumber(), "0"));
        if (v5010 && group.versionSupported()) {
            w.writeElement(version);
        }
        w.writeEndSegment();
        segments++;
        for (TransactionResult t : group.transactions()) {
            if (identifiable(t)) {
                segments += writeTransaction(w, t, v5010);
            }
        }
        w.writeStartSegment("AK9")
                .writeElement(group.ak9Status())
                .writeElement(Integer.toString(group.declaredTransactionCount != null
                        ? group.declaredTransactionCount : group.transactions().size()))
                .writeElement(Integer.toString(group.transactions().size()))
                .writeElement(Long.toString(group.ak9Status().equals("R") ? 0 : group.accepted()));
        for (String code : group.ak9Codes) {
            w.writeElement(code);
        }
        w.writeEndSegment();
        segments++;
        w.writeStartSegment("SE").writeElement(Integer.toString(segments + 1)).writeElement("0001").writeEndSegment();
        w.writeStartSegment("GE").writeElement("1").writeElement(Long.toString(gs06)).writeEndSegment();
    }

    private int writeTransaction(EDIStreamWriter w, TransactionResult t, boolean v5010) throws EDIStreamException {
        int segments = 0;
        w.writeStartSegment("AK2").writeElement(orDefault(t.type(), "850")).writeElement(orDefault(t.controlNumber(), "0000"));
        if (v5010 && t.implementationReference() != null && !t.implementationReference().isEmpty()) {
            w.writeElement(t.implementationReference());
        }
        w.writeEndSegment();
        segments++;
        for (SegmentError s : t.segmentErrors) {
            w.writeStartSegment("AK3").writeElement(s.segmentId).writeElement(Integer.toString(s.position));
            if (s.syntaxCode != null) {
                w.writeEmptyElement().writeElement(s.syntaxCode);
            } else if (s.loopId != null) {
                w.writeElement(s.loopId);
            }
            w.writeEndSegment();
            segments++;
            for (SegmentError.ElementError e : s.elements) {
                if (s.syntaxCode == null) {
                    continue;
                }
                writeElementNote(w, "AK4", e);
                segments++;
            }
        }
        w.writeStartSegment("AK5").writeElement(t.status().ak5);
        for (String code : t.ak5Codes) {
            w.writeElement(code);
        }
        w.writeEndSegment();
        return segments + 1;
    }

    private Schema controlSchema(String version) {
        return controlSchemas.computeIfAbsent(version, v -> {
            try {
                return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12, new String[] {v});
            } catch (EDISchemaException e) {
                throw new IllegalStateException("no X12 control schema for version " + v, e);
            }
        });
    }

    /**
     * One element's note, the same in both acknowledgments (AK4 of the 997, IK4 of the 999): its position (with the
     * component, if any), its data element reference number when known, the error code, and a copy of the bad value
     * when it can be written back safely.
     */
    static void writeElementNote(EDIStreamWriter w, String tag, SegmentError.ElementError e) throws EDIStreamException {
        w.writeStartSegment(tag);
        if (e.component() > 0) {
            w.writeStartElement().writeComponent(Integer.toString(e.position()))
                    .writeComponent(Integer.toString(e.component())).endElement();
        } else {
            w.writeElement(Integer.toString(e.position()));
        }
        if (e.reference() != null && e.reference().matches("\\d{1,4}")) {
            w.writeElement(e.reference());
        } else {
            w.writeEmptyElement();
        }
        w.writeElement(e.code());
        String bad = safeCopy(e.badValue());
        if (!bad.isEmpty()) {
            w.writeElement(bad);
        }
        w.writeEndSegment();
    }

    /** AK404 copies the bad value; it must not carry our delimiters and is at most 99 characters. */
    static String safeCopy(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length() && sb.length() < 99; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != SEGMENT && c != ELEMENT && c != COMPONENT && c != REPETITION) {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }

    /** ISA12 of the answer: the received version when StAEDI can write it, else 00401. */
    static String supportedVersion(String received) {
        if (received != null && received.matches("00[2-8]0[0-9]")) {
            return received;
        }
        return "00401";
    }

    private static String pad(String value, int width) {
        String v = value == null ? "" : value;
        return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
    }

    private static String nine(long n) {
        return String.format("%09d", n);
    }

    /**
     * GS04 (element 373): YYMMDD only in a group of a release before 004010 inside an envelope before 00401, where
     * StAEDI reads it so (found by the fuzz suite: a 003040 group in a 00401 envelope, or the reverse, wants CCYYMMDD).
     */
    static DateTimeFormatter groupDate(String isa12, String gs08) {
        return isa12.compareTo("00401") < 0 && gs08.compareTo("004010") < 0 ? YYMMDD : CCYYMMDD;
    }

    /**
     * Whether an AK2 can name the set: its ST01 and ST02 as X12 writes them (three letters or digits, four to nine). A
     * set whose header a damaged byte made unreadable (a control character in ST01, found by the fuzz suite) gets no
     * AK2 of its own, never one that names another set or breaks the acknowledgment; AK9 still counts it.
     */
    static boolean identifiable(TransactionResult t) {
        return t.type() != null && t.type().matches("[A-Z0-9]{3}") && t.controlNumber() != null
                && t.controlNumber().matches("[A-Za-z0-9]{4,9}");
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The value when it is a date or time in the pattern (ISA09 261302 is none: month 13), else the fallback. */
    private static String validOr(String value, DateTimeFormatter pattern, String fallback) {
        if (value == null || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return fallback;
        }
        try {
            pattern.parse(value);
            return value;
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }

    private static String digitsOr(String value, int length, String fallback) {
        return value != null && value.length() == length ? digitsOr(value, fallback) : fallback;
    }

    static String digitsOr(String value, String fallback) {
        return value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit) ? value : fallback;
    }

    /**
     * One acknowledgment interchange.
     *
     * @param controlNumber our ISA13
     * @param hasTa1        it carries a TA1
     * @param hasFunctionalAcks it carries 997s or 999s
     * @param implementationAcks its groups are answered with 999s (those of 005010 and later; any earlier with 997s)
     * @param text          the X12 text
     */
    public record Acknowledgment(String controlNumber, boolean hasTa1, boolean hasFunctionalAcks,
            boolean implementationAcks, String text) {
    }
}

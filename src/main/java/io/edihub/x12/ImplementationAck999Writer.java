package io.edihub.x12;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.util.List;

/**
 * The body of a 999 Implementation Acknowledgment (AK1 to AK9, between ST and SE) from the same verdicts a 997 is
 * written from: AK1 and AK2 as in the 997, each AK3 as an IK3 (loop 2100), each AK4 as an IK4 (loop 2110), each AK5 as
 * an IK5 and the AK9 as it is. The 997's codes are the 999's: AK304 1 to 8 are IK304 (element 620) 1 to 8, AK403 1 to
 * 13 are IK403 (element 621) 1 to 13, AK502 are IK502 (element 618), AK501 is IK501 (element 717).
 *
 * <p>The 999 exists from X12 005010 on; the caller writes one only for a group of 005010 or later.
 */
final class ImplementationAck999Writer {

    /** GS08 and ST03 of a 999 answering an 005010 group: the X12 implementation guide of the 999. */
    static final String X231A1 = "005010X231A1";

    private ImplementationAck999Writer() {
    }

    /** Whether a group of this GS08 can be answered by a 999: a release we read, 005010 or later. */
    static boolean answerable(GroupResult group) {
        String version = group.version();
        return group.versionSupported() && version.substring(0, 6).compareTo("005010") >= 0;
    }

    /** GS08 of the 999: the 005010X231A1 guide for an 005010 group, the received release itself for a later one. */
    static String version(GroupResult group) {
        String release = group.version().substring(0, 6);
        return "005010".equals(release) ? X231A1 : release;
    }

    /**
     * Writes AK1 to AK9.
     *
     * @return the number of segments written
     */
    static int writeBody(EDIStreamWriter w, GroupResult group) throws EDIStreamException {
        int segments = 0;
        w.writeStartSegment("AK1").writeElement(AcknowledgmentWriter.orDefault(group.functionalId(), "PO"))
                .writeElement(AcknowledgmentWriter.digitsOr(group.controlNumber(), "0"))
                // AK103 is required in the 999: the version of the group it answers
                .writeElement(group.version())
                .writeEndSegment();
        segments++;
        for (TransactionResult t : group.transactions()) {
            if (AcknowledgmentWriter.identifiable(t)) {
                segments += writeTransaction(w, t);
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
        return segments + 1;
    }

    private static int writeTransaction(EDIStreamWriter w, TransactionResult t) throws EDIStreamException {
        int segments = 0;
        w.writeStartSegment("AK2").writeElement(AcknowledgmentWriter.orDefault(t.type(), "850"))
                .writeElement(AcknowledgmentWriter.orDefault(t.controlNumber(), "0000"));
        if (t.implementationReference() != null && !t.implementationReference().isEmpty()) {
            w.writeElement(t.implementationReference());
        }
        w.writeEndSegment();
        segments++;
        for (SegmentError s : t.segmentErrors) {
            if (s.syntaxCode == null) {
                // IK304 is required: a segment noted without a syntax error has no IK3 in a 999
                continue;
            }
            segments += writeSegmentNote(w, s, t.loopsAround(s.position));
        }
        w.writeStartSegment("IK5").writeElement(t.status().ak5);
        for (String code : t.ak5Codes) {
            w.writeElement(code);
        }
        w.writeEndSegment();
        return segments + 1;
    }

    private static int writeSegmentNote(EDIStreamWriter w, SegmentError s, List<TransactionResult.Loop> loops)
            throws EDIStreamException {
        int segments = 0;
        // IK303: the innermost loop the segment is in (SCH inside a PO1 line), as the set's diagram names it
        String loopId = loops.isEmpty() ? null : loops.get(loops.size() - 1).loopId();
        w.writeStartSegment("IK3").writeElement(s.segmentId).writeElement(Integer.toString(s.position));
        if (loopId != null) {
            w.writeElement(loopId);
        } else {
            w.writeEmptyElement();
        }
        w.writeElement(s.syntaxCode).writeEndSegment();
        segments++;
        TransactionResult.Loop outer = loops.isEmpty() ? null : loops.get(0);
        if (outer != null && outer.loopId() != null && outer.startTag != null && outer.startPosition != s.position) {
            // the segment is inside a loop another segment began (an SCH or PID of a PO1 line, an N3 of an N1 party):
            // the segment context names that segment, its position and its first element (the line number, the party
            // code), so the sender finds which line or party is meant without counting segments
            w.writeStartSegment("CTX").writeStartElement().writeComponent(outer.startTag + "01");
            String value = AcknowledgmentWriter.safeCopy(outer.startValue);
            if (!value.isEmpty()) {
                w.writeComponent(value.length() > 35 ? value.substring(0, 35) : value);
            }
            w.endElement()
                    .writeElement(outer.startTag)
                    .writeElement(Integer.toString(outer.startPosition))
                    .writeElement(outer.loopId())
                    .writeEndSegment();
            segments++;
        }
        for (SegmentError.ElementError e : s.elements) {
            AcknowledgmentWriter.writeElementNote(w, "IK4", e);
            segments++;
        }
        return segments;
    }
}

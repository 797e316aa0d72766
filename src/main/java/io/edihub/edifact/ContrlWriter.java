package io.edihub.edifact;

import io.edihub.edifact.EdifactInterchange.Message;
import io.edihub.edifact.EdifactInterchange.SyntaxError;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamConstants.Standards;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the CONTRL (syntax and service report, D:3:UN) that answers an EDIFACT interchange: UCI with action
 * 7 (acknowledged) or 4 (rejected) and the interchange-level error, then one UCM per message, and for each
 * error pinned to a segment a UCS (its position, UNH being 1) with a UCD for the data element. StAEDI writes
 * it under the EDIFACT syntax 3 envelope rules, with the UNA and release character, so a value holding a
 * separator is escaped rather than breaking the segment.
 */
public final class ContrlWriter {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final String UNKNOWN = "UNKNOWN";
    private static final long MAX_REFERENCE = 99_999_999_999_999L;

    private final EDIOutputFactory factory;
    private final Schema controlSchema;

    public ContrlWriter() {
        factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, '\'');
        factory.setProperty(Delimiters.DATA_ELEMENT, '+');
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(Delimiters.RELEASE, '?');
        factory.setProperty(Delimiters.DECIMAL, '.');
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try {
            controlSchema = SchemaFactory.newFactory().getControlSchema(Standards.EDIFACT, new String[] {"UNOC", "3"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI has no EDIFACT syntax 3 control schema", e);
        }
    }

    /**
     * The CONTRL for an interchange.
     *
     * @param interchange      what the reader made of it
     * @param ourId            our interchange id (the CONTRL's sender, UNB S002 0004)
     * @param ourQualifier     its qualifier (0007), or null
     * @param controlReference the CONTRL interchange's own control reference (UNB 0020), 1 to 14 digits
     * @param now              when it is written
     * @throws IllegalArgumentException when a value breaks the EDIFACT syntax 3 envelope rules (StAEDI's verdict)
     */
    public String write(EdifactInterchange interchange, String ourId, String ourQualifier, long controlReference,
            ZonedDateTime now) {
        if (controlReference < 0 || controlReference > MAX_REFERENCE) {
            throw new IllegalArgumentException("an interchange control reference has at most 14 digits: " + controlReference);
        }
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        String reference = Long.toString(controlReference);
        String partner = orUnknown(interchange.senderId());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.ISO_8859_1.name());
            w.setControlSchema(controlSchema);
            w.startInterchange();
            segment(w, "UNB", e("UNOC", "3"), e(ourId, ourQualifier), e(partner, interchange.senderQualifier()),
                    e(utc.format(YYMMDD), utc.format(HHMM)), e(reference));
            int count = 0;
            segment(w, "UNH", e("1"), e("CONTRL", "D", "3", "UN"));
            count++;
            count += uci(w, interchange);
            for (Message m : interchange.messages()) {
                count += ucm(w, m, interchange.accepted());
            }
            segment(w, "UNT", e(Integer.toString(count + 1)), e("1"));
            segment(w, "UNZ", e("1"), e(reference));
            w.endInterchange();
            w.close();
        } catch (EDIValidationException e) {
            throw new IllegalArgumentException("the CONTRL for interchange " + interchange.controlReference()
                    + " breaks the EDIFACT envelope rules: " + e.getMessage(), e);
        } catch (EDIStreamException e) {
            throw new IllegalArgumentException("cannot write the CONTRL for interchange " + interchange.controlReference()
                    + ": " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static int uci(EDIStreamWriter w, EdifactInterchange interchange) throws EDIStreamException {
        SyntaxError error = interchange.interchangeError();
        List<String[]> elements = new ArrayList<>(List.of(e(orUnknown(interchange.controlReference())),
                e(orUnknown(interchange.senderId()), interchange.senderQualifier()),
                e(orUnknown(interchange.recipientId()), interchange.recipientQualifier()),
                e(interchange.accepted() ? "7" : "4")));
        if (error != null) {
            elements.add(e(error.code()));
            elements.add(e(serviceTag(error.segmentTag())));
            elements.add(position(error));
        }
        segment(w, "UCI", elements.toArray(String[][]::new));
        return 1;
    }

    private static int ucm(EDIStreamWriter w, Message m, boolean accepted) throws EDIStreamException {
        if (m.reference() == null) {
            return 0;
        }
        List<String[]> elements = new ArrayList<>(List.of(e(m.reference()), e(m.type(), m.version(), m.release(), m.agency()),
                e(accepted && m.status() == EdifactInterchange.Status.ACCEPTED ? "7" : "4")));
        SyntaxError error = m.messageError();
        if (error != null) {
            elements.add(e(error.code()));
            elements.add(e(serviceTag(error.segmentTag())));
            elements.add(position(error));
        }
        segment(w, "UCM", elements.toArray(String[][]::new));
        int count = 1;
        for (SyntaxError s : m.segmentErrors()) {
            if (s.elementPosition() == 0) {
                segment(w, "UCS", e(Integer.toString(s.segmentPosition())), e(s.code()));
                count++;
            } else {
                segment(w, "UCS", e(Integer.toString(s.segmentPosition())));
                segment(w, "UCD", e(s.code()), position(s));
                count += 2;
            }
        }
        return count;
    }

    /** S011: the data element's position, and the component's when there is one. */
    private static String[] position(SyntaxError error) {
        if (error.elementPosition() == 0) {
            return e();
        }
        return error.componentPosition() == 0 ? e(Integer.toString(error.elementPosition()))
                : e(Integer.toString(error.elementPosition()), Integer.toString(error.componentPosition()));
    }

    /** 0013 names service segments only (UNB, UNH, UNT, UNZ ...). */
    private static String serviceTag(String tag) {
        return tag != null && tag.startsWith("UN") ? tag : null;
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    private static String[] e(String... components) {
        return components;
    }

    private static void segment(EDIStreamWriter w, String tag, String[]... elements) throws EDIStreamException {
        OutboundMessage.segment(w, tag, elements);
    }
}

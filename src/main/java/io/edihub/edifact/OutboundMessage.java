package io.edihub.edifact;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What the hub's EDIFACT business document writers (ORDRSP, DESADV, INVOIC) share: one interchange from us to a
 * partner holding one D96A message, written by StAEDI under the EDIFACT syntax 3 envelope rules with the UNA and the
 * release character, so a value holding a separator is escaped rather than breaking the segment. UNT counts the
 * message's segments from UNH to UNT; UNZ counts its one message. Also the EDIFACT forms of numbers and dates.
 *
 * <p>Thread-safe: the factory is only read and every write has its own writer.
 */
final class OutboundMessage {

    /** DTM 2379: CCYYMMDD. */
    static final String CCYYMMDD_FORMAT = "102";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long MAX_REFERENCE = 99_999_999_999_999L;
    private static final Schema CONTROL_SCHEMA;

    static {
        try {
            CONTROL_SCHEMA = SchemaFactory.newFactory().getControlSchema(Standards.EDIFACT, new String[] {"UNOC", "3"});
        } catch (EDISchemaException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EDIOutputFactory factory;
    private final String type;

    /** @param type 0065 of the message: ORDRSP, DESADV, INVOIC */
    OutboundMessage(String type) {
        this.type = type;
        factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, '\'');
        factory.setProperty(Delimiters.DATA_ELEMENT, '+');
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(Delimiters.RELEASE, '?');
        factory.setProperty(Delimiters.DECIMAL, '.');
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    }

    /** Writes the segments between UNH and UNT. */
    @FunctionalInterface
    interface Body {
        void write(Segments message) throws EDIStreamException;
    }

    /**
     * The interchange carrying one message.
     *
     * @param document what is written, for messages ("the invoice INV-1")
     * @throws IllegalArgumentException when a value breaks the syntax 3 envelope rules (StAEDI's verdict)
     */
    String write(String document, EdifactEnvelope envelope, ZonedDateTime now, Body body) {
        if (envelope.controlReference() < 1 || envelope.controlReference() > MAX_REFERENCE) {
            throw new IllegalArgumentException("an interchange control reference has 1 to 14 digits: "
                    + envelope.controlReference());
        }
        if (envelope.partnerId() == null || envelope.partnerId().isBlank()) {
            throw new IllegalArgumentException(document + " cannot be written as EDIFACT: the partner has no EDIFACT id "
                    + "(edifact.id in its partner file)");
        }
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        String reference = Long.toString(envelope.controlReference());
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.ISO_8859_1.name());
            w.setControlSchema(CONTROL_SCHEMA);
            Segments segments = new Segments(w);
            w.startInterchange();
            // UNB 0035 test indicator 1 when we send tests
            segments.write("UNB", e("UNOC", "3"), e(envelope.ourId(), envelope.ourQualifier()),
                    e(envelope.partnerId(), envelope.partnerQualifier()), e(utc.format(YYMMDD), utc.format(HHMM)),
                    e(reference), e(), e(), e(), e(), e(), e(envelope.test() ? "1" : null));
            int before = segments.count();
            segments.write("UNH", e(reference), e(type, "D", "96A", "UN"));
            body.write(segments);
            segments.write("UNT", e(Integer.toString(segments.count() - before + 1)), e(reference));
            segments.write("UNZ", e("1"), e(reference));
            w.endInterchange();
            w.close();
        } catch (EDIValidationException e) {
            throw new IllegalArgumentException(document + " breaks the EDIFACT envelope rules: " + e.getMessage(), e);
        } catch (EDIStreamException e) {
            throw new IllegalArgumentException("cannot write " + document + " as " + type + ": " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The segments of the interchange as they are written, counted for UNT. */
    static final class Segments {

        private final EDIStreamWriter writer;
        private int count;

        private Segments(EDIStreamWriter writer) {
            this.writer = writer;
        }

        /** Writes a segment, leaving out trailing empty elements and components. */
        void write(String tag, String[]... elements) throws EDIStreamException {
            segment(writer, tag, elements);
            count++;
        }

        /** DTM with a CCYYMMDD date; nothing when there is no date. */
        void date(String qualifier, LocalDate date) throws EDIStreamException {
            if (date != null) {
                write("DTM", e(qualifier, date.format(CCYYMMDD), CCYYMMDD_FORMAT));
            }
        }

        int count() {
            return count;
        }
    }

    /**
     * Writes one segment with StAEDI's writer, leaving out trailing empty elements and components: the one way every
     * EDIFACT document we send (and the CONTRL) writes its segments.
     */
    static void segment(EDIStreamWriter writer, String tag, String[]... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        int last = -1;
        for (int i = 0; i < elements.length; i++) {
            if (lastPresent(elements[i]) >= 0) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            String[] element = elements[i];
            int lastComponent = lastPresent(element);
            if (lastComponent < 0) {
                writer.writeEmptyElement();
            } else if (lastComponent == 0) {
                writer.writeElement(element[0]);
            } else {
                writer.writeStartElement();
                for (int c = 0; c <= lastComponent; c++) {
                    if (element[c] == null || element[c].isEmpty()) {
                        writer.writeEmptyComponent();
                    } else {
                        writer.writeComponent(element[c]);
                    }
                }
                writer.endElement();
            }
        }
        writer.writeEndSegment();
    }

    private static int lastPresent(String[] components) {
        for (int i = components.length - 1; i >= 0; i--) {
            if (components[i] != null && !components[i].isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** One data element: its components. */
    static String[] e(String... components) {
        return components;
    }

    /** An EDIFACT decimal: no exponent, no trailing zeros after the point. */
    static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** A monetary amount (MOA 5004): to the cent, half up. */
    static String amount(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Free text cut to an element's length (an..35, an..70); the writer escapes separators. */
    static String text(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().replaceAll("[\\r\\n\\t]+", " ");
        return v.length() > max ? v.substring(0, max).strip() : v;
    }
}

package io.edihub.x12;

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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the hub's business document writers (855, 856, 810) share: one interchange from us to a partner
 * holding one functional group with one transaction set, written by StAEDI with the envelope rules of the
 * version, the set checked against our schema of it. Whatever that check refuses (a value too long, a code we do
 * not send, a delimiter inside a value) is an {@link IllegalArgumentException}, and nothing is written. Also the X12
 * forms of numbers, dates and free text.
 *
 * <p>The set is checked as it is written by walking our schema compiled into a {@link TransactionTable}, a few
 * comparisons per element; a set the walk doubts is written once more with StAEDI's own validation of the schema on,
 * which says what is wrong (or writes it, should the walk have been stricter). StAEDI's validation alone cost some
 * 0.2 ms a segment: 5 to 13 s for the 855 of an order of 2,000 lines × 24 deliveries.
 *
 * <p>Thread-safe: the factory is only read, schemas and tables are immutable and every write has its own writer
 * and walk.
 */
final class OutboundInterchange {

    /** GS08 unless the partner asks for another version. */
    static final String DEFAULT_VERSION = "004010";

    /**
     * The release the hub answers a group in with a document of its own (an 855 to an 850): the group's release
     * without its suffix (an implementation guide's, such as {@code VICS} or {@code X231A1}, names the sender's guide
     * for its own set), and never one before 004010 or after 008050, which the hub does not write.
     */
    static String writableRelease(String groupVersion) {
        String release = groupVersion == null || groupVersion.length() < 6 ? "" : groupVersion.substring(0, 6);
        if (!VERSION.matcher(release).matches()) {
            return release.matches("\\d{6}") && release.compareTo("008050") > 0 ? "008050" : DEFAULT_VERSION;
        }
        return release;
    }

    private static final Pattern VERSION = Pattern.compile("00[4-8]0[0-9]0");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    // one per ISA12, whichever writer asked first
    private static final Map<String, Schema> CONTROL_SCHEMAS = new ConcurrentHashMap<>();

    private final EDIOutputFactory factory;
    private final OurIdentity us;
    private final String functionalId;
    private final String setId;
    private final Schema transactionSchema;
    private final TransactionTable table;
    /** Sets written a second time with StAEDI's validation, the walk having doubted them (for tests). */
    static final java.util.concurrent.atomic.LongAdder CHECKED_BY_STAEDI = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param functionalId GS01 of the group (PR, SH, IN)
     * @param setId        ST01 of the set; our schema of it is {@code /x12/<setId>.xml}
     */
    OutboundInterchange(OurIdentity us, String functionalId, String setId) {
        this.us = us;
        this.functionalId = functionalId;
        this.setId = setId;
        factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, AcknowledgmentWriter.SEGMENT);
        factory.setProperty(Delimiters.DATA_ELEMENT, AcknowledgmentWriter.ELEMENT);
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, AcknowledgmentWriter.COMPONENT);
        factory.setProperty(Delimiters.REPETITION, AcknowledgmentWriter.REPETITION);
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        transactionSchema = InterchangeReader.loadSchema("/x12/" + setId + ".xml");
        table = TransactionTable.compile(transactionSchema);
    }

    /** Writes the segments between ST and SE. */
    @FunctionalInterface
    interface Body {
        void write(Segments set) throws EDIStreamException;
    }

    /**
     * The interchange carrying one set.
     *
     * @param document what is written, for messages ("the invoice INV-1")
     * @param version  GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the document cannot be written as a valid set of that version
     */
    String write(String document, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now, String version,
            Body body) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(setId + " version '" + version
                    + "' is not one the hub writes: 004010 to 008050");
        }
        long isa13 = numbers.next(partner.id(), ControlNumbers.Kind.INTERCHANGE);
        long gs06 = numbers.next(partner.id(), ControlNumbers.Kind.GROUP);
        TransactionWalk walk = new TransactionWalk();
        String text = render(document, partner, now, version, isa13, gs06, body, walk);
        if (!walk.doubtful()) {
            return text;
        }
        // doubted by the walk: StAEDI's validation says what is wrong, or writes it (the same bytes) if nothing is
        CHECKED_BY_STAEDI.increment();
        return render(document, partner, now, version, isa13, gs06, body, null);
    }

    /**
     * One writing of the interchange: the set walked through the compiled table with {@code walk}, or, without one,
     * validated by StAEDI with our schema.
     */
    private String render(String document, PartnerProfile partner, ZonedDateTime now, String version, long isa13,
            long gs06, Body body, TransactionWalk walk) {
        ZonedDateTime utc = now.withZoneSameInstant(ZoneOffset.UTC);
        String isa12 = version.substring(0, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
            w.setControlSchema(controlSchema(isa12));
            Segments set = new Segments(w, document);
            w.startInterchange();
            set.write("ISA", "00", pad("", 10), "00", pad("", 10), us.isaQualifier(), pad(us.isaId(), 15),
                    partner.isaQualifier() == null ? "ZZ" : partner.isaQualifier(), pad(partner.isaId(), 15),
                    utc.format(YYMMDD), utc.format(HHMM), isa12.compareTo("00402") >= 0
                            ? String.valueOf(AcknowledgmentWriter.REPETITION) : "U",
                    isa12, nine(isa13), "0", us.usageIndicator(), String.valueOf(AcknowledgmentWriter.COMPONENT));
            set.write("GS", functionalId, us.gsId(), partner.gsId() != null ? partner.gsId() : partner.isaId(),
                    utc.format(AcknowledgmentWriter.groupDate(isa12, version)), utc.format(HHMM), Long.toString(gs06),
                    "X", version);
            int beforeSt = set.count();
            set.write("ST", setId, "0001");
            // from here to SE the set is checked against our schema of it
            if (walk != null) {
                walk.begin(table);
                set.walk = walk;
            } else {
                w.setTransactionSchema(transactionSchema);
            }
            body.write(set);
            if (walk != null) {
                walk.end(Segments.NO_LOOPS);
                set.walk = null;
            } else {
                w.setTransactionSchema(null);
            }
            set.write("SE", Integer.toString(set.count() - beforeSt + 1), "0001");
            set.write("GE", "1", Long.toString(gs06));
            set.write("IEA", "1", nine(isa13));
            w.endInterchange();
            w.close();
        } catch (EDIValidationException e) {
            throw new IllegalArgumentException(document + " is not a valid " + setId + ": " + describe(e), e);
        } catch (EDIStreamException e) {
            throw new IllegalArgumentException("cannot write " + document + ": " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The segments of the interchange as they are written, counted for SE01. */
    static final class Segments {

        /** The walk needs no loop names here: nothing is mapped from what we write. */
        static final TransactionWalk.Loops NO_LOOPS = new TransactionWalk.Loops() {
            @Override
            public void loopEnded() {
            }

            @Override
            public void loopStarted(String code) {
            }
        };

        private final EDIStreamWriter writer;
        private final String document;
        private int count;
        /** between ST and SE when the compiled table checks the set */
        private TransactionWalk walk;

        private Segments(EDIStreamWriter writer, String document) {
            this.writer = writer;
            this.document = document;
        }

        /** Writes a segment's elements up to the last one present; absent ones in between are empty. */
        void write(String tag, String... values) throws EDIStreamException {
            int last = values.length - 1;
            while (last >= 0 && (values[last] == null || values[last].isEmpty())) {
                last--;
            }
            writer.writeStartSegment(tag);
            if (walk != null) {
                walk.segment(tag, NO_LOOPS);
            }
            for (int i = 0; i <= last; i++) {
                if (walk != null) {
                    walk.element(i + 1, 0, 1, values[i] == null ? "" : values[i]);
                }
                if (values[i] == null || values[i].isEmpty()) {
                    writer.writeEmptyElement();
                } else {
                    // ISA11 and ISA16 are the delimiters themselves
                    if (!"ISA".equals(tag)) {
                        refuseDelimiters(tag, i + 1, values[i]);
                    }
                    writer.writeElement(values[i]);
                }
            }
            if (walk != null) {
                walk.endSegment();
            }
            writer.writeEndSegment();
            count++;
        }

        int count() {
            return count;
        }

        // StAEDI refuses these too, but without saying which element
        private void refuseDelimiters(String tag, int position, String value) {
            for (int i = 0; i < value.length(); i++) {
                if (isDelimiter(value.charAt(i))) {
                    throw new IllegalArgumentException(String.format("%s cannot be written: %s%02d '%s' contains '%c', "
                            + "an X12 delimiter", document, tag, position, value, value.charAt(i)));
                }
            }
        }
    }

    /** X12 decimals (type R): no exponent, no trailing zeros after the point. */
    static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** An amount of type N2 (TDS01, BCD04, CDD04): in cents without a decimal point, rounded half up to the cent. */
    static String cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().toString();
    }

    /** X12 dates (type DT, CCYYMMDD). */
    static String date(LocalDate date) {
        return date == null ? null : date.format(CCYYMMDD);
    }

    /** Free text as it came, without our delimiters (which StAEDI would refuse), cut to size. */
    static String freeText(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            sb.append(isDelimiter(c) || c < 0x20 || c >= 0x7f ? ' ' : c);
        }
        return sb.toString().strip();
    }

    private static boolean isDelimiter(char c) {
        return c == AcknowledgmentWriter.SEGMENT || c == AcknowledgmentWriter.ELEMENT
                || c == AcknowledgmentWriter.COMPONENT || c == AcknowledgmentWriter.REPETITION;
    }

    private static Schema controlSchema(String isa12) {
        return CONTROL_SCHEMAS.computeIfAbsent(isa12, v -> {
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

    private static String pad(String value, int width) {
        String v = value == null ? "" : value;
        return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
    }

    private static String nine(long n) {
        return String.format("%09d", n);
    }
}

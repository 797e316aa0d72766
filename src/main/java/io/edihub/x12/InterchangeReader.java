package io.edihub.x12;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a file of X12 interchanges as a stream with StAEDI, validates envelopes and 850 / 860 / 861 / 812 / 820 /
 * 997 transaction sets, maps accepted purchase orders, order changes, acceptances, credit/debit adjustments,
 * remittances and the partner's functional acknowledgments of our documents to the canonical model and hands everything to an
 * {@link InterchangeListener}. Memory stays flat whatever the file size: only the verdicts (what the
 * acknowledgments need) are kept, the documents are handed over one by one.
 *
 * <p>Thread-safe: one instance serves every route and the translate command.
 */
public final class InterchangeReader {

    /** Files may start with a UTF-8 byte order mark, which X12 does not know. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int HEAD = 512;


    private final EDIInputFactory factory;
    /** Each set read in the X12 release its group names, with that release's segments. */
    private final ReleaseSchemas schemas = new ReleaseSchemas();
    private final Validation validation;

    /**
     * How a transaction set's body is validated. Both give the same verdicts, the same AK3 / AK4 codes and the same
     * 997 (a differential test reads every sample, the shared corpus and the fuzz inputs both ways).
     */
    enum Validation {
        /** StAEDI validates the body against the set's release schema, set while ST01 is read. */
        STAEDI_SCHEMA,
        /**
         * StAEDI reads the envelope and tokenizes; the body is walked through the set's compiled {@link TransactionTable}.
         * A set the table has any doubt about is read once more, alone, with StAEDI's schema, which says what is wrong.
         */
        COMPILED_TABLE
    }

    /** Validates with the compiled tables, StAEDI's schemas only for a set they doubt. */
    public InterchangeReader() {
        this(Validation.COMPILED_TABLE);
    }

    InterchangeReader(Validation validation) {
        this.validation = validation;
        factory = EDIInputFactory.newFactory();
        // CR/LF after segments and lines wrapped at 80 columns are common and harmless
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, true);
    }

    /** Loads one of our StAEDI schemas from the classpath ({@code /x12/850.xml}); a broken one is a bug. */
    public static Schema loadSchema(String resource) {
        try (InputStream in = InterchangeReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema " + resource);
            }
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("broken schema " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one file. Never throws for bad content: everything wrong is in the result.
     *
     * @throws UncheckedIOException when the input itself cannot be read
     */
    public FileResult read(String fileName, InputStream input, IntakeContext context, InterchangeListener listener) {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            int ebcdic = EbcdicInterchange.leadingNoise(head);
            if (EbcdicInterchange.startsWithIsa(head, ebcdic)) {
                // a mainframe's interchange: read as the ASCII text it holds, and answered in ASCII
                EbcdicInterchange.Layout layout = EbcdicInterchange.layout(Arrays.copyOfRange(head, ebcdic, head.length));
                in.skipNBytes(ebcdic);
                return readText(fileName, new BufferedInputStream(EbcdicInterchange.decoding(in, layout), 1 << 16),
                        context, listener, layout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return readText(fileName, in, context, listener, null);
    }

    private FileResult readText(String fileName, BufferedInputStream in, IntakeContext context, InterchangeListener listener,
            EbcdicInterchange.Layout ebcdic) {
        List<X12Error> fileErrors = new ArrayList<>();
        List<InterchangeResult> interchanges = new ArrayList<>();
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            int skip = leadingNoise(head);
            String text = new String(head, skip, head.length - skip, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                fileErrors.add(X12Error.file("EMPTY_FILE", "the file is empty"));
                return new FileResult(fileName, fileErrors, interchanges);
            }
            if (!text.startsWith("ISA")) {
                fileErrors.add(X12Error.file("NOT_X12", "not an X12 interchange: a file must start with ISA, this one starts with "
                        + startOf(text.strip(), Arrays.copyOfRange(head, skip, head.length))));
                return new FileResult(fileName, fileErrors, interchanges);
            }
            IsaHeader isa = IsaHeader.check(text);
            if (!isa.valid()) {
                if (ebcdic != null) {
                    fileErrors.add(X12Error.file("EBCDIC", "the file looks like EBCDIC (IBM cp037/cp500): it was read as "
                            + ebcdic.codePage() + ", and its ISA header is damaged (the interchange's errors say how)"));
                }
                InterchangeResult rejected = new InterchangeResult(envelope(isa));
                rejected.partner = identify(rejected.envelope, context);
                isa.errors.forEach(e -> rejected.reject(isa.ta1Code, e));
                listener.startInterchange(rejected);
                listener.endInterchange(rejected);
                interchanges.add(rejected);
                return new FileResult(fileName, fileErrors, interchanges);
            }
            in.skipNBytes(skip);
            new Pass(context, listener, fileErrors, interchanges).run(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return new FileResult(fileName, fileErrors, interchanges);
    }

    /**
     * The first characters of a file that is no interchange, quoted when they are text; when they are not (a ZIP, a
     * PDF, UTF-16, EBCDIC that is not X12), the first bytes in hex instead of the garbled characters they would make.
     */
    private static String startOf(String text, byte[] head) {
        String start = text.length() > 40 ? text.substring(0, 40) : text;
        boolean readable = start.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || c >= 0x20 && c != 0x7F
                && c != 0xFFFD && !Character.isISOControl(c));
        if (readable) {
            return "'" + IsaHeader.printable(start) + "'";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(16, head.length); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", head[i] & 0xFF));
        }
        return "bytes that are not text (ASCII or UTF-8): " + hex + (head.length > 16 ? " ..." : "") + " in hex";
    }

    private static int leadingNoise(byte[] head) {
        int i = 0;
        if (head.length >= 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2]) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\r' || head[i] == '\n' || head[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static InterchangeResult.Envelope envelope(IsaHeader h) {
        return new InterchangeResult.Envelope(h.element(1), h.element(5), h.element(6), h.element(7), h.element(8),
                h.element(9), h.element(10), h.element(12), h.controlNumber().strip(), h.element(14), h.element(15));
    }

    private static PartnerProfile identify(InterchangeResult.Envelope e, IntakeContext context) {
        return context.channelPartner().orElseGet(() -> context.partners()
                .byInterchangeSender(e.senderQualifier(), e.senderId())
                .orElseGet(() -> PartnerProfile.unknown(e.senderQualifier(), e.senderId(), null)));
    }

    /** One pass over one file: the state of the stream walk. */
    private final class Pass implements TransactionWalk.Loops {

        private final IntakeContext context;
        private final InterchangeListener listener;
        private final List<X12Error> fileErrors;
        private final List<InterchangeResult> interchanges;

        private final String[] values = new String[64];
        private int valueCount;
        private String segmentTag;
        private int filePosition;

        private InterchangeResult interchange;
        private GroupResult group;
        private TransactionResult transaction;
        private PurchaseOrder850Mapper mapper;
        private PurchaseOrderChange860Mapper changeMapper;
        private ReceivingAdvice861Mapper acceptanceMapper;
        private CreditAdjustment812Mapper adjustmentMapper;
        private Remittance820Mapper remittanceMapper;
        private FunctionalAck997Mapper functionalAckMapper;
        /** Where the body segments of the current set go: the segment method of its mapper, if any. */
        private SegmentMapper segments;
        private int transactionPosition;
        private String loopId;
        /** The X12 release the current group is read in. */
        private ReleaseSchemas.Release release;
        /** The loops the current segment is in, innermost last, each with the segment that began it. */
        private final java.util.ArrayDeque<TransactionResult.Loop> loops = new java.util.ArrayDeque<>();
        /** Set when the interchange is refused as a whole: its content is walked but not taken. */
        private boolean skipping;
        /** The GS06 of the interchange's groups so far: X12 wants each unique within its interchange. */
        private final java.util.Set<String> groupControlNumbers = new java.util.HashSet<>();
        /** The ST02 of the group's sets so far: X12 wants each unique within its functional group. */
        private final java.util.Set<String> setControlNumbers = new java.util.HashSet<>();

        /** The body walk through the set's compiled table; null when StAEDI validates with the schema. */
        private final TransactionWalk walk = validation == Validation.COMPILED_TABLE ? new TransactionWalk() : null;
        /**
         * The current set's table, known from ST01; null for a set the hub does not read. Like StAEDI's transaction
         * schema, it stays what the last ST01 made it for a set whose ST has none.
         */
        private TransactionTable table;
        /** The StAEDI schema the table was compiled from, for reading a doubtful set again. */
        private Schema tableSchema;
        /** Between a set's ST and whatever ends it, when the set has a table: events go to {@link #walkEvent}. */
        private boolean walking;
        /**
         * The current set as read so far, ST included, rebuilt from its events with the interchange's delimiters, and
         * the ISA and GS before it: what StAEDI reads again when the walk has a doubt.
         */
        private final SpooledText setText = new SpooledText();
        private boolean recording;
        private int recorded;
        private int recordedOccurrence;
        private int recordedComponent;
        private String isaText = "";
        /** Set from StAEDI's start of an interchange to the end of its ISA: the ISA that sets the delimiters. */
        private boolean interchangeHeader;
        private String gsText = "";
        private char elementSeparator = '*';
        private char componentSeparator = ':';
        private char repetitionSeparator = '^';
        private char segmentTerminator = '~';
        /** The first segment of the set not yet handed to its mapper because the walk had a doubt by its end. */
        private int firstUnmapped = Integer.MAX_VALUE;
        /** The file position of the set's ST. */
        private int setStart;
        /** What StAEDI reported while the set was walked, held until the walk says whether the set is read again. */
        private final List<Finding> pending = new ArrayList<>();
        /** What StAEDI threw reading again a set the file broke off in, before it came to where the file broke off. */
        private RuntimeException replayBroke;

        Pass(IntakeContext context, InterchangeListener listener, List<X12Error> fileErrors,
                List<InterchangeResult> interchanges) {
            this.context = context;
            this.listener = listener;
            this.fileErrors = fileErrors;
            this.interchanges = interchanges;
        }

        void run(InputStream in) {
            try (SpooledText spool = setText; EDIStreamReader reader = factory.createEDIStreamReader(in)) {
                while (reader.hasNext()) {
                    EDIStreamEvent event = reader.next();
                    if (walking && walkEvent(reader, event)) {
                        continue;
                    }
                    switch (event) {
                        case START_SEGMENT -> {
                            String tag = reader.getText();
                            if (walk != null && "ST".equals(tag)) {
                                setText.clear();
                                recording = true;
                            }
                            startSegment(tag);
                            if (recording) {
                                setText.append(tag);
                                recorded = 0;
                            }
                        }
                        case ELEMENT_DATA -> element(reader);
                        case END_SEGMENT -> endSegment(reader);
                        case START_LOOP -> loopStarted(reader.getReferenceCode());
                        case END_LOOP -> endLoop();
                        case START_INTERCHANGE -> interchangeHeader = true;
                        case END_TRANSACTION -> endTransaction();
                        case END_GROUP -> endGroup();
                        case END_INTERCHANGE -> endInterchange();
                        case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(finding(reader, event, false));
                        default -> {
                            // START_GROUP / START_TRANSACTION: their headers are
                            // handled when the header segment ends, with all its elements read
                        }
                    }
                }
            } catch (EDIStreamException e) {
                if (!setCutShort()) {
                    streamBroken(e.getMessage());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterchangeListener.Failure e) {
                // the listener's own failure, not the input's: the caller's transaction and retry deal with it
                throw e;
            } catch (RuntimeException e) {
                if (!setCutShort()) {
                    // StAEDI reports some malformed input as unchecked exceptions; it is still bad input
                    streamBroken(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            setCutShort();
            if (interchange != null) {
                // the file ended inside an interchange (already said if the stream broke off there)
                if (!interchange.rejected()) {
                    interchange.reject("023", new X12Error("IEA", null, null, "TRUNCATED",
                        "the file ends inside interchange " + interchange.envelope.controlNumber()
                                + " without its IEA trailer: the transmission is incomplete"));
                }
                endInterchange();
            }
        }

        private void streamBroken(String message) {
            String where = segmentTag == null ? "" : " at segment " + filePosition + " (" + segmentTag + ")";
            String reason = message == null ? "unreadable content" : message.replaceAll("\\s+", " ");
            if (interchange != null) {
                boolean eof = reason.contains("end of stream") || reason.contains("EOF") || reason.contains("end of input");
                interchange.reject(eof ? "023" : "022", new X12Error(segmentTag, null, null, eof ? "TRUNCATED" : "SYNTAX_ERROR",
                        eof ? "the file ends inside interchange " + interchange.envelope.controlNumber() + where
                                + ", without its IEA trailer: the transmission is incomplete"
                                : "the interchange cannot be read" + where + ": " + reason));
            } else {
                fileErrors.add(X12Error.file("SYNTAX_ERROR", "the file cannot be read" + where + ": " + reason));
            }
        }

        private void startSegment(String tag) {
            segmentTag = tag;
            valueCount = 0;
            filePosition++;
            if (transaction != null) {
                transactionPosition++;
                TransactionResult.Loop innermost = loops.peekLast();
                if (innermost != null && innermost.startTag == null) {
                    innermost.startTag = tag;
                    innermost.startPosition = transactionPosition;
                }
            }
        }

        private void element(EDIStreamReader reader) {
            Location location = reader.getLocation();
            String text = reader.getText();
            if (recording) {
                record(location, text);
            }
            elementValue(reader, location, text);
        }

        private void elementValue(EDIStreamReader reader, Location location, String text) {
            if (location.getElementOccurrence() > 1 || location.getComponentPosition() > 1) {
                return;
            }
            int position = location.getElementPosition();
            if (position < 1 || position >= values.length) {
                return;
            }
            TransactionResult.Loop innermost = loops.peekLast();
            if (position == 1 && innermost != null && innermost.startPosition == transactionPosition
                    && innermost.startValue == null) {
                innermost.startValue = text;
            }
            for (int i = valueCount + 1; i < position; i++) {
                values[i] = null;
            }
            values[position] = text;
            valueCount = Math.max(valueCount, position);
            if (position == 1 && "ST".equals(segmentTag)) {
                if (walk != null) {
                    tableSchema = group == null ? null : schemas.schema(text, release);
                    table = tableSchema == null ? null : schemas.table(text, release);
                    // no schema for StAEDI, but the same call: where StAEDI refuses it (an ST inside a set that never
                    // ended), it refuses it here too, and the stream breaks off where it did with the schema
                    reader.setTransactionSchema(null);
                } else {
                    // StAEDI learns the set's type only now: give it the set's schema before the body starts
                    reader.setTransactionSchema(group == null ? null : schemas.schema(text, release));
                }
            }
        }

        private String value(int position) {
            return position <= valueCount ? values[position] : null;
        }

        private void endSegment(EDIStreamReader reader) {
            switch (segmentTag) {
                case "ISA" -> {
                    if (walk != null && interchangeHeader) {
                        // an ISA inside an interchange is no header for StAEDI (it reads ISA16 as a composite)
                        delimiters(reader);
                        isaText = envelopeText("ISA");
                    }
                    interchangeHeader = false;
                    startInterchange();
                }
                case "GS" -> {
                    if (walk != null) {
                        gsText = envelopeText("GS");
                    }
                    startGroup();
                }
                case "ST" -> {
                    startTransaction();
                    if (walk != null) {
                        setText.append(segmentTerminator);
                        recording = false;
                        if (transaction != null && table != null) {
                            walk.begin(table);
                            walking = true;
                            recording = true;
                            firstUnmapped = Integer.MAX_VALUE;
                            setStart = filePosition;
                            pending.clear();
                        }
                    }
                }
                case "SE", "GE", "IEA" -> {
                    // trailers: StAEDI checks their counts and control numbers and reports errors
                }
                default -> {
                    if (segments != null) {
                        segments.segment(segmentTag, transactionPosition, values, valueCount, transaction);
                    }
                }
            }
        }

        private void startInterchange() {
            InterchangeResult.Envelope envelope = new InterchangeResult.Envelope(strip(value(1)), strip(value(5)),
                    strip(value(6)), strip(value(7)), strip(value(8)), strip(value(9)), strip(value(10)),
                    strip(value(12)), strip(value(13)), strip(value(14)), strip(value(15)));
            interchange = new InterchangeResult(envelope);
            skipping = false;
            groupControlNumbers.clear();
            PartnerProfile partner = identify(envelope, context);
            interchange.partner = partner;
            String sender = envelope.senderQualifier() + "/" + envelope.senderId();
            if (!partner.isInterchangeSender(envelope.senderQualifier(), envelope.senderId())) {
                interchange.reject("006", new X12Error("ISA", 1, 6, "SENDER_NOT_ALLOWED", "the interchange sender "
                        + sender + " (ISA05/ISA06) is not partner '" + partner.id() + "', who owns this channel and sends as "
                        + partner.isaQualifier() + "/" + partner.isaId()));
            } else if (!partner.isUnknown() && !context.us().isReceiver(envelope.receiverQualifier(), envelope.receiverId())) {
                interchange.reject("008", new X12Error("ISA", 1, 8, "UNKNOWN_RECEIVER", "the interchange is addressed to "
                        + envelope.receiverQualifier() + "/" + envelope.receiverId() + " (ISA07/ISA08); this hub is "
                        + context.us().isaQualifier() + "/" + context.us().isaId()));
            } else if (!partner.isUnknown() && !partner.mode().usageIndicator().equals(envelope.usage())) {
                // a test file must never reach fulfillment, nor a real order pass as a test: the partner's mode says
                // which kind it sends, and an interchange of the other kind is refused whole (TA105 020)
                interchange.reject("020", new X12Error("ISA", 1, 15, "WRONG_USAGE_INDICATOR", "ISA15 '"
                        + envelope.usage() + "' marks " + ("T".equals(envelope.usage()) ? "a test interchange"
                                : "P".equals(envelope.usage()) ? "a production interchange" : "neither test nor production")
                        + ", but partner '" + partner.id() + "' is in " + partner.mode().name().toLowerCase(Locale.ROOT)
                        + " mode and sends only " + partner.mode().usageIndicator() + " ("
                        + (partner.mode() == PartnerProfile.Mode.TEST ? "tests" : "production")
                        + "); nothing of it was taken. Send it again with ISA15 " + partner.mode().usageIndicator()
                        + ", or have the partner's mode changed"));
            } else if (!envelope.controlNumber().isEmpty()
                    && context.duplicates().seen(partner, envelope.controlNumber())) {
                interchange.duplicate = true;
                interchange.reject("025", new X12Error("ISA", 1, 13, "DUPLICATE_INTERCHANGE", "interchange control number "
                        + envelope.controlNumber() + " was already received from " + partner.id() + " within "
                        + partner.duplicateWindow().toDays() + " days; it is not processed again"));
            }
            skipping = interchange.rejected();
            listener.startInterchange(interchange);
        }

        private void startGroup() {
            if (interchange == null || skipping) {
                group = null;
                return;
            }
            group = new GroupResult(strip(value(1)), strip(value(6)), strip(value(8)), strip(value(2)), strip(value(3)));
            release = ReleaseSchemas.release(group.version());
            PartnerProfile partner = interchange.partner;
            if (!partner.isGroupSender(group.applicationSender())) {
                // only this group: the interchange sender and the channel, checked above, say who the partner is;
                // GS02 says which of its applications sent the group, and this profile lists the ones it may use.
                // The group's sets are still read, so that the 997 reports what else is wrong with them
                group.reject(AckCodes.invalidApplicationSender(group.version()), new X12Error("GS", filePosition, 2,
                        "GROUP_SENDER_NOT_ALLOWED", "GS02 '" + group.applicationSender() + "' is not an application "
                        + "sender id of partner '" + partner.id() + "', whose groups come from "
                        + String.join(", ", partner.groupIds()) + " (x12.group-ids)"));
            }
            setControlNumbers.clear();
            if (!group.controlNumber().isEmpty() && !groupControlNumbers.add(group.controlNumber())) {
                group.reject(AckCodes.duplicateGroupControlNumber(group.version()), new X12Error("GS", filePosition, 6, "DUPLICATE_GROUP_CONTROL_NUMBER", "group control "
                        + "number " + group.controlNumber() + " (GS06) is already used by an earlier group of interchange "
                        + interchange.envelope.controlNumber() + "; each group's must be unique within its interchange"));
            }
            if (!group.versionSupported()) {
                group.reject("2", new X12Error("GS", filePosition, 8, "VERSION_NOT_SUPPORTED", "GS08 '" + group.version()
                        + "' is not a version this hub reads: X12 003010 to 008050, with an optional suffix (004010VICS)"));
            }
            listener.startGroup(interchange, group);
        }

        private void startTransaction() {
            transactionPosition = 1;
            loopId = null;
            loops.clear();
            forgetMappers();
            if (group == null) {
                transaction = null;
                return;
            }
            transaction = new TransactionResult(strip(value(1)), strip(value(2)), strip(value(3)));
            if (!transaction.controlNumber().isEmpty() && !setControlNumbers.add(transaction.controlNumber())) {
                // AK502 23: Transaction Set Control Number Not Unique within the Functional Group; the set is still
                // read, so that the 997 reports what else is wrong with it
                transaction.reject("23", new X12Error("ST", 1, 2, "DUPLICATE_TRANSACTION_SET_CONTROL_NUMBER", "transaction "
                        + "set control number " + transaction.controlNumber() + " (ST02) is already used by an earlier set of "
                        + "group " + group.controlNumber() + "; each set's must be unique within its functional group"));
            }
            String partnerId = interchange.partner.id();
            String isa13 = interchange.envelope.controlNumber();
            switch (transaction.type()) {
                case "850" -> {
                    mapper = new PurchaseOrder850Mapper(partnerId, isa13, group.controlNumber(), transaction.controlNumber());
                    segments = mapper::segment;
                    if (!"PO".equals(group.functionalId())) {
                        // seen in real files; the set itself is what matters, so take it and tell the sender
                        transaction.warn(new X12Error("GS", null, 1, "WRONG_FUNCTIONAL_GROUP", "an 850 belongs in a PO group, "
                                + "this one came in group '" + group.functionalId() + "'"));
                    }
                }
                case "860" -> {
                    if (inGroup("PC", "an 860 purchase order change")) {
                        changeMapper = new PurchaseOrderChange860Mapper(partnerId, isa13, group.controlNumber(),
                                transaction.controlNumber());
                        segments = changeMapper::segment;
                    }
                }
                case "861" -> {
                    if (inGroup("RC", "an 861 receiving advice")) {
                        acceptanceMapper = new ReceivingAdvice861Mapper(partnerId, isa13, group.controlNumber(),
                                transaction.controlNumber());
                        segments = acceptanceMapper::segment;
                    }
                }
                case "812" -> {
                    if (inGroup("CD", "an 812 credit/debit adjustment")) {
                        adjustmentMapper = new CreditAdjustment812Mapper(partnerId, isa13, group.controlNumber(),
                                transaction.controlNumber());
                        segments = adjustmentMapper::segment;
                    }
                }
                case "820" -> {
                    if (inGroup("RA", "an 820 payment order / remittance advice")) {
                        remittanceMapper = new Remittance820Mapper(partnerId, isa13, group.controlNumber(),
                                transaction.controlNumber());
                        segments = remittanceMapper::segment;
                    }
                }
                case "997" -> {
                    if (inGroup("FA", "a 997 functional acknowledgment")) {
                        functionalAckMapper = new FunctionalAck997Mapper(group.version());
                        segments = functionalAckMapper::segment;
                    }
                }
                default -> transaction.reject("1", new X12Error("ST", 1, 1, "TRANSACTION_SET_NOT_SUPPORTED", "transaction "
                        + "set '" + transaction.type() + "' is not taken here: this hub receives 850 purchase orders, 860 "
                        + "purchase order changes, 861 receiving advices / acceptance certificates, 812 credit/debit "
                        + "adjustments, 820 remittance advices and 997 functional acknowledgments of the documents it sent"));
            }
        }

        /**
         * X12 puts a set in the group of its functional id. Unlike an 850 (see above), these sets are refused
         * outside it: the group decides how the hub answers (an FA group is never acknowledged, an RC group
         * is), so a set in the wrong one would be answered the wrong way.
         */
        private boolean inGroup(String functionalId, String what) {
            if (functionalId.equals(group.functionalId())) {
                return true;
            }
            transaction.reject("1", new X12Error("ST", 1, 1, "WRONG_FUNCTIONAL_GROUP", what + " belongs in a "
                    + functionalId + " group (GS01 = " + functionalId + "), this one came in group '"
                    + group.functionalId() + "'; it is not taken"));
            return false;
        }

        private void forgetMappers() {
            mapper = null;
            changeMapper = null;
            acceptanceMapper = null;
            adjustmentMapper = null;
            remittanceMapper = null;
            functionalAckMapper = null;
            segments = null;
        }

        private void endTransaction() {
            if (transaction == null) {
                return;
            }
            PlannedOrder order = null;
            OrderChange change = null;
            List<Acceptance> acceptances = List.of();
            List<Adjustment> adjustments = List.of();
            List<Remittance> remittances = List.of();
            ReceivedFunctionalAck functionalAck = null;
            if (mapper != null && transaction.status() != TransactionResult.Status.REJECTED) {
                order = plan(mapper.build(transaction));
            } else if (changeMapper != null && transaction.status() != TransactionResult.Status.REJECTED) {
                change = changeMapper.build(transaction);
            } else if (acceptanceMapper != null) {
                // built even when StAEDI rejected the set: it adds its own findings (a missing PRF) to the 997
                acceptances = acceptanceMapper.build(transaction);
            } else if (adjustmentMapper != null) {
                // built even when StAEDI rejected the set, like an 861's, for the mapper's own findings
                adjustments = adjustmentMapper.build(transaction);
            } else if (remittanceMapper != null) {
                // built even when StAEDI rejected the set, for the mapper's own findings (no TRN, amounts not adding up)
                remittances = remittanceMapper.build(transaction);
            } else if (functionalAckMapper != null) {
                functionalAck = functionalAckMapper.build(transaction);
            }
            if (!transaction.segmentErrors.isEmpty() && transaction.status() == TransactionResult.Status.REJECTED) {
                transaction.reject("5", null);
            }
            if (!group.errors().isEmpty() && transaction.status() != TransactionResult.Status.REJECTED) {
                // the group is refused as a whole (its sender, its control number, its version): so are its sets,
                // and the acknowledgment says so set by set instead of accepting sets of a rejected group
                transaction.reject(null, new X12Error("GS", null, null, "GROUP_REJECTED", "not taken: its functional "
                        + "group " + group.controlNumber() + " is rejected (the group's errors say why)"));
            }
            if (transaction.status() == TransactionResult.Status.REJECTED) {
                order = null;
                change = null;
                acceptances = List.of();
                adjustments = List.of();
                remittances = List.of();
                functionalAck = null;
            }
            transaction.keepLoopsOnlyForErrors();
            group.transactions.add(transaction);
            switch (transaction.type()) {
                case "860" -> listener.change(interchange, group, transaction, change);
                case "861" -> listener.acceptances(interchange, group, transaction, acceptances);
                case "812" -> listener.adjustments(interchange, group, transaction, adjustments);
                case "820" -> listener.remittances(interchange, group, transaction, remittances);
                case "997" -> listener.functionalAck(interchange, group, transaction, functionalAck);
                default -> {
                    // an 850's order goes with transaction(...) below
                }
            }
            listener.transaction(interchange, group, transaction, order);
            transaction = null;
            forgetMappers();
        }

        private PlannedOrder plan(PurchaseOrder order) {
            if (order == null) {
                return null;
            }
            try {
                return new PlannedOrder(order, ReleasePlanner.plan(order, interchange.partner.releaseExtension()));
            } catch (ReleasePlanner.ReleasePlanningException e) {
                transaction.reject("5", new X12Error("SCH", null, 6, "RELEASE_NOT_NUMBERABLE", e.getMessage()));
                return null;
            }
        }

        private void endGroup() {
            if (group != null && interchange != null) {
                interchange.groups.add(group);
                listener.endGroup(interchange, group);
            }
            group = null;
        }

        private void endInterchange() {
            if (interchange == null) {
                return;
            }
            // forgotten before the listener hears of it: whatever the listener does, an interchange ends once
            InterchangeResult ended = interchange;
            interchange = null;
            walking = false;
            recording = false;
            group = null;
            transaction = null;
            forgetMappers();
            skipping = false;
            interchanges.add(ended);
            listener.endInterchange(ended);
        }

        /** A validation error event as StAEDI reports it, its location copied when it is held for later. */
        private record Finding(EDIStreamEvent event, EDIStreamValidationError type, Location location, String text,
                String reference) {
        }

        private Finding finding(EDIStreamReader reader, EDIStreamEvent event, boolean held) {
            Location location = reader.getLocation();
            // only these two carry a text: StAEDI's getText() fails on an element occurrence error (a syntax note)
            boolean text = event == EDIStreamEvent.SEGMENT_ERROR || event == EDIStreamEvent.ELEMENT_DATA_ERROR;
            return new Finding(event, reader.getErrorType(), held ? location.copy() : location,
                    text && reader.hasText() ? reader.getText() : null, reader.getReferenceCode());
        }

        private void error(Finding finding) {
            EDIStreamEvent event = finding.event();
            EDIStreamValidationError type = finding.type();
            Location location = finding.location();
            String tag = location.getSegmentTag() != null ? location.getSegmentTag() : segmentTag;
            if (event == EDIStreamEvent.SEGMENT_ERROR && finding.text() != null) {
                tag = finding.text();
            }
            int element = location.getElementPosition();
            String text = event == EDIStreamEvent.ELEMENT_DATA_ERROR ? finding.text() : null;
            String reference = finding.reference();
            String message = AckCodes.describe(type, tag, element, reference, text);
            if (tag == null) {
                tag = "";
            }
            switch (tag) {
                case "ISA", "IEA" -> {
                    if (interchange != null) {
                        interchange.reject(AckCodes.ta1For(tag, element),
                                new X12Error(tag, null, element, type.name(), message));
                    }
                }
                case "GS", "GE" -> {
                    if (group != null) {
                        group.reject(AckCodes.ak9For(tag, element), new X12Error(tag, filePosition, element, type.name(), message));
                    } else if (interchange != null && !skipping) {
                        interchange.reject("024", new X12Error(tag, filePosition, element, type.name(), message));
                    }
                }
                case "ST", "SE" -> {
                    if (transaction != null) {
                        transaction.reject(AckCodes.ak5For(tag, element),
                                new X12Error(tag, "ST".equals(tag) ? 1 : transactionPosition, element, type.name(), message));
                    } else if (group != null) {
                        group.reject(null, new X12Error(tag, filePosition, element, type.name(), message));
                    }
                }
                default -> {
                    if (transaction != null) {
                        transactionError(type, event, tag, element, location.getComponentPosition(), reference, text, message);
                    } else if (interchange != null && !skipping) {
                        interchange.reject("022", new X12Error(tag, filePosition, null, type.name(),
                                message + " (outside any transaction set)"));
                    } else if (interchange == null) {
                        fileErrors.add(new X12Error(tag, filePosition, null, type.name(), message + " (outside any interchange)"));
                    }
                }
            }
        }

        private void transactionError(EDIStreamValidationError type, EDIStreamEvent event, String tag, int element,
                int component, String reference, String text, String message) {
            SegmentError segment = transaction.segment(tag, transactionPosition, loopId);
            if (event == EDIStreamEvent.SEGMENT_ERROR && outOfRelease(type, tag)) {
                segment.syntaxCode = AckCodes.ak3(type);
                transaction.warn(new X12Error(tag, transactionPosition, null, "SEGMENT_OF_ANOTHER_RELEASE", "segment " + tag
                        + " does not stand here in the " + transaction.type() + " of release " + release.sent()
                        + (release.newerThanFacts() ? " as far as the hub knows (it holds the segments of releases up to "
                                + release.read() + ")" : ", only in other releases")
                        + ": noted and skipped, the set is taken"));
                return;
            }
            X12Error error = new X12Error(tag, transactionPosition, event == EDIStreamEvent.SEGMENT_ERROR ? null : element,
                    type.name(), message);
            if (event == EDIStreamEvent.SEGMENT_ERROR) {
                segment.syntaxCode = AckCodes.ak3(type);
            } else {
                if (segment.syntaxCode == null) {
                    segment.syntaxCode = "8";
                }
                segment.elements.add(new SegmentError.ElementError(element, Math.max(component, 0), reference,
                        AckCodes.ak4(type), text));
            }
            transaction.reject(null, error);
        }

        /**
         * A segment the set does not have in the group's release, that is a segment of the set in another release (MTX
         * in a 004010 850), or any segment of a release newer than the facts we hold: never a reason to refuse an order.
         */
        private boolean outOfRelease(EDIStreamValidationError type, String tag) {
            return (type == EDIStreamValidationError.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET
                    || type == EDIStreamValidationError.UNEXPECTED_SEGMENT)
                    && release != null && schemas.tolerated(transaction.type(), release, tag,
                            loops.stream().map(TransactionResult.Loop::loopId).filter(java.util.Objects::nonNull).toList());
        }

        /**
         * An event inside a set's body while it is walked through the compiled table. Returns false for an event that
         * ends the walk (a control segment: SE, or GE / IEA / ST where the SE is missing) after ending it; the event is
         * then handled as any other.
         */
        private boolean walkEvent(EDIStreamReader reader, EDIStreamEvent event) throws EDIStreamException {
            switch (event) {
                case START_SEGMENT -> {
                    String tag = reader.getText();
                    Schema control = reader.getControlSchema();
                    if (control == null || control.containsSegment(tag)) {
                        endWalk(tag);
                        return false;
                    }
                    if (!pending.isEmpty()) {
                        walk.doubt();
                    }
                    walk.segment(tag, this);
                    startSegment(tag);
                    setText.append(tag);
                    recorded = 0;
                }
                case ELEMENT_DATA -> {
                    Location location = reader.getLocation();
                    String text = reader.getText();
                    record(location, text);
                    int position = location.getElementPosition();
                    int component = location.getComponentPosition();
                    // with the schema, StAEDI reports an empty value where a composite stands not at all
                    boolean silent = component <= 0 && text.isEmpty() && walk.compositeAt(position);
                    walk.element(position, component, location.getElementOccurrence(), text);
                    if (!silent) {
                        elementValue(reader, location, text);
                    }
                }
                case END_SEGMENT -> {
                    walk.endSegment();
                    setText.append(segmentTerminator);
                    if (!pending.isEmpty()) {
                        walk.doubt();
                    }
                    if (walk.doubtful()) {
                        if (firstUnmapped == Integer.MAX_VALUE) {
                            firstUnmapped = transactionPosition;
                        }
                    } else if (segments != null) {
                        segments.segment(segmentTag, transactionPosition, values, valueCount, transaction);
                    }
                }
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> pending.add(finding(reader, event, true));
                case START_COMPOSITE, END_COMPOSITE -> {
                    // the components come as element data with their positions
                }
                case END_TRANSACTION -> {
                    // a GE or IEA where the SE should be: StAEDI ends the set before that segment begins
                    endWalk(reader.getLocation().getSegmentTag());
                    return false;
                }
                default -> {
                    endWalk(null);
                    return false;
                }
            }
            return true;
        }

        /**
         * The set's body is over: a clean walk closes its loops and hands on what StAEDI reported meanwhile (the
         * trailer's own errors); a doubtful one has StAEDI read the set again with its schema, which reports all.
         *
         * @param trigger the segment that ended the body, or null when the file ended or broke off inside it
         */
        private void endWalk(String trigger) throws EDIStreamException {
            walking = false;
            recording = false;
            if (trigger != null) {
                walk.end(this);
            }
            if (walk.doubtful()) {
                pending.clear();
                replay(trigger);
            } else {
                pending.forEach(this::error);
                pending.clear();
            }
        }

        /**
         * The file ended or broke off inside a walked set. Returns true when StAEDI, reading the set again with its schema,
         * broke off earlier, which is then said instead.
         */
        private boolean setCutShort() {
            if (walking) {
                try {
                    endWalk(null);
                } catch (EDIStreamException e) {
                    // not thrown without a trigger: the main pass reports how the stream broke off
                }
            }
            if (replayBroke == null) {
                return false;
            }
            RuntimeException e = replayBroke;
            replayBroke = null;
            streamBroken(e.getClass().getSimpleName() + ": " + e.getMessage());
            return true;
        }

        /**
         * Reads the current set once more, alone in its interchange and group, with StAEDI's schema for it, from just
         * after its ST to the segment that ended it, as the reader reads with {@link Validation#STAEDI_SCHEMA}: loops,
         * errors and the mapper's segments from the first one the walk held back.
         */
        private void replay(String trigger) throws EDIStreamException {
            // the segment that ended the set, with two elements: StAEDI's lexer wants some after a trailer's tag, and
            // everything taken from the replay comes before that segment begins
            String after = trigger == null ? ""
                    : trigger + elementSeparator + "1" + elementSeparator + "1" + segmentTerminator;
            int resume = firstUnmapped;
            // where the main pass is: a stream that broke off inside a segment may leave StAEDI a segment short
            String tagRead = segmentTag;
            int fileRead = filePosition;
            int setRead = transactionPosition;
            try {
                replayFrom(setText.open(isaText + gsText, after), resume);
            } catch (EDIStreamException | RuntimeException e) {
                if (trigger != null && !(e instanceof InterchangeListener.Failure)) {
                    // StAEDI broke off inside the set with its schema: the stream breaks off there, as it would
                    // have when StAEDI read the file with the schema
                    throw e;
                }
                if (e instanceof InterchangeListener.Failure f) {
                    throw f;
                }
                if (e instanceof RuntimeException broken) {
                    // StAEDI with the schema breaks off before the end the file breaks off at: that is what it reported
                    replayBroke = broken;
                    return;
                }
                // the file broke off inside the set: the main pass says where
            }
            segmentTag = tagRead;
            filePosition = fileRead;
            transactionPosition = setRead;
        }

        private void replayFrom(java.io.InputStream text, int resume) throws EDIStreamException {
            transactionPosition = 1;
            filePosition = setStart;
            segmentTag = "ST";
            loopId = null;
            loops.clear();
            transaction.loops.clear();
            try (java.io.InputStream in = text; EDIStreamReader again = factory.createEDIStreamReader(in, "UTF-8")) {
                boolean body = false;
                String tag = null;
                while (again.hasNext()) {
                    EDIStreamEvent event = again.next();
                    if (!body) {
                        if (event == EDIStreamEvent.START_SEGMENT) {
                            tag = again.getText();
                            if ("ST".equals(tag)) {
                                // the schema the table came from (the last ST01's, as StAEDI keeps it)
                                again.setTransactionSchema(tableSchema);
                            }
                        } else if (event == EDIStreamEvent.END_SEGMENT && "ST".equals(tag)) {
                            body = true;
                        }
                        continue;
                    }
                    switch (event) {
                        case START_SEGMENT -> {
                            String t = again.getText();
                            if (again.getControlSchema() == null || again.getControlSchema().containsSegment(t)) {
                                return;
                            }
                            startSegment(t);
                        }
                        case ELEMENT_DATA -> elementValue(again, again.getLocation(), again.getText());
                        case END_SEGMENT -> {
                            if (segments != null && transactionPosition >= resume) {
                                segments.segment(segmentTag, transactionPosition, values, valueCount, transaction);
                            }
                        }
                        case START_LOOP -> loopStarted(again.getReferenceCode());
                        case END_LOOP -> endLoop();
                        case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(finding(again, event, false));
                        case END_TRANSACTION, END_GROUP, END_INTERCHANGE -> {
                            return;
                        }
                        default -> {
                            // composites: their components come as element data
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Appends one element value to the recorded set, with the separators its position, repeat and component need. */
        private void record(Location location, String text) {
            int position = location.getElementPosition();
            int occurrence = Math.max(location.getElementOccurrence(), 1);
            int component = Math.max(location.getComponentPosition(), 1);
            SpooledText b = setText;
            if (position != recorded) {
                for (int i = recorded; i < position; i++) {
                    b.append(elementSeparator);
                }
                recorded = position;
                recordedOccurrence = 1;
                recordedComponent = 1;
            }
            if (occurrence != recordedOccurrence) {
                for (int i = recordedOccurrence; i < occurrence; i++) {
                    b.append(repetitionSeparator);
                }
                recordedOccurrence = occurrence;
                recordedComponent = 1;
            }
            for (int i = recordedComponent; i < component; i++) {
                b.append(componentSeparator);
            }
            recordedComponent = component;
            b.append(text);
        }

        private void delimiters(EDIStreamReader reader) {
            java.util.Map<String, Character> d = reader.getDelimiters();
            elementSeparator = d.getOrDefault(io.xlate.edi.stream.EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
            componentSeparator = d.getOrDefault(io.xlate.edi.stream.EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, ':');
            Character repetition = d.get(io.xlate.edi.stream.EDIStreamConstants.Delimiters.REPETITION);
            repetitionSeparator = repetition == null ? '^' : repetition;
            segmentTerminator = d.getOrDefault(io.xlate.edi.stream.EDIStreamConstants.Delimiters.SEGMENT, '~');
        }

        /** An ISA or GS as read, from its values. */
        private String envelopeText(String tag) {
            StringBuilder b = new StringBuilder(tag);
            for (int i = 1; i <= valueCount; i++) {
                b.append(elementSeparator).append(values[i] == null ? "" : values[i]);
            }
            return b.append(segmentTerminator).toString();
        }

        @Override
        public void loopStarted(String code) {
            loopId = code;
            startLoop(code);
        }

        @Override
        public void loopEnded() {
            endLoop();
        }

        /** A loop of the current set begins: noted in the set (its first segment fills it in as it comes). */
        private void startLoop(String code) {
            if (transaction == null) {
                return;
            }
            TransactionResult.Loop loop = new TransactionResult.Loop(code);
            loops.addLast(loop);
            if (transaction.loops.size() < TransactionResult.MAX_LOOPS) {
                transaction.loops.add(loop);
            }
        }

        private void endLoop() {
            TransactionResult.Loop loop = loops.pollLast();
            if (loop != null) {
                loop.endPosition = transactionPosition;
            }
        }

        private String strip(String s) {
            return s == null ? "" : s.strip();
        }
    }

    /** The one method the set mappers share: take the next body segment of the set. */
    @FunctionalInterface
    private interface SegmentMapper {

        void segment(String tag, int position, String[] values, int count, TransactionResult transaction);
    }
}

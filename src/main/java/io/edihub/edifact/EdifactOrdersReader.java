package io.edihub.edifact;

import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.edifact.EdifactInterchange.Message;
import io.edihub.edifact.EdifactInterchange.Status;
import io.edihub.edifact.EdifactInterchange.SyntaxError;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;

/**
 * Reads a UN/EDIFACT interchange of ORDERS D96A messages into canonical purchase orders.
 *
 * <ol>
 * <li>The envelope is checked on the plain segments first (UNB at the start, UNZ at the end, UNH/UNT pairs,
 * the UNT segment counts and UNZ message count, matching references, ORDERS D:96A:UN messages). A file that
 * is no EDIFACT, is cut off, or has other messages is not handed to Smooks at all.</li>
 * <li>Smooks (EDI cartridge, ORDERS D96A DFDL schema, see {@code SmooksParser})
 * reads the interchange into XML, which {@link InterchangeXml} and {@link OrdersMapper} turn into orders.</li>
 * <li>When Smooks fails, its error names where Daffodil's backtracking ended, not the bad segment: the hub
 * takes the furthest byte Daffodil reached, finds that segment, and looks from there to the end of the
 * message for the first value D96A types as a number that is none, or a segment ORDERS does not have. If it
 * finds nothing, it reports the structure error at that segment.</li>
 * </ol>
 * Any error refuses the whole interchange (DESIGN §2). Reading never throws for bad input; it is thread-safe,
 * and after the first call (which waits for Daffodil to compile the schema) it is cheap to call.
 */
public final class EdifactOrdersReader {

    private static final Pattern NUMBER = Pattern.compile("-?(\\d+([.,]\\d*)?|[.,]\\d+)");

    public EdifactOrdersReader() {
    }

    /** Makes Smooks compile its schema now rather than on the first interchange (it takes seconds). */
    public void warmUp() {
        SmooksParser.shared().warmUp();
    }

    public EdifactInterchange read(String fileName, byte[] content, String partnerId) {
        byte[] bytes = normalize(content == null ? new byte[0] : content);
        RawInterchange raw = RawInterchange.scan(bytes, StandardCharsets.UTF_8);
        Envelope envelope = new Envelope(fileName, raw);
        List<Finding> findings = new ArrayList<>();
        List<PurchaseOrder> orders = new ArrayList<>();
        boolean readable = envelope.check(findings);
        if (readable) {
            // outside the try: a Smooks parser that cannot start is the hub's fault, not the sender's
            SmooksParser smooks = SmooksParser.shared();
            try {
                parse(smooks, fileName, partnerId, bytes, raw, envelope, findings, orders);
            } catch (RuntimeException e) {
                findings.add(Finding.interchange("interchange " + envelope.reference, "UNREADABLE",
                        "the hub could not read the interchange: " + e, "18", "UNB", 0));
            }
        }
        return envelope.result(findings, orders);
    }

    private static void parse(SmooksParser smooks, String fileName, String partnerId, byte[] bytes, RawInterchange raw,
            Envelope envelope, List<Finding> findings, List<PurchaseOrder> orders) {
        String xml;
        try {
            xml = smooks.toXml(bytes);
        } catch (SmooksParser.ParseFailure failure) {
            findings.add(diagnose(raw, smooks.schema(), failure));
            return;
        }
        try {
            int[] index = {0};
            InterchangeXml.read(xml, segments -> {
                String reference = index[0] < envelope.messages.size() ? envelope.messages.get(index[0]).reference : null;
                index[0]++;
                PurchaseOrder order = new OrdersMapper(partnerId, fileName, envelope.reference, reference, findings)
                        .map(segments);
                if (order != null) {
                    orders.add(order);
                }
            });
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("Smooks' XML cannot be read: " + e.getMessage(), e);
        }
    }

    /** Maps a Smooks error to the segment it is about (see the class comment). */
    static Finding diagnose(RawInterchange raw, OrdersSchema schema, SmooksParser.ParseFailure failure) {
        RawInterchange.Segment stop = raw.segmentAt(Math.max(0, failure.furthestByte()));
        Context at = Context.of(raw, stop);
        String smooksSays = failure.getMessage().length() > 160 ? failure.getMessage().substring(0, 160) + "..." : failure.getMessage();
        if (at.messageReference != null) {
            String stoppedAt = "Smooks stopped reading the message at segment " + at.position + " " + stop.tag();
            for (int i = stop.index() - 1; i < raw.segments.size(); i++) {
                RawInterchange.Segment s = raw.segments.get(i);
                if (s.tag().equals("UNT") || s.tag().equals("UNZ")) {
                    break;
                }
                Context c = Context.of(raw, s);
                if (!schema.inOrders(s.tag()) && !s.tag().equals("UNH")) {
                    return Finding.segment(c.messageReference, c.location(s), "UNKNOWN_SEGMENT", "segment " + s.tag()
                            + " is not part of an ORDERS D96A message (" + stoppedAt + ")", "15", s.tag(), c.position, 0, 0);
                }
                Finding number = badNumber(schema, s, c, stoppedAt);
                if (number != null) {
                    return number;
                }
            }
            return Finding.segment(at.messageReference, at.location(stop), "STRUCTURE", "Smooks cannot read the"
                    + " message as ORDERS D96A from this segment on: it is out of place, repeated more often than D96A"
                    + " allows, or a value in it does not fit (" + smooksSays + ")", "15", stop.tag(), at.position, 0, 0);
        }
        return Finding.interchange("segment " + stop.tag() + " (interchange)", "STRUCTURE", "Smooks cannot read the"
                + " interchange envelope here (" + smooksSays + ")", "15", stop.tag(), 0);
    }

    private static Finding badNumber(OrdersSchema schema, RawInterchange.Segment s, Context c, String stoppedAt) {
        for (int e = 1; e < s.elements().size(); e++) {
            List<String> components = s.elements().get(e);
            for (int k = 1; k <= components.size(); k++) {
                String value = components.get(k - 1);
                if (value.isEmpty()) {
                    continue;
                }
                boolean numeric = components.size() == 1 && schema.isNumeric(s.tag(), e, 0) || schema.isNumeric(s.tag(), e, k);
                if (numeric && !NUMBER.matcher(value).matches()) {
                    return Finding.segment(c.messageReference, c.location(s), "INVALID_NUMBER", String.format(
                            "%s element %d%s '%s' is not a number (%s)", s.tag(), e,
                            components.size() > 1 ? " component " + k : "", value, stoppedAt), "37", s.tag(), c.position, e,
                            components.size() > 1 ? k : 0);
                }
            }
        }
        return null;
    }

    /** Where a plain segment is: its message, its position there (UNH = 1), its line (the LIN before it). */
    private record Context(String messageReference, int position, String line) {

        static Context of(RawInterchange raw, RawInterchange.Segment s) {
            String line = null;
            for (int i = s.index() - 1; i >= 0; i--) {
                RawInterchange.Segment p = raw.segments.get(i);
                if (p.tag().equals("LIN") && line == null) {
                    line = p.value(1, 1);
                } else if (p.tag().equals("UNH")) {
                    return new Context(p.value(1, 1), s.index() - p.index() + 1, line);
                } else if (p != s && p.tag().equals("UNT") || p.tag().equals("UNB")) {
                    break;
                }
            }
            return new Context(null, 0, null);
        }

        String location(RawInterchange.Segment s) {
            return Finding.location(position, s.tag(), messageReference, line);
        }
    }

    /** The interchange's envelope as the plain segments show it, and the checks on it. */
    private static final class Envelope {

        final String fileName;
        final RawInterchange raw;
        final RawInterchange.Segment unb;
        final String reference;
        final List<RawMessage> messages = new ArrayList<>();

        Envelope(String fileName, RawInterchange raw) {
            this.fileName = fileName;
            this.raw = raw;
            this.unb = raw.segments.isEmpty() || !raw.segments.get(0).tag().equals("UNB") ? null : raw.segments.get(0);
            this.reference = unb == null ? null : unb.value(5, 1);
        }

        /** Adds the envelope's errors; false when Smooks should not even try. */
        boolean check(List<Finding> findings) {
            if (unb == null) {
                findings.add(Finding.interchange("start of file", "NOT_EDIFACT", "the file does not start with UNA or"
                        + " UNB: it is not an EDIFACT interchange", "13", "UNB", 0));
                return false;
            }
            String version = unb.value(1, 2);
            boolean readable = true;
            if (!"3".equals(version) && !"4".equals(version)) {
                findings.add(Finding.interchange("segment UNB (interchange " + reference + ")", "SYNTAX_VERSION_UNSUPPORTED",
                        "UNB syntax version " + version + " is not one the hub reads (3 or 4)", "2", "UNB", 1));
                readable = false;
            }
            RawMessage open = null;
            RawInterchange.Segment unz = null;
            for (RawInterchange.Segment s : raw.segments) {
                switch (s.tag()) {
                    case "UNH" -> {
                        if (open != null) {
                            open.unterminated(findings);
                            readable = false;
                        }
                        open = new RawMessage(s);
                        messages.add(open);
                        readable &= open.checkType(findings);
                    }
                    case "UNT" -> {
                        if (open != null) {
                            open.close(s, findings);
                            open = null;
                        }
                    }
                    case "UNZ" -> unz = s;
                    default -> {
                        if (open != null) {
                            open.count++;
                        }
                    }
                }
            }
            RawInterchange.Segment last = raw.segments.get(raw.segments.size() - 1);
            if (unz == null || unz != last || !last.terminated()) {
                Context c = Context.of(raw, last);
                String where = c.messageReference != null ? c.location(last) : "segment " + last.tag() + " (interchange " + reference + ")";
                findings.add(Finding.interchange(where, "TRUNCATED", "the interchange ends after this segment without"
                        + (open != null ? " its UNT and" : "") + " UNZ: the file was cut off", "13", "UNZ", 0));
                return false;
            }
            String count = unz.value(1, 1);
            if (!String.valueOf(messages.size()).equals(stripZeros(count))) {
                findings.add(Finding.interchange("segment UNZ (interchange " + reference + ")", "MESSAGE_COUNT_MISMATCH",
                        "UNZ 0036 says " + count + " messages, the interchange has " + messages.size(), "29", "UNZ", 1));
            }
            if (!Objects.equals(reference, unz.value(2, 1))) {
                findings.add(Finding.interchange("segment UNZ (interchange " + reference + ")", "REFERENCE_MISMATCH",
                        "UNZ 0020 " + unz.value(2, 1) + " does not match UNB 0020 " + reference, "28", "UNZ", 2));
            }
            if (messages.isEmpty()) {
                findings.add(Finding.interchange("segment UNB (interchange " + reference + ")", "NO_MESSAGES",
                        "the interchange holds no message", "13", "UNH", 0));
                readable = false;
            }
            return readable;
        }

        EdifactInterchange result(List<Finding> findings, List<PurchaseOrder> orders) {
            boolean refused = !findings.isEmpty();
            List<Message> result = new ArrayList<>();
            for (RawMessage m : messages) {
                SyntaxError messageError = null;
                List<SyntaxError> segmentErrors = new ArrayList<>();
                for (Finding f : findings) {
                    if (m.reference != null && m.reference.equals(f.messageReference())) {
                        if (f.messageLevel()) {
                            messageError = messageError == null ? f.pin() : messageError;
                        } else {
                            segmentErrors.add(f.pin());
                        }
                    }
                }
                result.add(new Message(m.reference, m.type, m.version, m.release, m.agency,
                        refused ? Status.REJECTED : Status.ACCEPTED, messageError, segmentErrors));
            }
            SyntaxError interchangeError = findings.stream().filter(f -> f.messageReference() == null)
                    .map(Finding::pin).findFirst().orElse(null);
            List<InputError> errors = findings.stream().map(Finding::error).toList();
            return new EdifactInterchange(fileName, value(2, 1), value(2, 2), value(3, 1), value(3, 2), reference,
                    value(1, 1), value(1, 2), "1".equals(value(11, 1)), result, refused ? List.of() : orders, errors,
                    interchangeError);
        }

        private String value(int element, int component) {
            return unb == null ? null : unb.value(element, component);
        }
    }

    /** A message as the plain segments show it: UNH, the segments counted, UNT. */
    private static final class RawMessage {

        final RawInterchange.Segment unh;
        final String reference;
        final String type;
        final String version;
        final String release;
        final String agency;
        int count = 1;

        RawMessage(RawInterchange.Segment unh) {
            this.unh = unh;
            this.reference = unh.value(1, 1);
            this.type = unh.value(2, 1);
            this.version = unh.value(2, 2);
            this.release = unh.value(2, 3);
            this.agency = unh.value(2, 4);
        }

        boolean checkType(List<Finding> findings) {
            if (!"ORDERS".equals(type) || !"D".equals(version) || !"96A".equals(release) || !"UN".equals(agency)) {
                findings.add(Finding.message(reference, Finding.location(1, "UNH", reference, null),
                        "MESSAGE_TYPE_UNSUPPORTED", "message " + String.join(":", Arrays.asList(type, version, release, agency))
                        + " is not one the hub reads here (ORDERS:D:96A:UN)", "14", "UNH", 2));
                return false;
            }
            return true;
        }

        void close(RawInterchange.Segment unt, List<Finding> findings) {
            count++;
            String declared = unt.value(1, 1);
            String location = Finding.location(count, "UNT", reference, null);
            if (!String.valueOf(count).equals(stripZeros(declared))) {
                findings.add(Finding.message(reference, location, "SEGMENT_COUNT_MISMATCH", "UNT 0074 says " + declared
                        + " segments, the message has " + count + " (UNH to UNT)", "29", "UNT", 1));
            }
            if (!Objects.equals(reference, unt.value(2, 1))) {
                findings.add(Finding.message(reference, location, "REFERENCE_MISMATCH", "UNT 0062 " + unt.value(2, 1)
                        + " does not match UNH 0062 " + reference, "28", "UNT", 2));
            }
        }

        void unterminated(List<Finding> findings) {
            findings.add(Finding.message(reference, Finding.location(count, "UNH", reference, null), "UNT_MISSING",
                    "the message has no UNT before the next UNH", "13", "UNT", 0));
        }
    }

    private static String stripZeros(String number) {
        if (number == null) {
            return null;
        }
        return number.replaceFirst("^0+(?=\\d)", "");
    }

    /** Drops a UTF-8 byte order mark and re-encodes the interchange's character set (UNB 0001) as UTF-8. */
    private static byte[] normalize(byte[] content) {
        byte[] bytes = content;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        Charset charset = RawInterchange.charsetOf(RawInterchange.sniffSyntaxId(bytes));
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            return bytes;
        }
        return new String(bytes, charset).getBytes(StandardCharsets.UTF_8);
    }
}

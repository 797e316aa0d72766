package io.edihub.document;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a file that is not text the hub reads looks like, in words a partner can act on: UTF-16 or UTF-32, EBCDIC
 * that is no X12 interchange, an archive, a PDF, an image, or bytes that are no text at all; always with its first
 * bytes in hex, never the garbled characters they would make as text. The hub reads ASCII and UTF-8, and X12 in
 * EBCDIC (cp037 / cp500).
 */
public final class UnreadableInput {

    private static final int HEX_BYTES = 16;
    private static final int SNIFF = 512;
    private static final Charset CP037 = Charset.forName("IBM037");

    private UnreadableInput() {
    }

    /**
     * Why {@code content} cannot be read as text, starting "the file ...", or empty when it is ASCII or UTF-8 text
     * (of whatever format).
     */
    public static Optional<String> describe(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        String what = kind(content);
        return what == null ? Optional.empty() : Optional.of("the file " + what + " (its first bytes, in hex: "
                + hex(content) + ")");
    }

    private static String kind(byte[] c) {
        if (startsWith(c, 0xFF, 0xFE, 0x00, 0x00) || startsWith(c, 0x00, 0x00, 0xFE, 0xFF)) {
            return "is UTF-32 text (it starts with a UTF-32 byte order mark): the hub reads ASCII or UTF-8 only, so "
                    + "save or send it as UTF-8";
        }
        if (startsWith(c, 0xFF, 0xFE) || startsWith(c, 0xFE, 0xFF)) {
            return "is UTF-16 text (" + (c[0] == (byte) 0xFF ? "little" : "big") + "-endian, with a byte order mark): the "
                    + "hub reads ASCII or UTF-8 only, so save or send it as UTF-8";
        }
        if (c.length >= 4 && c[0] != 0 && c[1] == 0 && c[2] != 0 && c[3] == 0
                || c.length >= 4 && c[0] == 0 && c[1] != 0 && c[2] == 0 && c[3] != 0) {
            return "looks like UTF-16 text without a byte order mark (every other byte is 0): the hub reads ASCII or "
                    + "UTF-8 only, so save or send it as UTF-8";
        }
        if (startsWith(c, 'P', 'K', 0x03, 0x04) || startsWith(c, 'P', 'K', 0x05, 0x06)) {
            return "is a ZIP archive (or a file kept as one, like .xlsx or .docx), not a document the hub reads: send "
                    + "the X12, EDIFACT, JSON or CSV file itself, unpacked";
        }
        if (startsWith(c, 0x1F, 0x8B)) {
            return "is gzip-compressed: send the X12, EDIFACT, JSON or CSV file itself, uncompressed";
        }
        if (startsWith(c, '%', 'P', 'D', 'F')) {
            return "is a PDF document: the hub reads X12, EDIFACT, JSON and CSV, not printed forms";
        }
        if (startsWith(c, 0x89, 'P', 'N', 'G') || startsWith(c, 0xFF, 0xD8, 0xFF)) {
            return "is an image (" + (c[0] == (byte) 0x89 ? "PNG" : "JPEG") + "): the hub reads X12, EDIFACT, JSON and CSV";
        }
        if (startsWith(c, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "is a Microsoft Office document of the old kind (.xls, .doc): export the order as CSV (UTF-8) instead";
        }
        String ebcdic = ebcdic(c);
        if (ebcdic != null) {
            return ebcdic;
        }
        int end = Math.min(c.length, SNIFF);
        for (int i = 0; i < end; i++) {
            int b = c[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7F) {
                return String.format("is not text: it holds the control byte 0x%02X at offset %d, as binary data does", b, i);
            }
        }
        int bad = firstNonUtf8(c, end);
        if (bad >= 0) {
            return String.format("is not UTF-8 text: the byte 0x%02X at offset %d is no UTF-8 (Latin-1 or Windows-1252 "
                    + "text does this with accented letters): the hub reads ASCII or UTF-8 only, so save or send it as "
                    + "UTF-8", c[bad] & 0xFF, bad);
        }
        return null;
    }

    /**
     * EBCDIC by its first characters: after EBCDIC spaces and record ends, letters or digits in EBCDIC (bytes 0x81 and
     * up, where ASCII has none), and mostly EBCDIC text after them.
     */
    private static String ebcdic(byte[] c) {
        int i = 0;
        while (i < c.length && (c[i] == 0x40 || c[i] == 0x15 || c[i] == 0x25 || c[i] == 0x0D || c[i] == 0x05)) {
            i++;
        }
        int end = Math.min(c.length, i + 64);
        if (end - i < 3 || !isEbcdicAlphanumeric(c[i]) || !isEbcdicAlphanumeric(c[i + 1])) {
            return null;
        }
        int text = 0;
        for (int j = i; j < end; j++) {
            int b = c[j] & 0xFF;
            if (b >= 0x40 && b != 0xFF || b == 0x15 || b == 0x25) {
                text++;
            }
        }
        if (text * 10 < (end - i) * 9) {
            return null;
        }
        String start = printable(new String(c, i, Math.min(24, end - i), CP037));
        boolean edifact = start.startsWith("UNA") || start.startsWith("UNB");
        return "looks like EBCDIC (IBM cp037/cp500): read as EBCDIC it starts '" + start + "'. The hub reads EBCDIC "
                + "only for X12 interchanges (starting ISA); " + (edifact
                        ? "EDIFACT must come in ASCII or UTF-8 (UNOA to UNOY), so send it in one of them"
                        : "anything else must come in ASCII or UTF-8");
    }

    private static boolean isEbcdicAlphanumeric(byte b) {
        int v = b & 0xFF;
        return v >= 0x81 && v <= 0x89 || v >= 0x91 && v <= 0x99 || v >= 0xA2 && v <= 0xA9 || v >= 0xC1 && v <= 0xC9
                || v >= 0xD1 && v <= 0xD9 || v >= 0xE2 && v <= 0xE9 || v >= 0xF0 && v <= 0xF9;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(ch >= 0x20 && ch < 0x7F ? ch : '.');
        }
        return sb.toString();
    }

    /** The offset of the first byte that breaks UTF-8 within {@code end}, or -1 (a character cut at the end is fine). */
    private static int firstNonUtf8(byte[] c, int end) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(c, 0, end);
        var result = decoder.decode(in, java.nio.CharBuffer.allocate(end), true);
        if (result.isMalformed() && in.position() + result.length() <= end
                && (end == c.length || in.position() + 4 < end)) {
            return in.position();
        }
        return -1;
    }

    private static boolean startsWith(byte[] c, int... prefix) {
        if (c.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((c[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(HEX_BYTES, c.length); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02X", c[i] & 0xFF));
        }
        return c.length > HEX_BYTES ? sb + " ..." : sb.toString();
    }
}

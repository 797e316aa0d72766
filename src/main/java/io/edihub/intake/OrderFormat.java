package io.edihub.intake;

import java.nio.charset.StandardCharsets;

/** The format of a customer's order document, recognised by its content (never by its file name). */
public enum OrderFormat {
    X12, EDIFACT, JSON, CSV, UNKNOWN;

    /** How far a CSV header line is looked for: a header longer than this is not one. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    /**
     * Recognises a document by its first characters, after a UTF-8 byte order mark and whitespace:
     * {@code ISA} is X12, {@code UNA} / {@code UNB} EDIFACT, <code>{</code> or {@code [} JSON, and a first
     * line that reads as a CSV header with a {@code po_number} column a CSV order.
     */
    public static OrderFormat detect(byte[] content) {
        if (content == null) {
            return UNKNOWN;
        }
        int start = startOfContent(content);
        if (start >= content.length) {
            return UNKNOWN;
        }
        if (startsWith(content, start, "ISA")) {
            return X12;
        }
        if (startsWith(content, start, "UNA") || startsWith(content, start, "UNB")) {
            return EDIFACT;
        }
        byte first = content[start];
        if (first == '{' || first == '[') {
            return JSON;
        }
        int end = start;
        int limit = Math.min(content.length, start + MAX_HEADER_BYTES);
        while (end < limit && content[end] != '\n' && content[end] != '\r') {
            end++;
        }
        if (end == limit && limit < content.length) {
            return UNKNOWN;
        }
        String firstLine = new String(content, start, end - start, StandardCharsets.UTF_8);
        return CsvOrderReader.isOrderHeader(firstLine) ? CSV : UNKNOWN;
    }

    /** The index of the first character that is neither a UTF-8 byte order mark nor whitespace. */
    static int startOfContent(byte[] content) {
        int i = hasUtf8Bom(content) ? 3 : 0;
        while (i < content.length && isWhitespace(content[i])) {
            i++;
        }
        return i;
    }

    static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
    }

    private static boolean startsWith(byte[] content, int at, String prefix) {
        if (content.length - at < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (content[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

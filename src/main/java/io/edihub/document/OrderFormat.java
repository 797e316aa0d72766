package io.edihub.document;


import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The format of a document a customer sends, recognised by its content (never by its file name): orders
 * (X12, EDIFACT, JSON, CSV), acceptances of delivered releases (JSON, CSV), credit/debit adjustments of our
 * invoices (JSON, CSV) and remittances of payments to us (JSON, CSV).
 */
public enum OrderFormat {
    X12, EDIFACT,
    /** A JSON purchase order, or a list of them. */
    JSON,
    /** A CSV purchase order. */
    CSV,
    /** A JSON acceptance of a release: handled by the billing intake, not as an order. */
    ACCEPTANCE_JSON,
    /** A CSV acceptance of releases: handled by the billing intake, not as an order. */
    ACCEPTANCE_CSV,
    /** A JSON credit/debit adjustment of one of our invoices (the JSON form of an 812): a claim, not an order. */
    ADJUSTMENT_JSON,
    /** A CSV of credit/debit adjustments of our invoices (the CSV form of 812s): claims, not orders. */
    ADJUSTMENT_CSV,
    /** A JSON remittance: a customer's payment and the invoices it pays (the JSON form of an 820), not an order. */
    REMITTANCE_JSON,
    /** A CSV of remittances (the CSV form of 820s): payments, not orders. */
    REMITTANCE_CSV,
    UNKNOWN;

    /** How far a CSV header line is looked for: a header longer than this is not one. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    // the names the acceptance readers (io.edihub.billing) and the CSV order reader read by; tests keep them in step
    private static final String ACCEPTANCE_ID_FIELD = "acceptanceId";
    private static final String ACCEPTANCE_ID_COLUMN = "acceptance_id";
    // the names the adjustment readers read by
    private static final String ADJUSTMENT_NUMBER_FIELD = "adjustmentNumber";
    private static final String ADJUSTMENT_NUMBER_COLUMN = "adjustment_number";
    // the names the remittance readers read by
    private static final String TRACE_NUMBER_FIELD = "traceNumber";
    private static final String TRACE_NUMBER_COLUMN = "trace_number";
    private static final String PO_NUMBER_COLUMN = CsvOrderReader.Column.PO_NUMBER.header;

    /**
     * Recognises a document by its first characters, after a UTF-8 byte order mark and whitespace:
     * <ul>
     * <li>{@code ISA}: X12, in ASCII or in EBCDIC (cp037 / cp500, after EBCDIC spaces and record ends), which the X12
     *     reader decodes; {@code UNA} or {@code UNB}: EDIFACT;
     * <li><code>{</code> with an {@code acceptanceId} field at the top level: an acceptance in JSON; with an
     *     {@code adjustmentNumber} field there: an adjustment in JSON; with a {@code traceNumber} field there: a
     *     remittance in JSON (whichever of the three comes first decides); any other <code>{</code> or {@code [}: a JSON
     *     order (or a list of them);
     * <li>a first line that reads as a CSV header naming an {@code acceptance_id} column: an acceptance in
     *     CSV (it names a {@code po_number} column too); else naming an {@code adjustment_number} column:
     *     adjustments in CSV; else naming a {@code trace_number} column: remittances in CSV; else naming a
     *     {@code po_number} column: a CSV order.
     * </ul>
     */
    public static OrderFormat detect(byte[] content) {
        if (content == null) {
            return UNKNOWN;
        }
        int start = startOfContent(content);
        if (start >= content.length) {
            return UNKNOWN;
        }
        if (startsWith(content, start, "ISA") || isEbcdicIsa(content)) {
            return X12;
        }
        if (startsWith(content, start, "UNA") || startsWith(content, start, "UNB")) {
            return EDIFACT;
        }
        byte first = content[start];
        if (first == '{' || first == '[') {
            if (first == '[') {
                return JSON;
            }
            String field = JsonInput.firstTopLevelField(content, ACCEPTANCE_ID_FIELD, ADJUSTMENT_NUMBER_FIELD,
                    TRACE_NUMBER_FIELD);
            return ACCEPTANCE_ID_FIELD.equals(field) ? ACCEPTANCE_JSON
                    : ADJUSTMENT_NUMBER_FIELD.equals(field) ? ADJUSTMENT_JSON
                    : TRACE_NUMBER_FIELD.equals(field) ? REMITTANCE_JSON : JSON;
        }
        int end = start;
        int limit = Math.min(content.length, start + MAX_HEADER_BYTES);
        while (end < limit && content[end] != '\n' && content[end] != '\r') {
            end++;
        }
        if (end == limit && limit < content.length) {
            return UNKNOWN;
        }
        List<String> columns = CsvInput.headerNames(new String(content, start, end - start, StandardCharsets.UTF_8));
        if (columns.contains(ACCEPTANCE_ID_COLUMN)) {
            return ACCEPTANCE_CSV;
        }
        if (columns.contains(ADJUSTMENT_NUMBER_COLUMN)) {
            return ADJUSTMENT_CSV;
        }
        if (columns.contains(TRACE_NUMBER_COLUMN)) {
            return REMITTANCE_CSV;
        }
        return columns.contains(PO_NUMBER_COLUMN) ? CSV : UNKNOWN;
    }

    /**
     * Why a document holds nothing to read, in words that follow "the file" or "the body": it is empty, or
     * holds only whitespace (after a byte order mark, if any). Empty when there is something to read.
     */
    public static Optional<String> nothingIn(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.of("is empty (0 bytes)");
        }
        if (startOfContent(content) < content.length) {
            return Optional.empty();
        }
        return Optional.of("holds only " + (CsvInput.hasUtf8Bom(content) ? "a byte order mark and " : "") + "whitespace ("
                + content.length + (content.length == 1 ? " byte" : " bytes") + " of spaces, tabs or line ends)");
    }

    /** "ISA" in EBCDIC (the same bytes in cp037 and cp500), after EBCDIC spaces, tabs and record ends (NL, LF, CR). */
    private static boolean isEbcdicIsa(byte[] content) {
        int i = 0;
        while (i < content.length && (content[i] == 0x40 || content[i] == 0x05 || content[i] == 0x15 || content[i] == 0x25
                || content[i] == 0x0D)) {
            i++;
        }
        return content.length - i >= 3 && content[i] == (byte) 0xC9 && content[i + 1] == (byte) 0xE2
                && content[i + 2] == (byte) 0xC1;
    }

    /** The index of the first character that is neither a UTF-8 byte order mark nor whitespace. */
    static int startOfContent(byte[] content) {
        int i = CsvInput.hasUtf8Bom(content) ? 3 : 0;
        while (i < content.length && isWhitespace(content[i])) {
            i++;
        }
        return i;
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

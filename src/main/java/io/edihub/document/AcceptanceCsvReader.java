package io.edihub.document;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a customer's acceptance as CSV, or says precisely what is wrong with it, by row and column.
 *
 * <p>The layout: a header row naming the columns ({@value #HEADER}; any order, case, spaces and hyphens in
 * names do not matter; {@code accepted}, {@code returned}, {@code disputed}, {@code unit}, {@code condition}
 * and {@code reason} may be left out), then one row per order line judged. A file holds one acceptance
 * (one {@code acceptance_id} on every row), which may cover several releases: it becomes one
 * {@link Acceptance} per release, in the order the releases first appear. A release's {@code po_number}
 * and {@code accepted_on} are the same on all its rows (a blank cell means "as on the other rows"). A blank
 * quantity is zero. The same CSV dialects as orders: UTF-8 with or without a byte order mark, CRLF or LF,
 * comma, semicolon or tab. Thread-safe.
 */
public final class AcceptanceCsvReader extends SizeLimitedReader<AcceptanceDocument> {

    /** The columns, in the order the hub writes them. */
    public static final String HEADER =
            "acceptance_id,po_number,release_id,accepted_on,line_number,accepted,returned,disputed,unit,condition,reason";

    private static final String ACCEPTANCE_ID = "acceptance_id";
    private static final String PO_NUMBER = "po_number";
    private static final String RELEASE_ID = "release_id";
    private static final String ACCEPTED_ON = "accepted_on";
    private static final String LINE_NUMBER = "line_number";
    private static final List<String> QUANTITIES = List.of("accepted", "returned", "disputed");
    private static final String UNIT = "unit";
    private static final String CONDITION = "condition";
    private static final String REASON = "reason";

    // as the JSON schema bounds them, so that both formats take the same acceptances
    private static final int MAX_ACCEPTANCE_ID = 80;
    private static final int MAX_ID = 35;
    private static final int MAX_TEXT = 256;

    private static final CsvInput.Layout LAYOUT = new CsvInput.Layout(List.of(HEADER.split(",")),
            Set.of(ACCEPTANCE_ID, PO_NUMBER, RELEASE_ID, ACCEPTED_ON, LINE_NUMBER),
            "one row per order line judged", "acceptance rows");

    /**
     * @param maxBytes the largest document read; a larger one is refused before it is parsed
     */
    public AcceptanceCsvReader(long maxBytes) {
        super(maxBytes);
    }

    @Override
    protected AcceptanceDocument refused(InputError error) {
        return AcceptanceDocument.refused(List.of(error));
    }

    @Override
    protected AcceptanceDocument readWithinLimit(String partnerId, String fileName, byte[] content) {
        InputErrors errors = new InputErrors();
        Rows rows = new Rows(errors);
        boolean complete = CsvInput.read(content, LAYOUT, errors, rows::row);
        if (!complete || !errors.isEmpty()) {
            return AcceptanceDocument.refused(errors.list());
        }
        List<Acceptance> acceptances = rows.acceptances(partnerId,
                new PurchaseOrder.SourceDocument("CSV", fileName, null, null, null, null));
        if (!errors.isEmpty()) {
            return AcceptanceDocument.refused(errors.list());
        }
        return new AcceptanceDocument(acceptances, List.of());
    }

    /** A value stated on some row: for comparing with the same field on other rows. */
    private record Stated(String text, long row) {
    }

    /** Everything read for one release. */
    private static final class ReleaseRows {

        final String releaseId;
        final long firstRow;
        final AcceptanceLines lines;
        Stated poNumber;
        Stated acceptedOn;

        ReleaseRows(String releaseId, long firstRow) {
            this.releaseId = releaseId;
            this.firstRow = firstRow;
            this.lines = new AcceptanceLines(releaseId);
        }
    }

    /** Reading the rows of one document. */
    private static final class Rows {

        private final InputErrors errors;
        private final Map<String, ReleaseRows> releases = new LinkedHashMap<>();
        private Stated acceptanceId;

        Rows(InputErrors errors) {
            this.errors = errors;
        }

        void row(CsvHeader header, CSVRecord record) {
            long row = record.getRecordNumber();
            String id = required(header, record, ACCEPTANCE_ID, MAX_ACCEPTANCE_ID, "its acceptance");
            if (id != null) {
                if (acceptanceId == null) {
                    acceptanceId = new Stated(id, row);
                } else if (!acceptanceId.text.equals(id)) {
                    errors.add(new InputError(CsvInput.at(row, ACCEPTANCE_ID), "MIXED_ACCEPTANCE", "acceptance " + id
                            + " differs from " + acceptanceId.text + " on row " + acceptanceId.row
                            + "; one CSV file holds one acceptance (of as many releases as it needs)"));
                }
            }
            String releaseId = required(header, record, RELEASE_ID, MAX_ID, "its release");
            ReleaseRows release = releaseId == null ? null : releases.computeIfAbsent(releaseId, r -> new ReleaseRows(r, row));
            String poNumber = header.value(record, PO_NUMBER);
            if (!poNumber.isEmpty() && CsvInput.text(poNumber, MAX_ID, CsvInput.at(row, PO_NUMBER), errors) != null
                    && release != null) {
                release.poNumber = agree(release, release.poNumber, PO_NUMBER, poNumber, row);
            }
            String acceptedOn = header.value(record, ACCEPTED_ON);
            if (!acceptedOn.isEmpty() && CsvInput.date(acceptedOn, CsvInput.at(row, ACCEPTED_ON), errors) != null
                    && release != null) {
                release.acceptedOn = agree(release, release.acceptedOn, ACCEPTED_ON, acceptedOn, row);
            }
            String lineNumber = required(header, record, LINE_NUMBER, MAX_ID, "its order line");
            int before = errors.size();
            BigDecimal[] quantities = new BigDecimal[QUANTITIES.size()];
            for (int q = 0; q < quantities.length; q++) {
                quantities[q] = quantity(header, record, QUANTITIES.get(q), row);
            }
            String unit = optional(header, record, UNIT, value -> CsvInput.matching(value, "[A-Z0-9]{2,3}",
                    CsvInput.at(row, UNIT), "is not a unit of measure code (2 or 3 capital letters or digits, such as EA or C62)",
                    errors));
            String condition = optional(header, record, CONDITION,
                    value -> CsvInput.text(value, MAX_ID, CsvInput.at(row, CONDITION), errors));
            String reason = optional(header, record, REASON,
                    value -> CsvInput.text(value, MAX_TEXT, CsvInput.at(row, REASON), errors));
            if (release == null || lineNumber == null) {
                return;
            }
            Acceptance.Line line = errors.size() > before ? null
                    : new Acceptance.Line(lineNumber, quantities[0], quantities[1], quantities[2], unit, condition, reason);
            release.lines.add(lineNumber, line, CsvInput.at(row, LINE_NUMBER), "row " + row, errors);
        }

        /** One acceptance per release, once every row is read without error. */
        List<Acceptance> acceptances(String partnerId, PurchaseOrder.SourceDocument source) {
            List<Acceptance> list = new ArrayList<>();
            for (ReleaseRows release : releases.values()) {
                if (release.poNumber == null) {
                    missing(release, PO_NUMBER);
                }
                if (release.acceptedOn == null) {
                    missing(release, ACCEPTED_ON);
                }
                if (release.poNumber != null && release.acceptedOn != null) {
                    list.add(new Acceptance(partnerId, acceptanceId.text, release.poNumber.text, release.releaseId,
                            LocalDate.parse(release.acceptedOn.text, CsvInput.DATE), false, release.lines.lines(), source));
                }
            }
            return list;
        }

        private void missing(ReleaseRows release, String column) {
            errors.add(new InputError(CsvInput.at(release.firstRow, column), "MISSING_VALUE", "release " + release.releaseId
                    + " has no " + column + " on any of its rows"));
        }

        /** A value every row states; null (and an error) when it is blank or too long. */
        private String required(CsvHeader header, CSVRecord record, String column, int max, String what) {
            long row = record.getRecordNumber();
            String value = header.value(record, column);
            if (value.isEmpty()) {
                errors.add(new InputError(CsvInput.at(row, column), "MISSING_VALUE", column + " is empty: every row names "
                        + what));
                return null;
            }
            return CsvInput.text(value, max, CsvInput.at(row, column), errors);
        }

        /** A value stated on several rows of a release must say the same each time. */
        private Stated agree(ReleaseRows release, Stated first, String column, String value, long row) {
            if (first == null) {
                return new Stated(value, row);
            }
            if (!first.text.equals(value)) {
                errors.add(new InputError(CsvInput.at(row, column), "HEADER_MISMATCH", "'" + value + "' differs from '"
                        + first.text + "' on row " + first.row + ": release " + release.releaseId + " has one " + column
                        + " on all its rows"));
            }
            return first;
        }

        /** A quantity of zero or more; null when blank (zero) or wrong (and an error). */
        private BigDecimal quantity(CsvHeader header, CSVRecord record, String column, long row) {
            String value = header.value(record, column);
            if (value.isEmpty()) {
                return null;
            }
            String at = CsvInput.at(row, column);
            BigDecimal number = CsvInput.decimal(value, at, errors);
            if (number != null && number.signum() < 0) {
                errors.add(AcceptanceLines.negative(at, "'" + value + "'", column));
                return null;
            }
            return number;
        }

        /** A value a row may leave blank; null when blank or wrong (and an error). */
        private static String optional(CsvHeader header, CSVRecord record, String column, UnaryOperator<String> check) {
            String value = header.value(record, column);
            return value.isEmpty() ? null : check.apply(value);
        }
    }
}

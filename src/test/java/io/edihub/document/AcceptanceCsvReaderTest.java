package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.InputError;
import io.edihub.canonical.PurchaseOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV acceptance reader, rule by rule; the samples are in {@link AcceptanceSamplesTest}. */
class AcceptanceCsvReaderTest {

    private static final String HEADER = AcceptanceCsvReader.HEADER + "\n";
    private final AcceptanceCsvReader reader = new AcceptanceCsvReader(1 << 20);

    @Test
    void rowsOfSeveralReleasesMakeOneAcceptancePerRelease() {
        List<Acceptance> acceptances = acceptances(HEADER
                + "RA-7,PO-1,PO-1-02,2027-02-21,1,100,,,EA,,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,1,80,15,5,EA,DAMAGED,\"crushed, wet cartons\"\n"
                + "RA-7,,PO-1-02,,2,40,10,,CA,SHORT,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,2,50,,,CA,,\n");

        assertThat(acceptances).extracting(Acceptance::acceptanceId, Acceptance::poNumber, Acceptance::releaseId,
                Acceptance::acceptedOn).containsExactly(
                tuple("RA-7", "PO-1", "PO-1-02", LocalDate.of(2027, 2, 21)),
                tuple("RA-7", "PO-1", "PO-1-01", LocalDate.of(2027, 2, 20)));
        assertThat(acceptances.get(0).lines()).containsExactly(
                new Acceptance.Line("1", new BigDecimal("100"), null, null, "EA", null, null),
                new Acceptance.Line("2", new BigDecimal("40"), new BigDecimal("10"), null, "CA", "SHORT", null));
        assertThat(acceptances.get(1).lines()).containsExactly(
                new Acceptance.Line("1", new BigDecimal("80"), new BigDecimal("15"), new BigDecimal("5"), "EA", "DAMAGED",
                        "crushed, wet cartons"),
                new Acceptance.Line("2", new BigDecimal("50"), null, null, "CA", null, null));
        assertThat(acceptances).allSatisfy(a -> {
            assertThat(a.partnerId()).isEqualTo("acme");
            assertThat(a.implicit()).isFalse();
            assertThat(a.source()).isEqualTo(new PurchaseOrder.SourceDocument("CSV", "ra.csv", null, null, null, null));
        });
    }

    @Test
    void aSpreadsheetsCsvIsRead() {
        byte[] excel = ("\uFEFFAcceptance ID;PO Number;Release-ID;Accepted On;Line Number;Accepted\r\n"
                + "RA-7;PO-1;PO-1-01;2027-02-20;1;12.5\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        AcceptanceDocument document = reader.read("acme", "ra.csv", excel);

        assertThat(document.errors()).isEmpty();
        assertThat(document.acceptances()).singleElement().satisfies(a -> assertThat(a.lines()).containsExactly(
                new Acceptance.Line("1", new BigDecimal("12.5"), null, null, null, null, null)));
    }

    @Test
    void aReleaseHasOnePoAndOneDayOfAcceptance() {
        assertThat(errors(HEADER
                + "RA-7,PO-1,PO-1-01,2027-02-20,1,80,,,EA,,\n"
                + "RA-7,PO-2,PO-1-01,2027-02-21,2,50,,,CA,,\n"
                + "RA-7,,PO-1-02,,1,50,,,CA,,\n")).containsExactly(
                "row 3, column po_number: 'PO-2' differs from 'PO-1' on row 2: release PO-1-01 has one po_number on all"
                        + " its rows [HEADER_MISMATCH]",
                "row 3, column accepted_on: '2027-02-21' differs from '2027-02-20' on row 2: release PO-1-01 has one"
                        + " accepted_on on all its rows [HEADER_MISMATCH]");
        assertThat(errors(HEADER + "RA-7,,PO-1-02,,1,50,,,CA,,\n")).containsExactly(
                "row 2, column po_number: release PO-1-02 has no po_number on any of its rows [MISSING_VALUE]",
                "row 2, column accepted_on: release PO-1-02 has no accepted_on on any of its rows [MISSING_VALUE]");
    }

    @Test
    void aFileHoldsOneAcceptance() {
        assertThat(errors(HEADER
                + "RA-7,PO-1,PO-1-01,2027-02-20,1,80,,,EA,,\n"
                + "RA-8,PO-1,PO-1-02,2027-02-20,1,80,,,EA,,\n")).containsExactly(
                "row 3, column acceptance_id: acceptance RA-8 differs from RA-7 on row 2; one CSV file holds one acceptance"
                        + " (of as many releases as it needs) [MIXED_ACCEPTANCE]");
    }

    @Test
    void aLineIsJudgedOncePerReleaseAndStatesSomething() {
        assertThat(errors(HEADER
                + "RA-7,PO-1,PO-1-01,2027-02-20,1,80,,,EA,,\n"
                + "RA-7,PO-1,PO-1-02,2027-02-20,1,80,,,EA,,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,1,,20,,EA,DAMAGED,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,2,0,,0.0,EA,,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,3,,,,EA,,\n")).containsExactly(
                "row 4, column line_number: line 1 of release PO-1-01 is judged twice (first at row 2): an order line is"
                        + " accepted once, with all its quantities [DUPLICATE_LINE_NUMBER]",
                "row 5: line 2 accepts, returns and disputes nothing: a line states at least one quantity greater than zero"
                        + " [EMPTY_LINE]",
                "row 6: line 3 accepts, returns and disputes nothing: a line states at least one quantity greater than zero"
                        + " [EMPTY_LINE]");
    }

    @Test
    void badValuesAreNamedByRowAndColumn() {
        assertThat(errors(HEADER
                + "RA-7,PO-1,PO-1-01,2027-02-20,1,100,-15,,EA,,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,2,\"12,5\",,1.1234567,ea,,\n"
                + ",PO-1,,2027-02-30,,5,,,EA,,\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,4,5,,,EA," + "C".repeat(36) + ",\n"
                + "RA-7,PO-1,PO-1-01,2027-02-20,5,5,,,EA\n")).containsExactly(
                "row 2, column returned: '-15' is less than zero: the quantity returned is zero or more (what is not"
                        + " accepted is stated as returned or disputed) [NEGATIVE_QUANTITY]",
                "row 3, column accepted: '12,5' is not a number (write the decimal separator as a point) [BAD_NUMBER]",
                "row 3, column disputed: '1.1234567' is not a number [BAD_NUMBER]",
                "row 3, column unit: 'ea' is not a unit of measure code (2 or 3 capital letters or digits, such as EA or"
                        + " C62) [BAD_VALUE]",
                "row 4, column acceptance_id: acceptance_id is empty: every row names its acceptance [MISSING_VALUE]",
                "row 4, column release_id: release_id is empty: every row names its release [MISSING_VALUE]",
                "row 4, column accepted_on: '2027-02-30' is not a date (expected YYYY-MM-DD) [BAD_DATE]",
                "row 4, column line_number: line_number is empty: every row names its order line [MISSING_VALUE]",
                "row 5, column condition: longer than 35 characters [TOO_LONG]",
                "row 6: 9 values but the header row names 11 columns [BAD_ROW]");
    }

    @Test
    void theHeaderComesFirstAndNamesTheRequiredColumns() {
        assertThat(errors("RA-7,PO-1,PO-1-01,2027-02-20,1,100,,,EA,,\n")).containsExactly(
                "row 1: row 1 names no column: the first row is a header naming the columns (" + HEADER.strip().replace(",", ", ")
                        + "), then one row per order line judged [MISSING_HEADER]");
        assertThat(errors("acceptance_id,po_number,release,accepted_on,line_number,acepted\nRA-7,PO-1,PO-1-01,2027-02-20,1,5\n"))
                .containsExactly(
                        "row 1, column release: unknown column 'release'; the columns are: " + HEADER.strip().replace(",", ", ")
                                + " [UNKNOWN_COLUMN]",
                        "row 1, column acepted: unknown column 'acepted' (did you mean accepted?) [UNKNOWN_COLUMN]",
                        "row 1: required column release_id is missing [MISSING_COLUMN]");
        assertThat(errors("")).containsExactly("row 1: the file is empty: a header row naming the columns is expected,"
                + " then one row per order line judged [EMPTY]");
        assertThat(errors(HEADER + "\n")).containsExactly("row 2: there are no acceptance rows after the header row [EMPTY]");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsingAndAStreamReadNoFurther() throws IOException {
        byte[] big = (HEADER + "RA-7,PO-1,PO-1-01,2027-02-20,1,100,,,EA,,\n".repeat(100)).getBytes(StandardCharsets.UTF_8);
        AcceptanceCsvReader limited = new AcceptanceCsvReader(1000);

        assertThat(limited.read("acme", "ra.csv", big).errors()).extracting(InputError::toString)
                .containsExactly("byte 1001: document is larger than the 1000-byte limit [TOO_LARGE]");
        ByteArrayInputStream stream = new ByteArrayInputStream(big);
        assertThat(limited.read("acme", "ra.csv", stream).errors()).extracting(InputError::code).containsExactly("TOO_LARGE");
        assertThat(stream.readAllBytes()).hasSize(big.length - 1001);
    }

    private List<Acceptance> acceptances(String csv) {
        AcceptanceDocument document = reader.read("acme", "ra.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(document.errors()).isEmpty();
        return document.acceptances();
    }

    private List<String> errors(String csv) {
        AcceptanceDocument document = reader.read("acme", "ra.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(document.acceptances()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}

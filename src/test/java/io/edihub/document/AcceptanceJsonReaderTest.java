package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The JSON acceptance reader, rule by rule; the samples are in {@link AcceptanceSamplesTest}. */
class AcceptanceJsonReaderTest {

    private static final String QUANTITY = "a number of zero or more, written as a JSON number or as a string like \"12.5\""
            + " (at most 15 digits before and 6 after the point)";
    private final AcceptanceJsonReader reader = new AcceptanceJsonReader(1 << 20);

    @Test
    void theSchemaIsPublishedAndLeavesThePartnerToTheChannel() throws IOException {
        JsonNode schema = SchemaAssertions.assertPublishedSchema(AcceptanceJsonReader.SCHEMA_RESOURCE,
                AcceptanceJsonReader.SCHEMA_ID);
        assertThat(schema.path("properties").has("partnerId")).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("acceptanceId", "poNumber", "releaseId", "acceptedOn", "lines");
    }

    @Test
    void quantitiesLeftOutAreZeroAndTheChannelNamesThePartner() {
        Acceptance acceptance = acceptance("""
                {"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": 1, "accepted": "12.50"}, {"lineNumber": "2", "disputed": 0.5, "condition": "SHORT"}]}
                """);

        assertThat(acceptance.partnerId()).isEqualTo("acme");
        assertThat(acceptance.acceptanceId()).isEqualTo("RA-1");
        assertThat(acceptance.acceptedOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(acceptance.implicit()).isFalse();
        assertThat(acceptance.source()).isEqualTo(new PurchaseOrder.SourceDocument("JSON", "ra.json", null, null, null, null));
        assertThat(acceptance.lines()).containsExactly(
                new Acceptance.Line("1", new BigDecimal("12.50"), BigDecimal.ZERO, BigDecimal.ZERO, null, null, null),
                new Acceptance.Line("2", BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.5"), null, "SHORT", null));
    }

    @Test
    void aNegativeQuantityIsNamedAsSuchWhetherNumberOrText() {
        assertThat(errors("""
                {"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": 100, "returned": -15}, {"lineNumber": "2", "disputed": "-0.5"},
                           {"lineNumber": "3", "accepted": "-x"}]}
                """)).containsExactly(
                "/lines/0/returned: -15 is less than zero: the quantity returned is zero or more (what is not accepted is"
                        + " stated as returned or disputed) [NEGATIVE_QUANTITY]",
                "/lines/1/disputed: '-0.5' is less than zero: the quantity disputed is zero or more (what is not accepted is"
                        + " stated as returned or disputed) [NEGATIVE_QUANTITY]",
                "/lines/2/accepted: '-x' is not " + QUANTITY + " [SCHEMA]");
    }

    @Test
    void quantitiesAreBoundedLikeAnOrders() {
        assertThat(errors("""
                {"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": "12,5"}, {"lineNumber": "2", "accepted": 1000000000000000},
                           {"lineNumber": "3", "accepted": true}]}
                """)).containsExactly(
                "/lines/0/accepted: '12,5' is not " + QUANTITY + " [SCHEMA]",
                "/lines/1/accepted: 1000000000000000 is not " + QUANTITY + " [SCHEMA]",
                "/lines/2/accepted: true is not " + QUANTITY + " [SCHEMA]");
        assertThat(errors("""
                {"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": 1E-7}]}
                """)).containsExactly("/lines/0/accepted: 1E-7 has more than 6 decimal places [BAD_NUMBER]");
    }

    @Test
    void aLineIsJudgedOnceAndStatesSomething() {
        assertThat(errors("""
                {"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": 5}, {"lineNumber": 2}, {"lineNumber": 1, "returned": 1},
                           {"lineNumber": "3", "accepted": 0, "returned": "0.000", "disputed": 0}]}
                """)).containsExactly(
                "/lines/1: line 2 accepts, returns and disputes nothing: a line states at least one quantity greater"
                        + " than zero [EMPTY_LINE]",
                "/lines/2/lineNumber: line 1 of release PO-1-01 is judged twice (first at /lines/0): an order line is"
                        + " accepted once, with all its quantities [DUPLICATE_LINE_NUMBER]",
                "/lines/3: line 3 accepts, returns and disputes nothing: a line states at least one quantity greater"
                        + " than zero [EMPTY_LINE]");
    }

    @Test
    void theSchemaIsSaidInTheSendersWords() {
        assertThat(errors("""
                {"partnerId": "acme", "acceptanceId": "%s", "poNumber": "", "releaseID": "PO-1-01",
                 "acceptedOn": "2027-02-30", "lines": [{"lineNumber": "1", "accepted": 1, "unit": "ea", "reasn": "x"}]}
                """.formatted("R".repeat(81)))).containsExactly(
                "/releaseId: required field 'releaseId' is missing [SCHEMA]",
                "/partnerId: unknown field 'partnerId': the partner is the one the document arrives from, not named in it"
                        + " [SCHEMA]",
                "/acceptanceId: '" + "R".repeat(40) + "...' is not a text of 1 to 80 characters [SCHEMA]",
                "/poNumber: an empty text is not a text of 1 to 35 characters [SCHEMA]",
                "/releaseID: unknown field 'releaseID' (did you mean 'releaseId'?) [SCHEMA]",
                "/acceptedOn: '2027-02-30' is not a date written YYYY-MM-DD [SCHEMA]",
                "/lines/0/unit: 'ea' is not a unit of measure code of 2 or 3 capital letters or digits, such as EA or C62"
                        + " [SCHEMA]",
                "/lines/0/reasn: unknown field 'reasn' (did you mean 'reason'?) [SCHEMA]");
        assertThat(errors("""
                {"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20", "lines": []}
                """)).containsExactly("/lines: must not be empty [SCHEMA]");
    }

    @Test
    void aDocumentHoldsOneAcceptance() {
        assertThat(errors("""
                [{"acceptanceId": "RA-1", "poNumber": "PO-1", "releaseId": "PO-1-01", "acceptedOn": "2027-01-20",
                  "lines": [{"lineNumber": "1", "accepted": 1}]}]
                """)).containsExactly(
                "/: a list is not an acceptance: a document holds one acceptance of one release, a JSON object [SCHEMA]");
        assertThat(errors("{\"acceptanceId\": \"RA-1\"} {}")).containsExactly(
                "line 1, column 26: more content after the end of the acceptance: a document holds one JSON value [NOT_JSON]");
    }

    @Test
    void notJsonIsReportedByLineAndColumn() {
        assertThat(errors("")).containsExactly(
                "line 1, column 1: the document is empty: a JSON acceptance was expected [NOT_JSON]");
        assertThat(errors("{\"acceptanceId\": \"RA-1\",\n \"acceptanceId\": \"RA-2\"}")).containsExactly(
                "line 2, column 16: field 'acceptanceId' appears twice in the same object [NOT_JSON]");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsingAndAStreamReadNoFurther() throws IOException {
        byte[] big = ("{\"acceptanceId\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        AcceptanceJsonReader limited = new AcceptanceJsonReader(1000);

        assertThat(limited.read("acme", "ra.json", big).errors()).extracting(InputError::toString)
                .containsExactly("byte 1001: document is larger than the 1000-byte limit [TOO_LARGE]");
        ByteArrayInputStream stream = new ByteArrayInputStream(big);
        assertThat(limited.read("acme", "ra.json", stream).errors()).extracting(InputError::code).containsExactly("TOO_LARGE");
        assertThat(stream.readAllBytes()).hasSize(big.length - 1001);
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        assertThat(acceptance("\uFEFF{\"acceptanceId\": \"RA-1\", \"poNumber\": \"PO-1\", \"releaseId\": \"PO-1-01\","
                + " \"acceptedOn\": \"2027-01-20\", \"lines\": [{\"lineNumber\": \"1\", \"accepted\": 1}]}").releaseId())
                .isEqualTo("PO-1-01");
    }

    private AcceptanceDocument read(String json) {
        return reader.read("acme", "ra.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private Acceptance acceptance(String json) {
        AcceptanceDocument document = read(json);
        assertThat(document.errors()).isEmpty();
        assertThat(document.acceptances()).hasSize(1);
        return document.acceptances().get(0);
    }

    private List<String> errors(String json) {
        AcceptanceDocument document = read(json);
        assertThat(document.acceptances()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}

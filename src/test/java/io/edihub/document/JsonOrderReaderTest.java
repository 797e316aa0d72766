package io.edihub.document;


import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.InputError;
import io.edihub.canonical.OrderChange.LineChange;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PurchaseOrder.Purpose;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON order reader: the broken samples against their expected errors ({@code <name>.errors.txt},
 * regenerate with {@code -Dedihub.golden.update=true} and review the diff), then rule by rule.
 */
class JsonOrderReaderTest {

    private static final Path BROKEN = Path.of("edi-samples/acme/broken-json");
    private static final long LIMIT = 1 << 20;
    private static final String QUANTITY = "a number greater than zero, written as a JSON number or as a string like \"12.5\""
            + " (at most 15 digits before and 6 after the point)";
    private final JsonOrderReader reader = new JsonOrderReader(LIMIT);

    static Stream<Path> brokenSamples() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleGivesItsExpectedErrors(Path sample) throws IOException {
        OrderDocument document = reader.read("acme", sample.getFileName().toString(), Files.readAllBytes(sample));
        assertThat(document.accepted()).isFalse();
        assertThat(document.messages()).isEmpty();
        GoldenErrors.assertExpected(sample, ".errors.txt", document.errors());
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        JsonNode schema = SchemaAssertions.assertPublishedSchema(JsonOrderReader.SCHEMA_RESOURCE, JsonOrderReader.SCHEMA_ID);
        assertThat(schema.path("properties").has("partnerId")).isFalse();
    }

    @Test
    void aMinimalOrderGetsTheHubsDefaults() {
        PurchaseOrder order = order("""
                {"poNumber": "PO-1", "orderDate": "2026-11-02",
                 "lines": [{"quantity": 5, "unit": "EA"}, {"lineNumber": 7, "quantity": "2.5", "unit": "KG", "unitPrice": "3.10"}]}
                """);

        assertThat(order.purpose()).isEqualTo(Purpose.ORIGINAL);
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.partnerId()).isEqualTo("acme");
        assertThat(order.source()).isEqualTo(new PurchaseOrder.SourceDocument("JSON", "po.json", null, null, null, null));
        assertThat(order.lines()).extracting(OrderLine::lineNumber).containsExactly("1", "7");
        assertThat(order.lines().get(1).quantity()).isEqualTo(new BigDecimal("2.5"));
        assertThat(order.lines().get(1).unitPrice()).isEqualTo(new BigDecimal("3.10"));
        // no schedule and no requestedDelivery: the whole quantity is due on the order date (DESIGN §4)
        assertThat(order.lines().get(0).schedule())
                .containsExactly(new ScheduleLine(new BigDecimal("5"), "EA", LocalDate.of(2026, 11, 2), null));
    }

    @Test
    void aLineWithoutScheduleIsDueOnTheRequestedDelivery() {
        PurchaseOrder order = order("""
                {"poNumber": "PO-1", "orderDate": "2026-11-02", "requestedDelivery": "2027-01-15", "currency": "EUR",
                 "lines": [{"quantity": 5, "unit": "EA", "unitPrice": 12.50}]}
                """);

        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.lines().get(0).unitPrice()).isEqualTo(new BigDecimal("12.50"));
        assertThat(order.lines().get(0).schedule()).singleElement()
                .extracting(ScheduleLine::deliveryDate).isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void replaceAndCancelArePurchaseOrdersACancelNeedsNoLines() {
        assertThat(order("""
                {"poNumber": "PO-1", "purpose": "replace", "revision": "3", "orderDate": "2026-11-02",
                 "lines": [{"quantity": 5, "unit": "EA"}]}
                """)).extracting(PurchaseOrder::purpose, PurchaseOrder::revision).containsExactly(Purpose.REPLACE, "3");
        PurchaseOrder cancel = order("""
                {"poNumber": "PO-1", "purpose": "cancel", "orderDate": "2026-11-02"}
                """);
        assertThat(cancel.purpose()).isEqualTo(Purpose.CANCELLATION);
        assertThat(cancel.lines()).isEmpty();
        assertThat(errors("""
                {"poNumber": "PO-1", "purpose": "original", "orderDate": "2026-11-02"}
                """)).containsExactly("/lines: required field 'lines' is missing [SCHEMA]");
    }

    @Test
    void aChangeSetsAndDeletesLines() {
        OrderDocument document = read("""
                {"poNumber": "PO-1", "purpose": "change", "revision": "2", "orderDate": "2026-12-01",
                 "lines": [
                   {"lineNumber": "1", "quantity": 300, "unit": "EA", "unitPrice": 41,
                    "schedule": [{"quantity": 200, "deliveryDate": "2027-01-15"}, {"quantity": 100, "deliveryDate": "2027-02-15"}]},
                   {"lineNumber": "2", "action": "delete"},
                   {"lineNumber": "3", "action": "set", "quantity": 10, "unit": "CA"}
                 ]}
                """);

        assertThat(document.errors()).isEmpty();
        OrderChange change = (OrderChange) document.messages().get(0);
        assertThat(change.purpose()).isEqualTo(Purpose.CHANGE);
        assertThat(change.revision()).isEqualTo("2");
        assertThat(change.changeDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(change.source().format()).isEqualTo("JSON");
        assertThat(change.lines()).extracting(LineChange::lineNumber, LineChange::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", OrderChange.Action.SET),
                org.assertj.core.groups.Tuple.tuple("2", OrderChange.Action.DELETE),
                org.assertj.core.groups.Tuple.tuple("3", OrderChange.Action.SET));
        assertThat(change.lines().get(0).schedule()).hasSize(2);
        assertThat(change.lines().get(0).quantity()).isEqualByComparingTo("300");
        // a set line without a schedule keeps the schedule on file
        assertThat(change.lines().get(2).schedule()).isEmpty();
    }

    @Test
    void aReleaseAgainstABlanketOrderNamesItsRelease() {
        assertThat(errors("""
                {"poNumber": "PO-1", "type": "RL", "orderDate": "2026-11-02", "lines": [{"quantity": 1, "unit": "EA"}]}
                """)).containsExactly("/releaseNumber: releaseNumber is required when type is RL: a release against a"
                + " blanket order names its release [RELEASE_NUMBER_MISSING]");
    }

    @Test
    void aChangeChangesLinesOnly() {
        assertThat(errors("""
                {"poNumber": "PO-1", "purpose": "change", "orderDate": "2026-12-01", "requestedDelivery": "2027-02-01",
                 "lines": [{"lineNumber": "2", "action": "delete", "quantity": 4}]}
                """)).containsExactly(
                "/requestedDelivery: a change (purpose change) changes lines only; to change requestedDelivery send the whole"
                        + " order with purpose replace [NOT_IN_CHANGE]",
                "/lines/0/quantity: a deleted line carries no quantity: only its lineNumber is needed [DELETED_LINE_WITH_VALUES]");
        assertThat(errors("""
                {"poNumber": "PO-1", "orderDate": "2026-12-01", "lines": [{"action": "delete"}]}
                """)).containsExactly(
                "/lines/0/action: a line action is only for purpose change; this order's purpose is original [ACTION_NOT_ALLOWED]");
    }

    @Test
    void numbersAreJsonNumbersOrDecimalStrings() {
        assertThat(errors("""
                {"poNumber": "PO-1", "orderDate": "2026-11-02", "lines": [
                  {"quantity": "12,50", "unit": "EA"},
                  {"quantity": 0, "unit": "EA", "unitPrice": "-1"},
                  {"quantity": 0.0000001, "unit": "EA"},
                  {"quantity": true, "unit": "EA"}]}
                """)).containsExactly(
                "/lines/0/quantity: '12,50' is not " + QUANTITY + " [SCHEMA]",
                "/lines/1/quantity: 0 is not " + QUANTITY + " [SCHEMA]",
                "/lines/1/unitPrice: '-1' is not a number of zero or more, written as a JSON number or as a string like"
                        + " \"42.50\" (at most 15 digits before and 6 after the point) [SCHEMA]",
                "/lines/3/quantity: true is not " + QUANTITY + " [SCHEMA]");
        assertThat(errors("""
                {"poNumber": "PO-1", "orderDate": "2026-11-02", "lines": [{"quantity": 1E-7, "unit": "EA"}]}
                """)).containsExactly("/lines/0/quantity: 1E-7 has more than 6 decimal places [BAD_NUMBER]");
    }

    @Test
    void aBadDateIsOneErrorWhateverItsShape() {
        assertThat(errors("""
                {"poNumber": "PO-1", "orderDate": "2027-02-30", "requestedDelivery": "15.01.2027",
                 "lines": [{"quantity": 1, "unit": "EA", "schedule": [{"quantity": 1, "deliveryDate": "2027-1-5"}]}]}
                """)).containsExactly(
                "/orderDate: '2027-02-30' is not a date written YYYY-MM-DD [SCHEMA]",
                "/requestedDelivery: '15.01.2027' is not a date written YYYY-MM-DD [SCHEMA]",
                "/lines/0/schedule/0/deliveryDate: '2027-1-5' is not a date written YYYY-MM-DD [SCHEMA]");
    }

    @Test
    void unknownFieldsAreNamedWithTheirLikelyMeaning() {
        assertThat(errors("""
                {"partnerId": "acme", "poNumber": "PO-1", "orderDate": "2026-11-02", "Currency": "USD",
                 "lines": [{"quantity": 1, "unit": "EA", "deliverydate": "2027-01-01", "colour": "red"}]}
                """)).containsExactly(
                "/partnerId: unknown field 'partnerId': the partner is the one the document arrives from, not named in it [SCHEMA]",
                "/Currency: unknown field 'Currency' (did you mean 'currency'?) [SCHEMA]",
                "/lines/0/deliverydate: unknown field 'deliverydate' [SCHEMA]",
                "/lines/0/colour: unknown field 'colour' [SCHEMA]");
    }

    @Test
    void severalOrdersInOneArrayAreReadTogetherAndRefusedTogether() {
        OrderDocument document = read("""
                [{"poNumber": "PO-1", "orderDate": "2026-11-02", "lines": [{"quantity": 1, "unit": "EA"}]},
                 {"poNumber": "PO-2", "orderDate": "2026-11-02", "lines": [{"quantity": 2, "unit": "EA"}]}]
                """);
        assertThat(document.messages()).extracting(m -> m.poNumber()).containsExactly("PO-1", "PO-2");

        assertThat(errors("""
                [{"poNumber": "PO-1", "orderDate": "2026-11-02", "lines": [{"quantity": 1, "unit": "EA"}]},
                 {"poNumber": "PO-2", "orderDate": "2026-11-02", "lines": [{"quantity": 2}]}]
                """)).containsExactly("/1/lines/0/unit: required field 'unit' is missing [SCHEMA]");
        assertThat(errors("[]")).containsExactly("/: the list of orders is empty [EMPTY]");
        assertThat(errors("[\"PO-1\"]")).containsExactly(
                "/0: 'PO-1' is not an order: an order is a JSON object, several orders a list of them [SCHEMA]");
    }

    @Test
    void notJsonIsReportedByLineAndColumn() {
        assertThat(errors("")).containsExactly("line 1, column 1: the document is empty: a JSON order was expected [NOT_JSON]");
        assertThat(errors("{\"poNumber\": \"PO-1\",\n \"orderDate\": \"2026-11-02\",\n}")).containsExactly(
                "line 3, column 1: unexpected character '}': expected a field name in double quotes"
                        + " (a comma too many, or single quotes?) [NOT_JSON]");
        assertThat(errors("{\"poNumber\": \"PO-1\",\n \"poNumber\": \"PO-2\"}")).containsExactly(
                "line 2, column 12: field 'poNumber' appears twice in the same object [NOT_JSON]");
        assertThat(errors("{\"poNumber\": \"PO-1\"} {}")).containsExactly(
                "line 1, column 22: more content after the end of the order: a document holds one JSON value"
                        + " (several orders go in one array) [NOT_JSON]");
        assertThat(errors("{\"lines\": [1, 2")).containsExactly(
                "line 1, column 16: the document ends before a list opened at line 1, column 11 is closed [NOT_JSON]");
        assertThat(errors("{\"poNumber\": PO-1}")).singleElement().asString()
                .startsWith("line 1, column 17: unrecognized word 'PO': expected a value");
        assertThat(errors("[".repeat(100))).singleElement().asString()
                .isEqualTo("line 1, column 34: the document is nested more than 32 levels deep [NOT_JSON]");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsing() {
        byte[] huge = hugeOrder(50 * 1024 * 1024);
        JsonOrderReader limited = new JsonOrderReader(10 * 1024 * 1024);

        OrderDocument document = limited.read("acme", "huge.json", huge);

        assertThat(document.errors()).extracting(InputError::toString)
                .containsExactly("byte 10485761: document is larger than the 10485760-byte limit [TOO_LARGE]");
    }

    @Test
    void aStreamOverTheLimitIsReadNoFurtherThanTheLimit() {
        long fiftyMegabytes = 50L * 1024 * 1024;
        CountingStream endless = new CountingStream(fiftyMegabytes);
        JsonOrderReader limited = new JsonOrderReader(1024 * 1024);

        OrderDocument document = limited.read("acme", "huge.json", endless);

        assertThat(document.errors()).extracting(InputError::code).containsExactly("TOO_LARGE");
        assertThat(document.errors().get(0).message()).isEqualTo("document is larger than the 1048576-byte limit");
        assertThat(endless.read).isEqualTo(1024 * 1024 + 1);
    }

    @Test
    void aStreamWithinTheLimitIsRead() {
        byte[] json = """
                {"poNumber": "PO-1", "orderDate": "2026-11-02", "lines": [{"quantity": 1, "unit": "EA"}]}
                """.getBytes(StandardCharsets.UTF_8);
        OrderDocument document = new JsonOrderReader(json.length).read("acme", "po.json", new ByteArrayInputStream(json));
        assertThat(document.accepted()).isTrue();
        assertThat(new JsonOrderReader(json.length - 1).read("acme", "po.json", new ByteArrayInputStream(json)).accepted())
                .isFalse();
    }

    @Test
    void oneReaderServesManyThreads() throws IOException {
        byte[] sample = Files.readAllBytes(Path.of("edi-samples/acme/formats/blanket-12-month-schedule.order.json"));
        List<OrderDocument> documents = IntStream.range(0, 16).parallel()
                .mapToObj(i -> reader.read("acme", "po.json", sample)).toList();
        assertThat(documents).allSatisfy(d -> assertThat(d.messages()).singleElement()
                .extracting(m -> ((PurchaseOrder) m).lines().size()).isEqualTo(2));
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        byte[] json = ("\uFEFF{\"poNumber\": \"PO-1\", \"orderDate\": \"2026-11-02\", \"lines\": [{\"quantity\": 1, \"unit\": \"EA\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read("acme", "po.json", json).accepted()).isTrue();
    }

    private OrderDocument read(String json) {
        return reader.read("acme", "po.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private PurchaseOrder order(String json) {
        OrderDocument document = read(json);
        assertThat(document.errors()).isEmpty();
        assertThat(document.format()).isEqualTo(OrderFormat.JSON);
        return (PurchaseOrder) document.messages().get(0);
    }

    private List<String> errors(String json) {
        OrderDocument document = read(json);
        assertThat(document.messages()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }

    /** A syntactically plausible order of about {@code size} bytes: one line with a very long schedule. */
    private static byte[] hugeOrder(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        byte[] head = ("{\"poNumber\": \"PO-1\", \"orderDate\": \"2026-11-02\","
                + " \"lines\": [{\"quantity\": 1, \"unit\": \"EA\", \"schedule\": [").getBytes(StandardCharsets.UTF_8);
        byte[] entry = "{\"quantity\": 1, \"deliveryDate\": \"2027-01-15\"},\n".getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        while (out.size() < size) {
            out.writeBytes(entry);
        }
        out.writeBytes("{\"quantity\": 1, \"deliveryDate\": \"2027-01-15\"}]}]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A stream of {@code size} bytes of JSON-looking text that counts how much of it was read. */
    private static final class CountingStream extends InputStream {

        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            return read++ == 0 ? '[' : ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (read + i == 0 ? '[' : ' ');
            }
            read += n;
            return n;
        }
    }
}

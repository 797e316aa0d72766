package io.edihub.document;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.edihub.canonical.InputError;
import io.edihub.canonical.OrderChange.LineChange;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PurchaseOrder.Purpose;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV order reader: the samples in {@code broken-csv/} against their expected errors
 * ({@code <name>.errors.txt}; empty for the ones that must be accepted; regenerate with
 * {@code -Dedihub.golden.update=true} and review the diff), then rule by rule.
 */
class CsvOrderReaderTest {

    private static final Path SAMPLES = Path.of("edi-samples/acme/broken-csv");
    private static final String HEADER = "po_number,order_date,line,buyer_part,description,quantity,unit,unit_price,delivery_date\n";
    private final CsvOrderReader reader = new CsvOrderReader(1 << 20);

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesItsExpectedErrors(Path sample) throws IOException {
        OrderDocument document = reader.read("acme", sample.getFileName().toString(), Files.readAllBytes(sample));
        GoldenErrors.assertExpected(sample, ".errors.txt", document.errors());
        assertThat(document.messages()).hasSize(document.accepted() ? 1 : 0);
    }

    @Test
    void aQuotedDescriptionWithCommasAndQuotesBehindAByteOrderMarkIsRead() throws IOException {
        PurchaseOrder order = order(Files.readAllBytes(SAMPLES.resolve("quoted-description-bom.csv")));

        assertThat(order.poNumber()).isEqualTo("4500012348");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("TABLET, RUGGED, 10\" SCREEN");
            assertThat(line.quantity()).isEqualByComparingTo("200");
            assertThat(line.schedule()).extracting(ScheduleLine::deliveryDate)
                    .containsExactly(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 15));
        });
    }

    @Test
    void aSemicolonDelimiterIsTakenFromTheHeader() throws IOException {
        PurchaseOrder order = order(Files.readAllBytes(SAMPLES.resolve("semicolon-delimiter.csv")));
        assertThat(order.lines()).singleElement().extracting(OrderLine::description, OrderLine::unitPrice)
                .containsExactly("CABLE; 2 M", new BigDecimal("3.20"));
    }

    @Test
    void rowsMakeLinesAndTheirSchedules() {
        PurchaseOrder order = order(HEADER
                + "PO-1,2026-11-02,1,P-1,TABLET,100,EA,42.50,2027-01-15\n"
                + "PO-1,2026-11-02,2,P-2,CASE,50,CA,118,2027-01-20\n"
                + "PO-1,2026-11-02,1,,,150,EA,42.5,2027-02-15\n");

        assertThat(order.purpose()).isEqualTo(Purpose.ORIGINAL);
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.source()).isEqualTo(new PurchaseOrder.SourceDocument("CSV", "po.csv", null, null, null, null));
        assertThat(order.lines()).extracting(OrderLine::lineNumber, OrderLine::buyerPart, OrderLine::quantity)
                .containsExactly(tuple("1", "P-1", new BigDecimal("250")), tuple("2", "P-2", new BigDecimal("50")));
        assertThat(order.lines().get(0).schedule()).containsExactly(
                new ScheduleLine(new BigDecimal("100"), "EA", LocalDate.of(2027, 1, 15), null),
                new ScheduleLine(new BigDecimal("150"), "EA", LocalDate.of(2027, 2, 15), null));
        assertThat(order.parties()).isEmpty();
    }

    @Test
    void aRowWithoutDeliveryDateIsDueOnTheRequestedDeliveryElseTheOrderDate() {
        String header = "PO Number;Order Date;Requested Delivery;Line;Quantity;Unit;Delivery Date\r\n";
        assertThat(order(header + "PO-1;2026-11-02;2027-03-01;1;5;EA;\r\n").lines().get(0).schedule())
                .extracting(ScheduleLine::deliveryDate).containsExactly(LocalDate.of(2027, 3, 1));
        assertThat(order(header + "PO-1;2026-11-02;;1;5;EA;\r\n\r\n").lines().get(0).schedule())
                .extracting(ScheduleLine::deliveryDate).containsExactly(LocalDate.of(2026, 11, 2));
    }

    @Test
    void headerFieldsAndTheShipToAreTakenFromTheRows() {
        PurchaseOrder order = order("""
                po_number,purpose,revision,order_type,order_date,currency,contract_number,release_number,ship_to_id,\
                ship_to_name,ship_to_address_1,ship_to_city,ship_to_country,line,quantity,unit
                PO-1,replace,4,RL,2026-11-02,EUR,C-9,R-7,DEPOT12,ACME DEPOT 12,400 LOGISTICS WAY,DAYTON,US,1,5,EA
                """);

        assertThat(order.purpose()).isEqualTo(Purpose.REPLACE);
        assertThat(order).extracting(PurchaseOrder::revision, PurchaseOrder::type, PurchaseOrder::currency,
                PurchaseOrder::contractNumber, PurchaseOrder::releaseNumber).containsExactly("4", "RL", "EUR", "C-9", "R-7");
        assertThat(order.parties()).containsExactly(new PurchaseOrder.Party("ST", "ACME DEPOT 12", null, "DEPOT12",
                List.of("400 LOGISTICS WAY"), "DAYTON", null, null, "US"));
    }

    @Test
    void aReleaseAgainstABlanketOrderNamesItsRelease() {
        assertThat(errors("""
                po_number,order_type,order_date,line,quantity,unit
                PO-1,RL,2026-11-02,1,5,EA
                """)).containsExactly("row 2, column release_number: release_number is required when order_type is RL:"
                + " a release against a blanket order names its release [RELEASE_NUMBER_MISSING]");
    }

    @Test
    void aChangeSetsEachLineToItsRowsOrDeletesIt() {
        OrderDocument document = read("""
                po_number,purpose,revision,order_date,line,action,quantity,unit,unit_price,delivery_date
                PO-1,change,2,2026-12-01,1,,200,EA,41,2027-01-15
                PO-1,change,2,2026-12-01,1,,100,EA,41,2027-02-15
                PO-1,change,2,2026-12-01,2,delete,,,,
                """);

        assertThat(document.errors()).isEmpty();
        OrderChange change = (OrderChange) document.messages().get(0);
        assertThat(change.purpose()).isEqualTo(Purpose.CHANGE);
        assertThat(change.revision()).isEqualTo("2");
        assertThat(change.changeDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(change.source().format()).isEqualTo("CSV");
        assertThat(change.lines()).extracting(LineChange::lineNumber, LineChange::action)
                .containsExactly(tuple("1", OrderChange.Action.SET), tuple("2", OrderChange.Action.DELETE));
        assertThat(change.lines().get(0).quantity()).isEqualByComparingTo("300");
        assertThat(change.lines().get(0).schedule()).hasSize(2);
    }

    @Test
    void aLineActionIsOnlyForAChange() {
        assertThat(errors("""
                po_number,order_date,line,action,quantity,unit
                PO-1,2026-12-01,1,delete,,
                """)).containsExactly(
                "row 2, column action: a line action is only for purpose change; this order's purpose is original [ACTION_NOT_ALLOWED]");
    }

    @Test
    void theHeaderIsCheckedBeforeAnyRow() {
        assertThat(errors("""
                PO_Number, Order-Date ,line,qty,unit,unit_price,unit,colour,shade
                PO-1,2026-11-02,1,5,EA,1,EA,red,dark
                """)).containsExactly(
                "row 1, column qty: unknown column 'qty' (did you mean quantity?) [UNKNOWN_COLUMN]",
                "row 1, column unit: column unit appears twice [DUPLICATE_COLUMN]",
                "row 1, column colour: unknown column 'colour'; the columns are: " + String.join(", ",
                        Stream.of(CsvOrderReader.Column.values()).map(c -> c.header).toList()) + " [UNKNOWN_COLUMN]",
                "row 1, column shade: unknown column 'shade' [UNKNOWN_COLUMN]",
                "row 1: required column quantity is missing [MISSING_COLUMN]");
    }

    @Test
    void rowsWithoutAHeaderAreOneErrorNotOnePerValue() {
        assertThat(errors("PO-1,2026-11-02,1,P-1,TABLET,5,EA,42.50,2027-01-15\n")).containsExactly(
                "row 1: row 1 names no column: the first row is a header naming the columns ("
                        + String.join(", ", Stream.of(CsvOrderReader.Column.values()).map(c -> c.header).toList())
                        + "), then one row per schedule line [MISSING_HEADER]");
    }

    @Test
    void badValuesAreNamedByRowAndColumn() {
        assertThat(errors(HEADER
                + "PO-1,2026-11-02,1,P-1,TABLET,-5,EA,42.50,2027-01-15\n"
                + "PO-1,2026-11-02,1,P-1,TABLET,0,EA,42.50,2027-01-15\n"
                + "PO-1,2026-11-02,1,P-1,TABLET,5,ea,42.50,2027-01-15\n"
                + "PO-1,2026-11-02,,P-1,TABLET,5,EA,42.50,2027-01-15\n"
                + "PO-1,2026-11-02,1,P-1,TABLET,5,EA,42.50\n")).containsExactly(
                "row 2, column quantity: '-5' is not a number (a negative number is not allowed) [BAD_NUMBER]",
                "row 3, column quantity: quantity must be greater than zero [BAD_NUMBER]",
                "row 4, column unit: 'ea' is not a unit of measure code (2 or 3 capital letters or digits, such as EA or C62) [BAD_VALUE]",
                "row 5, column line: line is empty: every row names its line [MISSING_VALUE]",
                "row 6: 8 values but the header row names 9 columns [BAD_ROW]");
    }

    @Test
    void brokenCsvAndOtherEncodingsAreReportedByLine() {
        assertThat(errors(HEADER + "PO-1,2026-11-02,1,P-1,\"TABLET,5,EA,42.50,2027-01-15\n")).containsExactly(
                "line 2: a quoted value opened here is never closed: a \" is missing"
                        + " (a \" inside a quoted value is written \"\") [BAD_CSV]");
        byte[] windows1252 = (HEADER + "PO-1,2026-11-02,1,P-1,CAF\u00c9,5,EA,1,2027-01-15\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(reader.read("acme", "po.csv", windows1252).errors()).extracting(InputError::toString).containsExactly(
                "line 2: byte 114 (0xC9) is not UTF-8 text: save the file as UTF-8 (in Excel: CSV UTF-8) [NOT_UTF8]");
        assertThat(errors("")).containsExactly("row 1: the file is empty: a header row naming the columns is expected,"
                + " then one row per schedule line [EMPTY]");
        assertThat(errors(HEADER + "\n\n")).containsExactly("row 2: there are no order rows after the header row [EMPTY]");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsing() throws IOException {
        CsvOrderReader limited = new CsvOrderReader(1000);
        byte[] big = (HEADER + "PO-1,2026-11-02,1,P-1,TABLET,5,EA,1,2027-01-15\n".repeat(100)).getBytes(StandardCharsets.UTF_8);
        assertThat(limited.read("acme", "po.csv", big).errors()).extracting(InputError::toString)
                .containsExactly("byte 1001: document is larger than the 1000-byte limit [TOO_LARGE]");
        InputStream stream = new ByteArrayInputStream(big);
        assertThat(limited.read("acme", "po.csv", stream).errors()).extracting(InputError::code).containsExactly("TOO_LARGE");
        assertThat(stream.readAllBytes().length).as("left unread").isEqualTo(big.length - 1001);
    }

    private OrderDocument read(String csv) {
        return reader.read("acme", "po.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private PurchaseOrder order(String csv) {
        return order(csv.getBytes(StandardCharsets.UTF_8));
    }

    private PurchaseOrder order(byte[] csv) {
        OrderDocument document = reader.read("acme", "po.csv", csv);
        assertThat(document.errors()).isEmpty();
        assertThat(document.format()).isEqualTo(OrderFormat.CSV);
        return (PurchaseOrder) document.messages().get(0);
    }

    private List<String> errors(String csv) {
        OrderDocument document = read(csv);
        assertThat(document.messages()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}

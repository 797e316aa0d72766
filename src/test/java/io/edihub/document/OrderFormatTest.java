package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A document's format is recognised by its content, whatever its name. */
class OrderFormatTest {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "ISA*00*          *00*~             | X12",
        "UNA:+.? 'UNB+UNOC:3+SENDER'        | EDIFACT",
        "UNB+UNOC:3+SENDER+RECEIVER'        | EDIFACT",
        "{\"poNumber\": \"1\"}               | JSON",
        "[{\"poNumber\": \"1\"}]             | JSON",
        "po_number,line,quantity\\n1,1,5     | CSV",
        "PO Number;Line;Quantity\\r\\n1;1;5   | CSV",
        "\"order_date\",\"PO-Number\"\\n     | CSV",
        "line,quantity,unit\\n1,5,EA         | UNKNOWN",
        "<?xml version=\"1.0\"?><order/>    | UNKNOWN",
        "`ISA`                              | X12",
        "`IS`                               | UNKNOWN",
        "`   `                              | UNKNOWN",
        "{\"acceptanceId\": \"RA-1\", \"poNumber\": \"1\"}                     | ACCEPTANCE_JSON",
        "{\"poNumber\": \"1\", \"lines\": [{}], \"acceptanceId\": \"RA-1\"}     | ACCEPTANCE_JSON",
        "{\"acceptanceId\": \"RA-1\", \"lines\": [1,,]                         | ACCEPTANCE_JSON",
        "{\"poNumber\": \"1\", \"lines\": [{\"acceptanceId\": \"RA-1\"}]}     | JSON",
        "{\"poNumber\": {\"acceptanceId\": \"RA-1\"}}                          | JSON",
        "[{\"acceptanceId\": \"RA-1\"}]                                       | JSON",
        "{\"poNumber\": \"1\",, \"acceptanceId\": \"RA-1\"}                   | JSON",
        "acceptance_id,po_number,release_id\\n1,2,3                      | ACCEPTANCE_CSV",
        "Acceptance ID;PO Number;Release-ID\\r\\n1;2;3                   | ACCEPTANCE_CSV",
        "\"release_id\",\"acceptance-id\"\\n                             | ACCEPTANCE_CSV",
        "acceptanceid,po_number,line,quantity\\n                        | CSV",
        "{\"adjustmentNumber\": \"CM-1\", \"invoiceNumber\": \"1\"}          | ADJUSTMENT_JSON",
        "{\"acceptanceId\": \"RA-1\", \"adjustmentNumber\": \"CM-1\"}        | ACCEPTANCE_JSON",
        "{\"lines\": [{\"adjustmentNumber\": \"CM-1\"}]}                  | JSON",
        "adjustment_number,invoice_number,amount\\n1,2,3               | ADJUSTMENT_CSV",
        "Adjustment Number;PO Number\\r\\n1;2                           | ADJUSTMENT_CSV",
        "{\"traceNumber\": \"ACH-1\", \"total\": 1}                  | REMITTANCE_JSON",
        "{\"adjustmentNumber\": \"CM-1\", \"traceNumber\": \"ACH-1\"}      | ADJUSTMENT_JSON",
        "{\"lines\": [{\"traceNumber\": \"ACH-1\"}]}                     | JSON",
        "trace_number,total,invoice_number,paid\\n1,2,3,4            | REMITTANCE_CSV",
        "Trace Number;PO Number\\r\\n1;2                               | REMITTANCE_CSV",
    })
    void recognisesTheFormatByItsFirstCharacters(String content, OrderFormat expected) {
        String text = content.replace("\\n", "\n").replace("\\r", "\r");
        assertThat(OrderFormat.detect(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(OrderFormat.detect(("\uFEFF \r\n\t" + text).getBytes(StandardCharsets.UTF_8)))
                .as("after a byte order mark and whitespace").isEqualTo(expected);
    }

    @Test
    void nothingAndBinaryAreUnknown() {
        assertThat(OrderFormat.detect(new byte[0])).isEqualTo(OrderFormat.UNKNOWN);
        assertThat(OrderFormat.detect(null)).isEqualTo(OrderFormat.UNKNOWN);
        assertThat(OrderFormat.detect(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEqualTo(OrderFormat.UNKNOWN);
        assertThat(OrderFormat.detect(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, (byte) 0xFF})).isEqualTo(OrderFormat.UNKNOWN);
    }

    @Test
    void aHeaderLineLongerThanAnyHeaderIsNotCsv() {
        byte[] oneLongLine = ("po_number," + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(OrderFormat.detect(oneLongLine)).isEqualTo(OrderFormat.UNKNOWN);
    }

    @Test
    void theSamplesAreRecognised() throws IOException {
        assertThat(detect("edi-samples/acme/blanket-12-month-schedule.edi")).isEqualTo(OrderFormat.X12);
        assertThat(detect("edi-samples/acme/quirks-bom-crlf-wrapped-80.edi")).isEqualTo(OrderFormat.X12);
        assertThat(detect("edi-samples/acme/formats/blanket-12-month-schedule.order.json")).isEqualTo(OrderFormat.JSON);
        assertThat(detect("edi-samples/acme/formats/blanket-12-month-schedule.order.csv")).isEqualTo(OrderFormat.CSV);
        assertThat(detect("edi-samples/acme/broken-csv/quoted-description-bom.csv")).isEqualTo(OrderFormat.CSV);
        assertThat(detect("edi-samples/acme/broken-csv/semicolon-delimiter.csv")).isEqualTo(OrderFormat.CSV);
        assertThat(detect("edi-samples/acme/acceptances/partial-acceptance.json")).isEqualTo(OrderFormat.ACCEPTANCE_JSON);
        assertThat(detect("edi-samples/acme/acceptances/partial-acceptance.csv")).isEqualTo(OrderFormat.ACCEPTANCE_CSV);
        assertThat(detect("edi-samples/acme/broken-acceptances/negative-quantity.json")).isEqualTo(OrderFormat.ACCEPTANCE_JSON);
        assertThat(detect("edi-samples/acme/broken-acceptances/all-zero-line.csv")).isEqualTo(OrderFormat.ACCEPTANCE_CSV);
        assertThat(detect("edi-samples/acme/adjustments/damaged-and-short.json")).isEqualTo(OrderFormat.ADJUSTMENT_JSON);
        assertThat(detect("edi-samples/acme/adjustments/damaged-and-short.csv")).isEqualTo(OrderFormat.ADJUSTMENT_CSV);
        assertThat(detect("edi-samples/acme/adjustments/damaged-and-short.812.edi")).isEqualTo(OrderFormat.X12);
        assertThat(detect("edi-samples/acme/remittances/ach-two-invoices.json")).isEqualTo(OrderFormat.REMITTANCE_JSON);
        assertThat(detect("edi-samples/acme/remittances/ach-two-invoices.csv")).isEqualTo(OrderFormat.REMITTANCE_CSV);
        assertThat(detect("edi-samples/acme/remittances/ach-two-invoices.820.edi")).isEqualTo(OrderFormat.X12);
        assertThat(detect("edi-samples/acme/ebcdic/blanket-cp037-80-byte-records.edi")).isEqualTo(OrderFormat.X12);
    }

    @Test
    void anInterchangeInEbcdicIsX12AndOtherEbcdicIsNot() {
        java.nio.charset.Charset cp037 = java.nio.charset.Charset.forName("IBM037");
        assertThat(OrderFormat.detect("ISA*00*".getBytes(cp037))).isEqualTo(OrderFormat.X12);
        assertThat(OrderFormat.detect("   ISA*00*".getBytes(java.nio.charset.Charset.forName("IBM500"))))
                .isEqualTo(OrderFormat.X12);
        assertThat(OrderFormat.detect("UNB+UNOA:1+SENDER'".getBytes(cp037))).isEqualTo(OrderFormat.UNKNOWN);
    }

    @Test
    void everyOrderSampleIsStillAnOrder() throws IOException {
        for (String folder : List.of("edi-samples/acme/formats", "edi-samples/acme/broken-json", "edi-samples/acme/broken-csv")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(json|csv)$")).toList()) {
                    assertThat(OrderFormat.detect(Files.readAllBytes(file))).as(file.toString())
                            .isIn(OrderFormat.JSON, OrderFormat.CSV);
                }
            }
        }
    }

    @Test
    void anAcceptanceIsRecognisedByAFieldOfItsOwnWhereverItIsInTheTopLevelObject() {
        String order = "{\"poNumber\": \"1\", \"lines\": [" + "{\"quantity\": 1, \"unit\": \"EA\"},".repeat(10_000)
                + "{\"quantity\": 1, \"unit\": \"EA\"}]";
        assertThat(OrderFormat.detect((order + "}").getBytes(StandardCharsets.UTF_8))).isEqualTo(OrderFormat.JSON);
        assertThat(OrderFormat.detect((order + ", \"acceptanceId\": \"RA-1\"}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(OrderFormat.ACCEPTANCE_JSON);
    }

    @Test
    void aDocumentWithNothingToReadSaysWhetherItIsEmptyOrOnlyWhitespace() {
        assertThat(OrderFormat.nothingIn(new byte[0])).contains("is empty (0 bytes)");
        assertThat(OrderFormat.nothingIn(null)).contains("is empty (0 bytes)");
        assertThat(OrderFormat.nothingIn(" \r\n\t\f".getBytes(StandardCharsets.US_ASCII)))
                .contains("holds only whitespace (5 bytes of spaces, tabs or line ends)");
        assertThat(OrderFormat.nothingIn("\n".getBytes(StandardCharsets.US_ASCII)))
                .contains("holds only whitespace (1 byte of spaces, tabs or line ends)");
        assertThat(OrderFormat.nothingIn(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}))
                .contains("holds only a byte order mark and whitespace (4 bytes of spaces, tabs or line ends)");
        assertThat(OrderFormat.nothingIn("\n ISA".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(OrderFormat.nothingIn(new byte[] {0})).as("a NUL is something, if not a document").isEmpty();
    }

    private static OrderFormat detect(String path) throws IOException {
        return OrderFormat.detect(Files.readAllBytes(Path.of(path)));
    }
}

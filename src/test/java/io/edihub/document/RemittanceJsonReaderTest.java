package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.InputError;
import io.edihub.canonical.Remittance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON remittance reader, rule by rule; the samples are in {@link RemittanceSamplesTest}. */
class RemittanceJsonReaderTest {

    private final RemittanceJsonReader reader = new RemittanceJsonReader(1 << 20);

    @Test
    void theSchemaIsPublishedAndLeavesThePartnerToTheChannel() throws IOException {
        JsonNode schema = SchemaAssertions.assertPublishedSchema(RemittanceJsonReader.SCHEMA_RESOURCE,
                RemittanceJsonReader.SCHEMA_ID);
        assertThat(schema.path("properties").has("partnerId")).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("traceNumber", "total", "lines");
    }

    @Test
    void aPaymentOfOneInvoiceNeedsNoMoreThanItsTraceNumberTotalAndLine() {
        Remittance remittance = remittance("{\"traceNumber\": \"CHK-1\", \"total\": 12.5, \"lines\": "
                + "[{\"invoiceNumber\": \"INV-1\", \"paid\": \"12.50\"}]}");

        assertThat(remittance.partnerId()).isEqualTo("acme");
        assertThat(remittance.total()).isEqualByComparingTo("12.5");
        assertThat(remittance.paymentDate()).isNull();
        assertThat(remittance.method()).isNull();
        assertThat(remittance.currency()).isNull();
        assertThat(remittance.lines()).singleElement().satisfies(line -> {
            assertThat(line.paid()).isEqualByComparingTo("12.5");
            assertThat(line.adjustments()).isEmpty();
        });
    }

    @Test
    void anInvoiceFullyDeductedIsPaidZero() {
        Remittance remittance = remittance("{\"traceNumber\": \"CHK-1\", \"total\": 10, \"lines\": ["
                + "{\"invoiceNumber\": \"INV-1\", \"paid\": 10},"
                + "{\"invoiceNumber\": \"INV-2\", \"paid\": 0, \"invoiceAmount\": 40, "
                + "\"adjustments\": [{\"amount\": -40, \"reasonCode\": \"04\"}]}]}");

        assertThat(remittance.lines().get(1).adjustments()).singleElement()
                .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("-40"));
    }

    @Test
    void theSchemaIsSaidInTheSendersWords() {
        assertThat(errors("{\"partnerId\": \"acme\", \"traceNumber\": \"CHK-1\", \"total\": 0, \"method\": \"ach\", "
                + "\"lines\": [{\"invoiceNumber\": \"INV-1\", \"payed\": 1}]}"))
                .containsExactly(
                        "/partnerId: unknown field 'partnerId': the partner is the one the document arrives from, not named"
                                + " in it [SCHEMA]",
                        "/total: 0 is not an amount greater than zero with at most 2 decimals, written as a JSON number or"
                                + " as a string like \"1593.75\" [SCHEMA]",
                        "/method: 'ach' is not an X12 payment method code of 3 capital letters, such as ACH, CHK or FWT"
                                + " [SCHEMA]",
                        "/lines/0/paid: required field 'paid' is missing [SCHEMA]",
                        "/lines/0/payed: unknown field 'payed' (did you mean 'paid'?) [SCHEMA]");
    }

    @Test
    void anInvoiceIsPaidOncePerPayment() {
        assertThat(errors("{\"traceNumber\": \"CHK-1\", \"total\": 2, \"lines\": ["
                + "{\"invoiceNumber\": \"INV-1\", \"paid\": 1}, {\"invoiceNumber\": \"INV-1\", \"paid\": 1}]}"))
                .containsExactly("/lines/1/invoiceNumber: invoice INV-1 is paid twice in payment CHK-1 (first at "
                        + "/lines/0): one line per invoice, or the hub could not tell which amount counts "
                        + "[DUPLICATE_INVOICE]");
    }

    @Test
    void aDocumentHoldsOnePaymentAndIsJson() {
        assertThat(errors("[{\"traceNumber\": \"CHK-1\"}]")).containsExactly(
                "/: a list is not a remittance: a document holds one payment, a JSON object [SCHEMA]");
        assertThat(errors("")).containsExactly(
                "line 1, column 1: the document is empty: a JSON remittance was expected [NOT_JSON]");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsing() {
        byte[] big = ("{\"traceNumber\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(new RemittanceJsonReader(1000).read("acme", "pay.json", big).errors()).extracting(InputError::code)
                .containsExactly("TOO_LARGE");
    }

    private Remittance remittance(String json) {
        RemittanceDocument document = reader.read("acme", "pay.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(document.errors()).isEmpty();
        assertThat(document.remittances()).hasSize(1);
        return document.remittances().get(0);
    }

    private List<String> errors(String json) {
        RemittanceDocument document = reader.read("acme", "pay.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(document.remittances()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}

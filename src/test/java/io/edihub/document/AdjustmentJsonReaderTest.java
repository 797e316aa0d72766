package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON adjustment reader, rule by rule; the samples are in {@link AdjustmentSamplesTest}. */
class AdjustmentJsonReaderTest {

    private static final String HEAD = "\"adjustmentNumber\": \"CM-1\", \"adjustmentDate\": \"2027-02-05\", "
            + "\"invoiceNumber\": \"INV-1\", ";
    private final AdjustmentJsonReader reader = new AdjustmentJsonReader(1 << 20);

    @Test
    void theSchemaIsPublishedAndLeavesThePartnerToTheChannel() throws IOException {
        JsonNode schema = SchemaAssertions.assertPublishedSchema(AdjustmentJsonReader.SCHEMA_RESOURCE,
                AdjustmentJsonReader.SCHEMA_ID);
        assertThat(schema.path("properties").has("partnerId")).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("adjustmentNumber", "adjustmentDate", "invoiceNumber", "direction", "amount");
    }

    @Test
    void aDebitOfAnAmountAloneHasNoLines() {
        Adjustment adjustment = adjustment("{" + HEAD + "\"direction\": \"debit\", \"amount\": 12.5}");

        assertThat(adjustment.partnerId()).isEqualTo("acme");
        assertThat(adjustment.credit()).isFalse();
        assertThat(adjustment.amount()).isEqualByComparingTo("12.50");
        assertThat(adjustment.lines()).isEmpty();
        assertThat(adjustment.invoiceDate()).isNull();
        assertThat(adjustment.poNumber()).isNull();
    }

    @Test
    void aLineOfAQuantityAloneIsNotSummed() {
        Adjustment adjustment = adjustment("{" + HEAD + "\"direction\": \"credit\", \"amount\": 999, \"lines\": ["
                + "{\"lineNumber\": 1, \"quantity\": \"2.5\", \"unit\": \"EA\"}, {\"lineNumber\": 2, \"amount\": 1}]}");

        assertThat(adjustment.lines()).extracting(Adjustment.Line::lineNumber).containsExactly("1", "2");
        assertThat(adjustment.lines().get(0).amount()).isNull();
    }

    @Test
    void theSchemaIsSaidInTheSendersWords() {
        assertThat(errors("{\"partnerId\": \"acme\", " + HEAD + "\"direction\": \"credit\", \"amount\": -1, "
                + "\"currency\": \"usd\", \"lines\": [{\"lineNumber\": 1, \"quantity\": 0, \"ammount\": 1}]}"))
                .containsExactly(
                        "/partnerId: unknown field 'partnerId': the partner is the one the document arrives from, not named"
                                + " in it [SCHEMA]",
                        "/amount: -1 is not an amount greater than zero with at most 2 decimals, written as a JSON number or"
                                + " as a string like \"637.50\" [SCHEMA]",
                        "/currency: 'usd' is not an ISO 4217 currency code of 3 capital letters, such as USD [SCHEMA]",
                        "/lines/0/quantity: 0 is not a number greater than zero, written as a JSON number or as a string"
                                + " like \"12.5\" (at most 15 digits before and 6 after the point) [SCHEMA]",
                        "/lines/0/ammount: unknown field 'ammount' (did you mean 'amount'?) [SCHEMA]");
    }

    @Test
    void aDocumentHoldsOneAdjustmentAndIsJson() {
        assertThat(errors("[{" + HEAD + "\"direction\": \"credit\", \"amount\": 1}]")).containsExactly(
                "/: a list is not an adjustment: a document holds one credit or debit adjustment, a JSON object [SCHEMA]");
        assertThat(errors("")).containsExactly(
                "line 1, column 1: the document is empty: a JSON adjustment was expected [NOT_JSON]");
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsing() {
        byte[] big = ("{\"adjustmentNumber\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(new AdjustmentJsonReader(1000).read("acme", "cm.json", big).errors()).extracting(InputError::code)
                .containsExactly("TOO_LARGE");
    }

    private Adjustment adjustment(String json) {
        AdjustmentDocument document = reader.read("acme", "cm.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(document.errors()).isEmpty();
        assertThat(document.adjustments()).hasSize(1);
        return document.adjustments().get(0);
    }

    private List<String> errors(String json) {
        AdjustmentDocument document = reader.read("acme", "cm.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(document.adjustments()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}

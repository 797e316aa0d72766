package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.edihub.canonical.ClaimDenial;
import io.edihub.canonical.ClaimSamples;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.ReturnAuthorization;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON claim documents: each written document is valid against its published schema (checked here by the
 * validator alone, not by the writer's own check), the schemas are published like every other, and the samples
 * are golden files in {@code edi-samples/acme/claims/} ({@code -Dedihub.golden.update=true} rewrites them).
 */
class ClaimDocumentsJsonTest {

    private static final Path CLAIMS = Path.of("edi-samples/acme/claims");

    @Test
    void theSchemasArePublished() throws IOException {
        SchemaAssertions.assertPublishedSchema(ClaimDocumentsJson.CREDIT_NOTE_SCHEMA_RESOURCE,
                ClaimDocumentsJson.CREDIT_NOTE_SCHEMA_ID);
        SchemaAssertions.assertPublishedSchema(ClaimDocumentsJson.RETURN_AUTHORIZATION_SCHEMA_RESOURCE,
                ClaimDocumentsJson.RETURN_AUTHORIZATION_SCHEMA_ID);
        SchemaAssertions.assertPublishedSchema(ClaimDocumentsJson.CLAIM_DENIAL_SCHEMA_RESOURCE,
                ClaimDocumentsJson.CLAIM_DENIAL_SCHEMA_ID);
    }

    @Test
    void aCreditNoteIsWrittenValidAgainstItsSchema() throws IOException {
        String json = ClaimDocumentsJson.creditNote(ClaimSamples.creditNote());

        assertThat(violations(ClaimDocumentsJson.CREDIT_NOTE_SCHEMA_RESOURCE, json)).isEmpty();
        JsonNode tree = JsonInput.MAPPER.readTree(json);
        assertThat(tree.get("invoiceNumber").asText()).isEqualTo("INV-2027-000042");
        assertThat(tree.get("creditDate").asText()).isEqualTo("2027-02-15");
        assertThat(tree.get("total").decimalValue()).isEqualByComparingTo("661.00");
        assertThat(tree.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("42.50");
        golden("credit-note.json", json);
    }

    @Test
    void aReturnAuthorizationIsWrittenValidAgainstItsSchema() throws IOException {
        String json = ClaimDocumentsJson.returnAuthorization(ClaimSamples.returnAuthorization());

        assertThat(violations(ClaimDocumentsJson.RETURN_AUTHORIZATION_SCHEMA_RESOURCE, json)).isEmpty();
        assertThat(JsonInput.MAPPER.readTree(json).get("rmaNumber").asText()).isEqualTo("RMA-CL-2027-000031");
        golden("return-authorization.json", json);
    }

    @Test
    void aClaimDenialIsWrittenValidAgainstItsSchema() throws IOException {
        String json = ClaimDocumentsJson.claimDenial(ClaimSamples.claimDenial());

        assertThat(violations(ClaimDocumentsJson.CLAIM_DENIAL_SCHEMA_RESOURCE, json)).isEmpty();
        assertThat(JsonInput.MAPPER.readTree(json).get("customerDocument").asText()).isEqualTo("812");
        golden("claim-denial.json", json);
    }

    @Test
    void minimalDocumentsAreValidToo() throws IOException {
        CreditNote credit = new CreditNote("CN-1", "acme", "INV-1", null, null, null, null, null, null, null, null, null,
                ClaimSamples.SETTLED, null, null, List.of(), new BigDecimal("12.50"));
        assertThat(violations(ClaimDocumentsJson.CREDIT_NOTE_SCHEMA_RESOURCE, ClaimDocumentsJson.creditNote(credit))).isEmpty();
        ClaimDenial denial = new ClaimDenial("CL-1", "acme", null, null, null, "OPERATOR", null, ClaimSamples.SETTLED,
                "NOT OUR ERROR", List.of());
        assertThat(violations(ClaimDocumentsJson.CLAIM_DENIAL_SCHEMA_RESOURCE, ClaimDocumentsJson.claimDenial(denial)))
                .isEmpty();
    }

    @Test
    void aDocumentThatWouldBreakItsSchemaIsNotWritten() {
        assertThatThrownBy(() -> ClaimDocumentsJson.creditNote(ClaimSamples.creditNote(List.of(), BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("breaks its published schema")
                .hasMessageContaining("/total");
        assertThatThrownBy(() -> ClaimDocumentsJson.creditNote(ClaimSamples.creditNote(ClaimSamples.creditNote().lines(),
                new BigDecimal("600")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 661.00");
        ReturnAuthorization r = ClaimSamples.returnAuthorization();
        assertThatThrownBy(() -> ClaimDocumentsJson.returnAuthorization(new ReturnAuthorization(r.rmaNumber(),
                r.partnerId(), r.poNumber(), r.orderDate(), r.releaseId(), r.claimNumber(), r.customerReference(),
                r.authorizedOn(), r.reason(), List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/lines");
        ClaimDenial d = ClaimSamples.claimDenial();
        assertThatThrownBy(() -> ClaimDocumentsJson.claimDenial(new ClaimDenial(d.claimNumber(), d.partnerId(),
                d.poNumber(), d.releaseId(), d.invoiceNumber(), d.customerDocument(), d.customerReference(), null,
                d.reason(), d.lines()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decidedOn");
    }

    /** What the schema validator alone says of a document (format assertions on, as the hub publishes them). */
    private static List<String> violations(String resource, String json) throws IOException {
        JsonSchema schema;
        try (InputStream in = ClaimDocumentsJsonTest.class.getClassLoader().getResourceAsStream(resource)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JsonInput.MAPPER.readTree(in),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        return schema.validate(JsonInput.MAPPER.readTree(json)).stream().map(Object::toString).toList();
    }

    private static void golden(String name, String json) throws IOException {
        Path file = CLAIMS.resolve(name);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(CLAIMS);
            Files.writeString(file, json);
        }
        assertThat(json).isEqualTo(Files.readString(file));
    }
}

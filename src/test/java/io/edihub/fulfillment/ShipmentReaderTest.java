package io.edihub.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.InputError;
import io.edihub.document.GoldenErrors;
import io.edihub.document.SchemaAssertions;
import java.io.IOException;
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
 * The shipment event reader: the sample, the broken samples against their {@code <name>.expected.txt}
 * (regenerate with {@code -Dedihub.golden.update=true} and review the diff), then rule by rule.
 */
class ShipmentReaderTest {

    private static final Path SAMPLES = Path.of("edi-samples/fulfillment");
    private static final String QUANTITY = "a number greater than zero, written as a JSON number or as a string like \"12.5\""
            + " (at most 15 digits before and 6 after the point)";
    private final ShipmentReader reader = new ShipmentReader();

    static Stream<Path> brokenSamples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().matches("broken-shipment-.*\\.json")).sorted().toList().stream();
        }
    }

    @Test
    void theSchemaIsPublished() throws IOException {
        JsonNode schema = SchemaAssertions.assertPublishedSchema(ShipmentReader.SCHEMA_RESOURCE, ShipmentReader.SCHEMA_ID);
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("shipmentId", "partnerId", "releaseId", "shipDate", "lines");
    }

    @Test
    void theSampleIsAShipmentOfTheFirstRelease() throws IOException {
        ShipmentReader.Result result = reader.read(Files.readAllBytes(SAMPLES.resolve("shipment.json")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.shipment()).isEqualTo(new Shipment("SHP-2027-000117", "acme", "4500012345-01",
                LocalDate.of(2027, 1, 5), "UPSN", "1Z999AA10123456784", List.of(
                        new Shipment.Line("1", new BigDecimal("100"), "EA"),
                        new Shipment.Line("2", new BigDecimal("50"), "CA"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleGivesItsExpectedErrors(Path sample) throws IOException {
        ShipmentReader.Result result = reader.read(Files.readAllBytes(sample));

        assertThat(result.accepted()).isFalse();
        assertThat(result.shipment()).isNull();
        GoldenErrors.assertExpected(sample, ".expected.txt", result.errors());
    }

    @Test
    void carrierTrackingAndUnitAreOptionalAndALineMayComeInSeveralEntries() {
        ShipmentReader.Result result = read("""
                {"shipmentId": "S-1", "partnerId": "acme", "releaseId": "PO-1-01", "shipDate": "2027-01-05",
                 "lines": [{"lineNumber": 1, "quantity": "12.50"}, {"lineNumber": "1", "quantity": 0.5, "unit": "EA"}]}
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.shipment().carrier()).isNull();
        assertThat(result.shipment().trackingNumber()).isNull();
        assertThat(result.shipment().lines()).containsExactly(
                new Shipment.Line("1", new BigDecimal("12.50"), null),
                new Shipment.Line("1", new BigDecimal("0.5"), "EA"));
    }

    @Test
    void aQuantityIsGreaterThanZeroWithAtMostSixDecimals() {
        assertThat(errors("""
                {"shipmentId": "S-1", "partnerId": "acme", "releaseId": "PO-1-01", "shipDate": "2027-01-05",
                 "lines": [{"lineNumber": "1", "quantity": -1}, {"lineNumber": "2", "quantity": "0.0"},
                           {"lineNumber": "3", "quantity": "12,5"}]}
                """)).containsExactly(
                "/lines/0/quantity: -1 is not " + QUANTITY + " [SCHEMA]",
                "/lines/1/quantity: '0.0' is not " + QUANTITY + " [SCHEMA]",
                "/lines/2/quantity: '12,5' is not " + QUANTITY + " [SCHEMA]");
        assertThat(errors("""
                {"shipmentId": "S-1", "partnerId": "acme", "releaseId": "PO-1-01", "shipDate": "2027-01-05",
                 "lines": [{"lineNumber": "1", "quantity": 1E-7}]}
                """)).containsExactly("/lines/0/quantity: 1E-7 has more than 6 decimal places [BAD_NUMBER]");
    }

    @Test
    void anEventIsOneObject() {
        assertThat(errors("[]")).containsExactly(
                "/: a list is not a shipment: a shipment event is one JSON object [SCHEMA]");
        assertThat(errors("")).containsExactly(
                "line 1, column 1: the document is empty: a JSON shipment was expected [NOT_JSON]");
        assertThat(errors("{} {}")).containsExactly(
                "line 1, column 4: more content after the end of the shipment: a document holds one JSON value [NOT_JSON]");
    }

    @Test
    void anEventOverTheLimitIsRefusedBeforeParsing() {
        byte[] big = ("{\"shipmentId\": \"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(new ShipmentReader(1000).read(big).errors()).extracting(InputError::toString)
                .containsExactly("byte 1001: document is larger than the 1000-byte limit [TOO_LARGE]");
        assertThat(new ShipmentReader(big.length).read(big).errors()).extracting(InputError::code).doesNotContain("TOO_LARGE");
    }

    private ShipmentReader.Result read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> errors(String json) {
        ShipmentReader.Result result = read(json);
        assertThat(result.shipment()).isNull();
        return result.errors().stream().map(InputError::toString).toList();
    }
}

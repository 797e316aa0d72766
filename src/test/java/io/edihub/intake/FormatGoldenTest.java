package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edihub.SameOrder;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.document.CsvOrderReader;
import io.edihub.document.JsonOrderReader;
import io.edihub.document.OrderDocument;
import io.edihub.document.OrderFormat;
import io.edihub.partner.PartnerProfile.ReleaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same order sent as X12, JSON and CSV must become the same canonical order: each sample in
 * {@code edi-samples/acme/formats/} is compared with the order in the X12 sample's golden file.
 */
class FormatGoldenTest {

    private static final Path FORMATS = Path.of("edi-samples/acme/formats");
    private static final Path X12_GOLDEN = Path.of("edi-samples/acme/blanket-12-month-schedule.json");

    static Stream<Path> samples() {
        return Stream.of(FORMATS.resolve("blanket-12-month-schedule.order.json"),
                FORMATS.resolve("blanket-12-month-schedule.order.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleGivesTheX12SamplesOrder(Path sample) throws IOException {
        PurchaseOrder expected = x12Order();
        byte[] content = Files.readAllBytes(sample);
        OrderFormat format = OrderFormat.detect(content);
        OrderDocument document = switch (format) {
            case JSON -> new JsonOrderReader(1 << 20).read("acme", sample.getFileName().toString(), content);
            case CSV -> new CsvOrderReader(1 << 20).read("acme", sample.getFileName().toString(), content);
            default -> throw new AssertionError(sample + " detected as " + format);
        };

        assertThat(document.errors()).isEmpty();
        assertThat(document.messages()).singleElement().isInstanceOf(PurchaseOrder.class);
        PurchaseOrder order = (PurchaseOrder) document.messages().get(0);
        assertThat(order.partnerId()).isEqualTo("acme");
        assertThat(order.source().format()).isEqualTo(format.name());
        assertThat(order.source().fileName()).isEqualTo(sample.getFileName().toString());
        SameOrder.assertSameOrder(order, expected);
        assertThat(ReleasePlanner.plan(order, ReleaseExtension.SEQUENCE)).hasSize(12);
    }

    /** The X12 sample's order as its golden file has it (the golden test keeps that file true). */
    static PurchaseOrder x12Order() throws IOException {
        JsonNode golden = CanonicalJson.MAPPER.readTree(X12_GOLDEN.toFile());
        ObjectNode order = (ObjectNode) golden.at("/interchanges/0/groups/0/transactions/0/order").deepCopy();
        order.remove("releases");
        return CanonicalJson.MAPPER.treeToValue(order, PurchaseOrder.class);
    }
}

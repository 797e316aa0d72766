package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edihub.order.CanonicalJson;
import io.edihub.order.OrderLine;
import io.edihub.order.PurchaseOrder;
import io.edihub.order.Release;
import io.edihub.order.ReleasePlanner;
import io.edihub.order.ScheduleLine;
import io.edihub.partner.PartnerProfile.ReleaseExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(order.poNumber()).isEqualTo(expected.poNumber());
        assertThat(order.releaseNumber()).isEqualTo(expected.releaseNumber());
        assertThat(order.purpose()).isEqualTo(expected.purpose());
        assertThat(order.type()).isEqualTo(expected.type());
        assertThat(order.orderDate()).isEqualTo(expected.orderDate());
        assertThat(order.requestedDelivery()).isEqualTo(expected.requestedDelivery());
        assertThat(order.currency()).isEqualTo(expected.currency());
        assertThat(order.contractNumber()).isEqualTo(expected.contractNumber());
        assertThat(shipTo(order)).isEqualTo(shipTo(expected));

        assertThat(order.lines()).hasSameSizeAs(expected.lines());
        for (int i = 0; i < expected.lines().size(); i++) {
            OrderLine want = expected.lines().get(i);
            OrderLine got = order.lines().get(i);
            assertThat(got.lineNumber()).isEqualTo(want.lineNumber());
            assertThat(got.buyerPart()).isEqualTo(want.buyerPart());
            assertThat(got.vendorPart()).isEqualTo(want.vendorPart());
            assertThat(got.description()).isEqualTo(want.description());
            assertThat(got.quantity()).isEqualByComparingTo(want.quantity());
            assertThat(got.unit()).isEqualTo(want.unit());
            assertThat(got.unitPrice()).isEqualByComparingTo(want.unitPrice());
            assertThat(got.schedule()).hasSameSizeAs(want.schedule());
            for (int j = 0; j < want.schedule().size(); j++) {
                ScheduleLine w = want.schedule().get(j);
                ScheduleLine g = got.schedule().get(j);
                assertThat(g.quantity()).as("line %s schedule %d", want.lineNumber(), j).isEqualByComparingTo(w.quantity());
                assertThat(g.unit()).isEqualTo(w.unit());
                assertThat(g.deliveryDate()).isEqualTo(w.deliveryDate());
            }
        }

        List<Release> releases = ReleasePlanner.plan(order, ReleaseExtension.SEQUENCE);
        assertThat(releases).hasSize(12);
        assertThat(releases)
                .usingRecursiveFieldByFieldElementComparator(org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration
                        .builder().withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .isEqualTo(ReleasePlanner.plan(expected, ReleaseExtension.SEQUENCE));
    }

    /** The X12 sample's order as its golden file has it (the golden test keeps that file true). */
    static PurchaseOrder x12Order() throws IOException {
        JsonNode golden = CanonicalJson.MAPPER.readTree(X12_GOLDEN.toFile());
        ObjectNode order = (ObjectNode) golden.at("/interchanges/0/groups/0/transactions/0/order").deepCopy();
        order.remove("releases");
        return CanonicalJson.MAPPER.treeToValue(order, PurchaseOrder.class);
    }

    private static List<String> shipTo(PurchaseOrder order) {
        return order.parties().stream().filter(p -> "ST".equals(p.role()))
                .flatMap(p -> Stream.of(p.role(), p.name(), p.id())).toList();
    }
}

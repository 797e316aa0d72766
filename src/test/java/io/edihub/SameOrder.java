package io.edihub;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;

/**
 * The one meaning of "the same order in another format": what releases, shipments and invoices depend on
 * (header, ship-to, every line and delivery, and the monthly releases) is equal, amounts by value.
 */
public final class SameOrder {

    private static final RecursiveComparisonConfiguration BY_VALUE = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build();

    private SameOrder() {
    }

    public static void assertSameOrder(PurchaseOrder actual, PurchaseOrder expected) {
        assertThat(actual.poNumber()).isEqualTo(expected.poNumber());
        assertThat(actual.releaseNumber()).isEqualTo(expected.releaseNumber());
        assertThat(actual.purpose()).isEqualTo(expected.purpose());
        assertThat(actual.type()).isEqualTo(expected.type());
        assertThat(actual.orderDate()).isEqualTo(expected.orderDate());
        assertThat(actual.requestedDelivery()).isEqualTo(expected.requestedDelivery());
        assertThat(actual.currency()).isEqualTo(expected.currency());
        assertThat(actual.contractNumber()).isEqualTo(expected.contractNumber());
        assertThat(shipTo(actual)).isEqualTo(shipTo(expected));
        assertThat(actual.lines()).hasSameSizeAs(expected.lines());
        for (int i = 0; i < expected.lines().size(); i++) {
            OrderLine want = expected.lines().get(i);
            OrderLine got = actual.lines().get(i);
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
        assertThat(ReleasePlanner.plan(actual, PartnerProfile.ReleaseExtension.SEQUENCE))
                .usingRecursiveFieldByFieldElementComparator(BY_VALUE)
                .isEqualTo(ReleasePlanner.plan(expected, PartnerProfile.ReleaseExtension.SEQUENCE));
    }

    private static List<String> shipTo(PurchaseOrder order) {
        return order.parties().stream().filter(p -> "ST".equals(p.role()))
                .flatMap(p -> Stream.of(p.role(), p.name(), p.id())).toList();
    }
}

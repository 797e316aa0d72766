package io.edihub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.policy.OrderDesk;
import io.edihub.policy.OrderInProgress;
import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The shape of the order route (routes/order.camel.yaml) with the order desk replaced: a new order has its
 * releases planned, is checked against the contract, stored and acknowledged, in that order; a change is applied
 * to the order on file and none of the new order's steps run; a refusal, early or at planning, skips everything
 * after it; every path ends with the revision recorded. The whole-hub order tests run it with the real desk.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RouteShapes.class, properties = "camel.main.routes-include-pattern=file:routes/order.camel.yaml")
class OrderRouteTest {

    @MockitoBean(name = "orderDesk")
    OrderDesk desk;

    @Autowired
    ProducerTemplate producer;

    private final OrderDesk.Outcome accepted = new OrderDesk.Outcome(OrderDesk.Result.ACCEPTED, "4500012345", null, null,
            "accepted", null, List.of(), null, 1L);
    private final OrderDesk.Outcome refused = new OrderDesk.Outcome(OrderDesk.Result.REFUSED, "4500012345",
            "DUPLICATE_ORDER", "order", "already received", null, List.of(), null, null);

    @Test
    void aNewOrderIsPlannedCheckedStoredAndAcknowledged() {
        OrderInProgress fresh = step(PurchaseOrder.Purpose.ORIGINAL, null);
        OrderInProgress decided = step(PurchaseOrder.Purpose.ORIGINAL, accepted);
        when(desk.screen(any())).thenReturn(fresh);
        when(desk.planReleases(fresh)).thenReturn(fresh);
        when(desk.checkContract(fresh)).thenReturn(fresh);
        when(desk.storeOrder(fresh)).thenReturn(decided);
        when(desk.acknowledge(decided)).thenReturn(decided);
        when(desk.finish(decided)).thenReturn(accepted);

        assertThat(producer.requestBody("direct:takeOrder", fresh)).isEqualTo(accepted);

        InOrder flow = inOrder(desk);
        flow.verify(desk).screen(any());
        flow.verify(desk).planReleases(fresh);
        flow.verify(desk).checkContract(fresh);
        flow.verify(desk).storeOrder(fresh);
        flow.verify(desk).acknowledge(decided);
        flow.verify(desk).finish(decided);
        verify(desk, never()).replanChange(any());
    }

    @Test
    void aChangeIsReplannedCheckedStoredAndAcknowledgedWithoutTheNewOrderSteps() {
        OrderInProgress change = step(PurchaseOrder.Purpose.CHANGE, null);
        OrderInProgress applied = step(PurchaseOrder.Purpose.CHANGE, accepted);
        when(desk.screen(any())).thenReturn(change);
        when(desk.replanChange(change)).thenReturn(change);
        when(desk.checkChange(change)).thenReturn(change);
        when(desk.storeChange(change)).thenReturn(applied);
        when(desk.acknowledgeChange(applied)).thenReturn(applied);
        when(desk.finish(applied)).thenReturn(accepted);

        assertThat(producer.requestBody("direct:takeOrder", change)).isEqualTo(accepted);

        InOrder flow = inOrder(desk);
        flow.verify(desk).replanChange(change);
        flow.verify(desk).checkChange(change);
        flow.verify(desk).storeChange(change);
        flow.verify(desk).acknowledgeChange(applied);
        flow.verify(desk).finish(applied);
        verify(desk, never()).planReleases(any());
        verify(desk, never()).checkContract(any());
        verify(desk, never()).storeOrder(any());
        verify(desk, never()).acknowledge(any());
    }

    @Test
    void aChangeRefusedWhenReplannedIsNeitherCheckedNorStored() {
        OrderInProgress change = step(PurchaseOrder.Purpose.CHANGE, null);
        OrderInProgress closed = step(PurchaseOrder.Purpose.CHANGE, refused);
        when(desk.screen(any())).thenReturn(change);
        when(desk.replanChange(change)).thenReturn(closed);
        when(desk.finish(closed)).thenReturn(refused);

        assertThat(producer.requestBody("direct:takeOrder", change)).isEqualTo(refused);

        verify(desk, never()).checkChange(any());
        verify(desk, never()).storeChange(any());
        verify(desk, never()).acknowledgeChange(any());
        verify(desk).finish(closed);
    }

    @Test
    void aDocumentRefusedAtTheScreenIsNeitherPlannedNorApplied() {
        OrderInProgress duplicate = step(PurchaseOrder.Purpose.ORIGINAL, refused);
        when(desk.screen(any())).thenReturn(duplicate);
        when(desk.finish(duplicate)).thenReturn(refused);

        assertThat(producer.requestBody("direct:takeOrder", step(PurchaseOrder.Purpose.ORIGINAL, null))).isEqualTo(refused);

        verify(desk, never()).planReleases(any());
        verify(desk, never()).replanChange(any());
        verify(desk).finish(duplicate);
    }

    @Test
    void anOrderWhoseReleasesCannotBePlannedIsNeitherCheckedNorStored() {
        OrderInProgress fresh = step(PurchaseOrder.Purpose.ORIGINAL, null);
        OrderInProgress unplannable = step(PurchaseOrder.Purpose.ORIGINAL, refused);
        when(desk.screen(any())).thenReturn(fresh);
        when(desk.planReleases(fresh)).thenReturn(unplannable);
        when(desk.finish(unplannable)).thenReturn(refused);

        assertThat(producer.requestBody("direct:takeOrder", fresh)).isEqualTo(refused);

        verify(desk, never()).checkContract(any());
        verify(desk, never()).storeOrder(any());
        verify(desk, never()).acknowledge(any());
    }

    private static OrderInProgress step(PurchaseOrder.Purpose purpose, OrderDesk.Outcome outcome) {
        OrderMessage message = purpose == PurchaseOrder.Purpose.ORIGINAL ? mock(PurchaseOrder.class) : mock(OrderChange.class);
        when(message.purpose()).thenReturn(purpose);
        return new OrderInProgress(message, null, 7L, null, null, List.of(), null, null, outcome);
    }
}

package io.edihub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.edihub.fulfillment.ShipmentDesk;
import io.edihub.fulfillment.ShipmentInProgress;
import io.edihub.partner.PartnerProfile;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The shape of the shipment route (routes/shipment.camel.yaml), loaded on its own with the desk replaced: a
 * shipment event is checked; a refused one is kept with its reason and nothing is applied; a redelivery is only
 * recorded; a good one is applied, and its ship notice written only when the partner wants one. What each step
 * does is tested with the real beans in the whole-hub fulfillment tests.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RouteShapes.class, properties = "camel.main.routes-include-pattern=file:routes/shipment.camel.yaml")
class ShipmentRouteTest {

    @MockitoBean(name = "shipmentDesk")
    ShipmentDesk desk;

    @Autowired
    ProducerTemplate producer;

    private final ShipmentInProgress start = new ShipmentInProgress("{}", "edihub.shipments.v1-0@7", "sha",
            Instant.parse("2026-12-07T08:00:00Z"), null, null, null, null, null, null);

    @Test
    void aRefusedShipmentIsKeptWithItsReasonAndNothingIsApplied() {
        ShipmentInProgress refused = ended(ShipmentDesk.Result.EXCEPTION, null, null);
        when(desk.check(any())).thenReturn(refused);
        when(desk.refusal(refused)).thenReturn(refused);

        assertThat(producer.requestBody("direct:takeShipment", start)).isEqualTo(refused);
        verify(desk).refusal(refused);
        verify(desk, never()).duplicate(any());
        verify(desk, never()).apply(any());
        verify(desk, never()).sendShipNotice(any());
    }

    @Test
    void aRedeliveryIsRecordedAndChangesNothing() {
        ShipmentInProgress again = ended(ShipmentDesk.Result.DUPLICATE, null, null);
        when(desk.check(any())).thenReturn(again);
        when(desk.duplicate(again)).thenReturn(again);

        assertThat(producer.requestBody("direct:takeShipment", start)).isEqualTo(again);
        verify(desk).duplicate(again);
        verify(desk, never()).refusal(any());
        verify(desk, never()).apply(any());
        verify(desk, never()).sendShipNotice(any());
    }

    @Test
    void aGoodShipmentIsAppliedThenToldInAShipNoticeWhenThePartnerWantsOne() {
        ShipmentInProgress checked = ended(null, null, null);
        ShipmentInProgress applied = ended(ShipmentDesk.Result.APPLIED, partner(true), 42L);
        when(desk.check(any())).thenReturn(checked);
        when(desk.apply(checked)).thenReturn(applied);
        when(desk.sendShipNotice(applied)).thenReturn(applied);

        assertThat(producer.requestBody("direct:takeShipment", start)).isEqualTo(applied);
        InOrder flow = inOrder(desk);
        flow.verify(desk).check(any());
        flow.verify(desk).apply(checked);
        flow.verify(desk).sendShipNotice(applied);
        verify(desk, never()).refusal(any());
    }

    @Test
    void aPartnerWithoutShipNoticesGetsNone() {
        ShipmentInProgress checked = ended(null, null, null);
        ShipmentInProgress applied = ended(ShipmentDesk.Result.APPLIED, partner(false), 42L);
        when(desk.check(any())).thenReturn(checked);
        when(desk.apply(checked)).thenReturn(applied);

        assertThat(producer.requestBody("direct:takeShipment", start)).isEqualTo(applied);
        verify(desk).apply(checked);
        verify(desk, never()).sendShipNotice(any());
    }

    @Test
    void aFailingStepFailsTheRouteForTheCallerToRollBack() {
        ShipmentInProgress checked = ended(null, null, null);
        when(desk.check(any())).thenReturn(checked);
        when(desk.apply(checked)).thenThrow(new IllegalStateException("database gone"));

        Exchange done = producer.send("direct:takeShipment", exchange -> exchange.getMessage().setBody(start));

        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        verify(desk, never()).sendShipNotice(any());
    }

    private ShipmentInProgress ended(ShipmentDesk.Result result, PartnerProfile partner, Long row) {
        return new ShipmentInProgress(start.payload(), start.origin(), start.sha256(), start.receivedAt(), null, partner,
                null, null, result == null ? null : new ShipmentDesk.Outcome(result, result.name(), "test"), row);
    }

    private static PartnerProfile partner(boolean shipNotice) {
        PartnerProfile partner = mock(PartnerProfile.class);
        when(partner.shipNotice()).thenReturn(shipNotice);
        return partner;
    }
}

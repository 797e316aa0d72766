package io.edihub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.edihub.billing.AcceptanceDesk;
import io.edihub.billing.AcceptanceInProgress;
import io.edihub.billing.Invoicing;
import io.edihub.canonical.Acceptance;
import io.edihub.claims.Claims;
import io.edihub.canonical.PurchaseOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The shape of the acceptance route (routes/acceptance.camel.yaml), loaded on its own with its beans replaced: an
 * acceptance is judged; a refused one is answered as refused and nothing else happens; a taken one is recorded,
 * invoiced only when something was accepted, claimed and closed, in that order. What each step does is tested
 * with the real beans in the whole-hub billing tests.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RouteShapes.class, properties = "camel.main.routes-include-pattern=file:routes/acceptance.camel.yaml")
class AcceptanceRouteTest {

    @MockitoBean(name = "acceptanceDesk")
    AcceptanceDesk desk;

    @MockitoBean(name = "invoicing")
    Invoicing invoicing;

    @MockitoBean(name = "claims")
    Claims claims;

    @Autowired
    ProducerTemplate producer;

    private final Acceptance acceptance = new Acceptance("acme", "RA-1", "4500012345", "4500012345-01",
            LocalDate.of(2026, 12, 7), false, List.of(new Acceptance.Line("1", BigDecimal.TEN, BigDecimal.ONE, null, "EA",
                    null, null)), new PurchaseOrder.SourceDocument("861", null, null, null, null, null));

    @Test
    void aRefusedAcceptanceIsAnsweredAndNothingIsRecordedInvoicedOrClaimed() {
        AcceptanceDesk.Outcome refused = new AcceptanceDesk.Outcome(AcceptanceDesk.Result.REFUSED, "RA-1", "4500012345-01",
                "NOT_SHIPPED", "nothing was shipped", null, null, 0);
        AcceptanceInProgress judged = step(Map.of(), refused);
        when(desk.judge(any())).thenReturn(judged);
        when(desk.refusal(judged)).thenReturn(refused);

        Object answer = producer.requestBody("direct:acceptRelease", step(Map.of(), null));

        assertThat(answer).isEqualTo(refused);
        verify(desk, never()).record(any());
        verify(invoicing, never()).invoiceAccepted(any());
        verify(claims, never()).raise(any());
        verify(claims, never()).replacementJudged(any());
        verify(desk, never()).close(any());
    }

    @Test
    void anAcceptedQuantityIsRecordedThenClaimedThenInvoicedLastThenClosed() {
        AcceptanceInProgress judged = step(Map.of("1", BigDecimal.TEN), null);
        AcceptanceDesk.Outcome taken = new AcceptanceDesk.Outcome(AcceptanceDesk.Result.INVOICED, "RA-1", "4500012345-01",
                "PARTIALLY_ACCEPTED", "taken", "EDH-00000001", new BigDecimal("425.00"), 1);
        when(desk.judge(any())).thenReturn(judged);
        when(desk.record(judged)).thenReturn(judged);
        when(invoicing.invoiceAccepted(judged)).thenReturn(judged);
        when(claims.raise(judged)).thenReturn(judged);
        when(claims.replacementJudged(judged)).thenReturn(judged);
        when(desk.close(judged)).thenReturn(taken);

        Object answer = producer.requestBody("direct:acceptRelease", step(Map.of(), null));

        assertThat(answer).isEqualTo(taken);
        InOrder flow = inOrder(desk, invoicing, claims);
        flow.verify(desk).judge(any());
        flow.verify(desk).record(judged);
        flow.verify(claims).raise(judged);
        flow.verify(claims).replacementJudged(judged);
        flow.verify(invoicing).invoiceAccepted(judged);
        flow.verify(desk).close(judged);
        verify(desk, never()).refusal(any());
    }

    @Test
    void nothingAcceptedIsNeverInvoicedButStillClaimedAndClosed() {
        AcceptanceInProgress judged = step(Map.of(), null);
        AcceptanceDesk.Outcome taken = new AcceptanceDesk.Outcome(AcceptanceDesk.Result.TAKEN, "RA-1", "4500012345-01",
                "REJECTED", "taken", null, null, 1);
        when(desk.judge(any())).thenReturn(judged);
        when(desk.record(judged)).thenReturn(judged);
        when(claims.raise(judged)).thenReturn(judged);
        when(claims.replacementJudged(judged)).thenReturn(judged);
        when(desk.close(judged)).thenReturn(taken);

        assertThat(producer.requestBody("direct:acceptRelease", step(Map.of(), null))).isEqualTo(taken);
        verify(invoicing, never()).invoiceAccepted(any());
        InOrder flow = inOrder(desk, claims);
        flow.verify(desk).record(judged);
        flow.verify(claims).raise(judged);
        flow.verify(desk).close(judged);
    }

    @Test
    void aFailingStepFailsTheRouteForTheCallerToRollBack() {
        AcceptanceInProgress judged = step(Map.of("1", BigDecimal.TEN), null);
        when(desk.judge(any())).thenReturn(judged);
        when(desk.record(judged)).thenReturn(judged);
        when(claims.raise(judged)).thenReturn(judged);
        when(claims.replacementJudged(judged)).thenReturn(judged);
        when(invoicing.invoiceAccepted(judged)).thenThrow(new IllegalStateException("database gone"));

        org.apache.camel.Exchange done = producer.send("direct:acceptRelease",
                exchange -> exchange.getMessage().setBody(step(Map.of(), null)));

        assertThat(done.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        verify(desk, never()).close(any());
    }

    private AcceptanceInProgress step(Map<String, BigDecimal> toInvoice, AcceptanceDesk.Outcome refusal) {
        return new AcceptanceInProgress(acceptance, null, 7L, null, null, toInvoice, refusal, Instant.EPOCH, null, null, 0);
    }
}

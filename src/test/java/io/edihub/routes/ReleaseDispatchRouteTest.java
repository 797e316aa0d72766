package io.edihub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.edihub.fulfillment.ReleaseScheduler;
import io.edihub.order.ReleaseLedger;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The shape of release dispatch (routes/release-dispatch.camel.yaml): the releases due are found, then each is
 * requested in a step of its own, in the order found, and one that fails does not keep the others from being
 * requested. The leader-only timer is replaced by a direct start (AdviceWith); the whole-hub fulfillment tests run
 * it for real.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = RouteShapes.class, properties = "camel.main.routes-include-pattern=file:routes/release-dispatch.camel.yaml")
class ReleaseDispatchRouteTest {

    @MockitoBean(name = "releaseScheduler")
    ReleaseScheduler scheduler;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    private final ReleaseLedger.Due key = new ReleaseLedger.Due("acme", "4500012345-01", "4500012345", LocalDate.of(2026, 12, 1));
    private final ReleaseLedger.Due later = new ReleaseLedger.Due("globex", "7700001-02", "7700001", LocalDate.of(2027, 1, 4));

    @BeforeEach
    void startByHand() throws Exception {
        AdviceWith.adviceWith(camel, "dispatchDueReleases", route -> route.replaceFromWith("direct:dispatchDueReleases"));
        camel.start();
    }

    @Test
    void eachDueReleaseIsRequestedInItsOwnStepInTheOrderFound() {
        when(scheduler.due()).thenReturn(List.of(key, later));
        when(scheduler.dispatch(any())).thenReturn(true);

        producer.sendBody("direct:dispatchDueReleases", null);

        InOrder flow = inOrder(scheduler);
        flow.verify(scheduler).due();
        flow.verify(scheduler).dispatch(key);
        flow.verify(scheduler).dispatch(later);
    }

    @Test
    void oneFailingRequestDoesNotKeepTheNextFromBeingRequested() {
        when(scheduler.due()).thenReturn(List.of(key, later));
        when(scheduler.dispatch(key)).thenThrow(new IllegalStateException("database gone"));
        when(scheduler.dispatch(later)).thenReturn(true);

        org.apache.camel.Exchange done = producer.send("direct:dispatchDueReleases", exchange -> { });

        verify(scheduler).dispatch(later);
        assertThat(done.getException()).isNotNull();
    }

    @Test
    void nothingDueRequestsNothing() {
        when(scheduler.due()).thenReturn(List.of());

        producer.sendBody("direct:dispatchDueReleases", null);

        verify(scheduler, never()).dispatch(any());
    }
}

package io.edihub.billing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;

/**
 * The shared hub's timers that would request releases and take implicit acceptances behind a property test's model
 * whenever they fire: stopped while the test runs, so that only the test decides when months come due, and started
 * again for the other tests on the shared hub.
 */
final class DispatchTimers {

    private static final List<String> ROUTES = List.of("dispatchDueReleases", "acceptUnjudgedShipments");

    private DispatchTimers() {
    }

    static void stop(CamelContext camel) throws Exception {
        for (String route : ROUTES) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> camel.getRouteController().getRouteStatus(route) == ServiceStatus.Started);
            camel.getRouteController().stopRoute(route);
        }
    }

    static void start(CamelContext camel) throws Exception {
        for (String route : ROUTES) {
            camel.getRouteController().startRoute(route);
        }
    }
}

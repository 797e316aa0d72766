package io.edihub.billing;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one acceptance through the {@code acceptRelease} route (routes/acceptance.camel.yaml) in the caller's
 * thread, and so in the caller's transaction: a failure inside the route comes back as the exception it was,
 * for the caller's transaction to roll back as if the steps had been called directly.
 */
@Component
class AcceptanceRoute {

    static final String URI = "direct:acceptRelease";

    private final ProducerTemplate producer;

    AcceptanceRoute(ProducerTemplate producer) {
        this.producer = producer;
    }

    AcceptanceDesk.Outcome accept(AcceptanceInProgress start) {
        Exchange done = producer.send(URI, exchange -> exchange.getMessage().setBody(start));
        if (done.getException() instanceof RuntimeException failure) {
            throw failure;
        }
        if (done.getException() != null) {
            throw new IllegalStateException("the acceptance route failed", done.getException());
        }
        return done.getMessage().getBody(AcceptanceDesk.Outcome.class);
    }
}

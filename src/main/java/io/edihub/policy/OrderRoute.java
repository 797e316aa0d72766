package io.edihub.policy;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one order document through the {@code takeOrder} route (routes/order.camel.yaml) in the caller's thread,
 * and so in the caller's transaction: a failure inside the route comes back as the exception it was, for the
 * caller to roll back as if the steps had been called directly.
 */
@Component
class OrderRoute {

    static final String URI = "direct:takeOrder";

    private final ProducerTemplate producer;

    OrderRoute(ProducerTemplate producer) {
        this.producer = producer;
    }

    OrderDesk.Outcome take(OrderInProgress start) {
        Exchange done = producer.send(URI, exchange -> exchange.getMessage().setBody(start));
        if (done.getException() instanceof RuntimeException failure) {
            throw failure;
        }
        if (done.getException() != null) {
            throw new IllegalStateException("the order route failed", done.getException());
        }
        return done.getMessage().getBody(OrderDesk.Outcome.class);
    }
}

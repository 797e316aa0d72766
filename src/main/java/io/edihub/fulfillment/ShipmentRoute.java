package io.edihub.fulfillment;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one shipment event through the {@code takeShipment} route (routes/shipment.camel.yaml) in the caller's
 * thread, and so in the caller's transaction: a failure inside the route comes back as the exception it was,
 * for the caller's transaction to roll back as if the steps had been called directly.
 */
@Component
class ShipmentRoute {

    static final String URI = "direct:takeShipment";

    private final ProducerTemplate producer;

    ShipmentRoute(ProducerTemplate producer) {
        this.producer = producer;
    }

    ShipmentInProgress take(ShipmentInProgress start) {
        Exchange done = producer.send(URI, exchange -> exchange.getMessage().setBody(start));
        if (done.getException() instanceof RuntimeException failure) {
            throw failure;
        }
        if (done.getException() != null) {
            throw new IllegalStateException("the shipment route failed", done.getException());
        }
        return done.getMessage().getBody(ShipmentInProgress.class);
    }
}

package io.edihub.fulfillment;

import io.edihub.canonical.Release;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.partner.PartnerProfile;
import java.time.Instant;

/**
 * One shipment event on its way through the {@code takeShipment} route (routes/shipment.camel.yaml): checked
 * against its release, then either refused (kept as an exception and alerted), recorded as a redelivery, or
 * applied to the release with its ship notice sent. Each step returns a copy with what it added.
 *
 * @param payload    the record's value as sent
 * @param origin     where it came from (topic, partition and offset)
 * @param sha256     the payload's digest, to tell a redelivery from a conflicting one
 * @param receivedAt when it was taken
 * @param shipment   the event as read (null when it cannot be read)
 * @param partner    the partner it names (once checked)
 * @param release    the release, locked with its order for the rest of the transaction (once checked)
 * @param shipped    the release's quantities with this shipment added (once checked)
 * @param outcome    what became of it: set by the check when refused or a redelivery, else when applied
 * @param row        the stored event's row id (once recorded)
 */
public record ShipmentInProgress(String payload, String origin, String sha256, Instant receivedAt, Shipment shipment,
        PartnerProfile partner, ReleaseLedger.Entry release, ReleaseQuantities shipped, ShipmentDesk.Outcome outcome,
        Long row) {

    static ShipmentInProgress start(String payload, String origin, String sha256, Instant receivedAt) {
        return new ShipmentInProgress(payload, origin, sha256, receivedAt, null, null, null, null, null, null);
    }

    /** True when the check refused it: it is kept as an exception and nothing is applied. */
    public boolean refused() {
        return outcome != null && outcome.result() == ShipmentDesk.Result.EXCEPTION;
    }

    /** True when the same event was applied before: it is recorded as a redelivery and changes nothing. */
    public boolean duplicate() {
        return outcome != null && outcome.result() == ShipmentDesk.Result.DUPLICATE;
    }

    /** True once applied, when the partner wants a ship notice (856) for what shipped. */
    public boolean shipNoticeDue() {
        return row != null && outcome != null && outcome.result() == ShipmentDesk.Result.APPLIED && partner.shipNotice();
    }

    /** The release's status once this shipment is applied. */
    Release.Status statusAfter() {
        return shipped.status(release.status());
    }

    ShipmentInProgress read(Shipment shipment) {
        return new ShipmentInProgress(payload, origin, sha256, receivedAt, shipment, partner, release, shipped, outcome, row);
    }

    ShipmentInProgress ended(ShipmentDesk.Outcome outcome) {
        return new ShipmentInProgress(payload, origin, sha256, receivedAt, shipment, partner, release, shipped, outcome, row);
    }

    ShipmentInProgress checked(PartnerProfile partner, ReleaseLedger.Entry release, ReleaseQuantities shipped) {
        return new ShipmentInProgress(payload, origin, sha256, receivedAt, shipment, partner, release, shipped, outcome, row);
    }

    ShipmentInProgress applied(long row, ShipmentDesk.Outcome outcome) {
        return new ShipmentInProgress(payload, origin, sha256, receivedAt, shipment, partner, release, shipped, outcome, row);
    }
}

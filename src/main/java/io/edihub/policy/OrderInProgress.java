package io.edihub.policy;

import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.order.OrderChanges;
import io.edihub.order.OrderStore;
import io.edihub.partner.PartnerProfile;
import java.util.List;

/**
 * One order document on its way through the {@code takeOrder} route (routes/order.camel.yaml): screened for
 * duplicates, then a new order's releases planned, checked against the contract, stored and acknowledged, or a
 * change re-planned against the order on file, checked, stored and acknowledged; finally its revision recorded. Each step returns a copy with what it added.
 *
 * @param revisionKey the document's business key: its revision, or its content when it has none
 * @param current     the order on file, when there is one
 * @param planned     a new order's monthly releases as the customer's schedule gives them
 * @param review      the contract check of a new order, or of a changed order's open months
 * @param changed     a change re-planned against the order on file
 * @param outcome     what became of it, once decided (a refusal ends the route early)
 */
public record OrderInProgress(OrderMessage message, PartnerProfile partner, long documentId, String revisionKey,
        OrderStore.CurrentOrder current, List<Release> planned, ContractReview review, OrderChanges.Result changed,
        OrderDesk.Outcome outcome) {

    static OrderInProgress start(OrderMessage message, PartnerProfile partner, long documentId) {
        return new OrderInProgress(message, partner, documentId, null, null, List.of(), null, null, null);
    }

    /** True when a step refused it: nothing of it is taken. */
    public boolean refused() {
        return outcome != null && outcome.result() == OrderDesk.Result.REFUSED;
    }

    /** A new order (an original purchase order) that is still to be taken. */
    public boolean newOrder() {
        return outcome == null && message.purpose() == PurchaseOrder.Purpose.ORIGINAL;
    }

    /** A change, cancellation or replacement of the order on file that is still to be applied. */
    public boolean change() {
        return outcome == null && message.purpose() != PurchaseOrder.Purpose.ORIGINAL;
    }

    PurchaseOrder order() {
        return (PurchaseOrder) message;
    }

    OrderInProgress screened(String revisionKey, OrderStore.CurrentOrder current) {
        return new OrderInProgress(message, partner, documentId, revisionKey, current, planned, review, changed, outcome);
    }

    OrderInProgress planned(List<Release> planned) {
        return new OrderInProgress(message, partner, documentId, revisionKey, current, List.copyOf(planned), review,
                changed, outcome);
    }

    OrderInProgress reviewed(ContractReview review) {
        return new OrderInProgress(message, partner, documentId, revisionKey, current, planned, review, changed, outcome);
    }

    OrderInProgress changed(OrderChanges.Result changed) {
        return new OrderInProgress(message, partner, documentId, revisionKey, current, planned, review, changed, outcome);
    }

    OrderInProgress decided(OrderDesk.Outcome outcome) {
        return new OrderInProgress(message, partner, documentId, revisionKey, current, planned, review, changed, outcome);
    }

    OrderInProgress refuse(String code, String location, String text) {
        return decided(OrderDesk.Outcome.refused(message, code, location, text));
    }
}

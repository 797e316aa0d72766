package io.edihub.canonical;

/**
 * What a customer's order document asks for, in any format: a whole order (original, replacement,
 * cancellation: {@link PurchaseOrder}) or changes to some lines of one on file ({@link OrderChange}).
 */
public sealed interface OrderMessage permits PurchaseOrder, OrderChange {

    String partnerId();

    String poNumber();

    /** The customer's release number against a blanket order, or null. */
    String releaseNumber();

    PurchaseOrder.Purpose purpose();

    /** The sender's revision / change sequence, or null when the format carries none. */
    String revision();

    PurchaseOrder.SourceDocument source();
}

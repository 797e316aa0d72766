package io.edihub.x12;

import io.edihub.order.OrderChange;
import io.edihub.order.PlannedOrder;

/**
 * Receives what the reader finds while it streams through a file, so that a file of any size can be
 * handled without holding its orders in memory. An order or change handed over is tentative until its
 * group and interchange end without being rejected: a listener that stores them must undo the orders and
 * changes of a rejected group or interchange.
 */
public interface InterchangeListener {

    /** The interchange header was read and its sender identified (or refused). */
    default void startInterchange(InterchangeResult interchange) {
    }

    /** A group header was read. */
    default void startGroup(InterchangeResult interchange, GroupResult group) {
    }

    /**
     * An 860 purchase order change set ended; {@link #transaction} follows for the same set (with a null
     * order). {@code change} is null when the set was rejected. A listener that refuses the change (say,
     * the order is not on file) rejects the set here, and the 997 says so.
     */
    default void change(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
            OrderChange change) {
    }

    /**
     * A transaction set ended, whatever its type. {@code order}, the purchase order with its monthly
     * releases, is null when the set was rejected or is not an 850 purchase order.
     */
    default void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
            PlannedOrder order) {
    }

    /** A group ended; if it is rejected, none of its orders count. */
    default void endGroup(InterchangeResult interchange, GroupResult group) {
    }

    /** An interchange ended (or the file ended inside it); if it is rejected, none of its orders count. */
    default void endInterchange(InterchangeResult interchange) {
    }
}

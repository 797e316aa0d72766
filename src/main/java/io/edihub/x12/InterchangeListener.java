package io.edihub.x12;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.Remittance;
import java.util.List;

/**
 * Receives what the reader finds while it streams through a file, so that a file of any size can be
 * handled without holding its orders in memory. An order, change or acceptance handed over is tentative
 * until its group and interchange end without being rejected: a listener that stores them must undo what
 * a rejected group or interchange brought.
 */
public interface InterchangeListener {

    /**
     * What a listener threw (a database down, a document the hub cannot write): a technical failure of the file's
     * processing, never a verdict on its content. The reader lets it through instead of reporting the interchange as
     * unreadable, so that the file is tried again and nothing of it is half taken.
     */
    final class Failure extends RuntimeException {

        public Failure(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

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
     * An 861 receiving advice / acceptance certificate set ended; {@link #transaction} follows for the same
     * set (with a null order). {@code acceptances} holds one acceptance per release the set judges, and is
     * empty when the set was rejected. A listener that refuses them (say, a release that was never shipped)
     * rejects the set here, and the 997 says so.
     */
    default void acceptances(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
            List<Acceptance> acceptances) {
    }

    /**
     * An 812 credit/debit adjustment set ended; {@link #transaction} follows for the same set (with a null order).
     * {@code adjustments} holds the set's one adjustment, and is empty when the set was rejected (or came in the
     * wrong group). A listener that refuses it (no one takes adjustments, or the invoice is not ours) rejects the
     * set here, and the 997 says so.
     */
    default void adjustments(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
            List<Adjustment> adjustments) {
    }

    /**
     * An 820 payment order / remittance advice set ended; {@link #transaction} follows for the same set (with a null
     * order). {@code remittances} holds the set's one remittance, and is empty when the set was rejected (or came in
     * the wrong group). A listener that refuses it (no one takes remittances, or the payment is known) rejects the
     * set here, and the 997 says so.
     */
    default void remittances(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
            List<Remittance> remittances) {
    }

    /**
     * A 997 the partner sent about one of our groups (855, 856, 810) ended; {@link #transaction} follows
     * for the same set. {@code ack} is null when the 997 itself could not be read. X12 never answers a 997,
     * so nothing a listener does here reaches the partner.
     */
    default void functionalAck(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
            ReceivedFunctionalAck ack) {
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

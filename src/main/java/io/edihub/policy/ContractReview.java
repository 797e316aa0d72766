package io.edihub.policy;

import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the contract check made of an order.
 *
 * @param verdict  what happens to the order
 * @param order    the order as it will be kept: lines refused as non-contract items removed
 * @param releases its monthly releases priced at the contract price valid on each due date
 * @param lines    per order line (including refused ones): the status for the 855 and why
 * @param findings everything that differs from the contract, in words
 * @param value    the order's value at the prices it will be invoiced at
 */
record ContractReview(Verdict verdict, PurchaseOrder order, List<Release> releases, List<LineReview> lines,
        List<Finding> findings, BigDecimal value) {

    public ContractReview {
        releases = List.copyOf(releases);
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
    }

    /** What the check decides. */
    public enum Verdict {
        /** the order matches the contract */
        ACCEPT,
        /** the order is taken with the contract's prices and without its non-contract lines (855 AC) */
        ACCEPT_WITH_CHANGES,
        /** a person must approve or reject it; nothing is released meanwhile */
        HOLD,
        /** nothing in it can be taken (every line refused) */
        REJECT
    }

    /**
     * One order line's result.
     *
     * @param lineNumber    the customer's line number
     * @param status        the 855 ACK01 status it gets if the order is taken as checked
     * @param orderedPrice  the unit price on the PO
     * @param contractPrice the contract unit price for its first delivery, or null when the contract has none
     * @param note          why, when the status is not IA
     */
    public record LineReview(String lineNumber, PoAcknowledgment.LineStatus status, BigDecimal orderedPrice,
            BigDecimal contractPrice, String note) {
    }

    /**
     * A difference from the contract.
     *
     * @param code    {@code NOT_IN_CONTRACT}, {@code PRICE_DIFFERS}, {@code ORDER_OVER_LIMIT}, {@code RELEASE_OVER_LIMIT},
     *                {@code CONTRACT_NOT_VALID}, {@code CONTRACT_NUMBER_DIFFERS}, {@code CURRENCY_DIFFERS}, {@code UNIT_DIFFERS}
     * @param subject what it is about: {@code line 2}, {@code release 4500012345-03}, {@code order}
     * @param message the difference in words
     * @param holds   true when it holds the order under the partner's policy
     */
    public record Finding(String code, String subject, String message, boolean holds) {

        @Override
        public String toString() {
            return subject + ": " + message + " [" + code + "]";
        }
    }
}

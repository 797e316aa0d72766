package io.edihub.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A claim as it stands: what the customer claims per line, how much of it is decided, every settlement and every
 * step.
 *
 * @param claimNumber   ours, {@code CLM-00000042}; the id in {@code /api/v1/claims/{id}} is its number without the prefix
 * @param kind          before or after invoicing
 * @param source        what raised it
 * @param sourceRef     the acceptance id, the 812's number, the remittance trace number or the operator's key
 * @param invoiceNumber our invoice, for a claim after invoicing
 * @param currency      the invoice's currency, for a claim after invoicing
 */
public record Claim(long id, String claimNumber, String partnerId, String poNumber, String releaseId, Kind kind,
        Source source, String sourceRef, String invoiceNumber, String currency, String reason, String condition,
        Status status, String raisedBy, Instant raisedAt, Instant endedAt, List<Line> lines, List<Settlement> settlements,
        List<Step> steps) {

    public Claim {
        lines = List.copyOf(lines);
        settlements = List.copyOf(settlements);
        steps = List.copyOf(steps);
    }

    /** Before invoicing: goods shipped and not accepted. After: goods invoiced and disputed. */
    public enum Kind {
        BEFORE_INVOICE, AFTER_INVOICE
    }

    public enum Source {
        ACCEPTANCE, ADJUSTMENT, DEDUCTION, OPERATOR
    }

    /** {@code OPEN → SETTLING → SETTLED | DENIED}: SETTLING once something is decided or waits for goods. */
    public enum Status {
        OPEN, SETTLING, SETTLED, DENIED;

        public boolean ended() {
            return this == SETTLED || this == DENIED;
        }
    }

    /** What a person decides on (part of) a claim. */
    public enum Decision {
        /** before invoicing: new goods on a replacement release */
        REPLACE,
        /** before invoicing: the goods come back under a return authorization */
        RETURN,
        /** before invoicing: the customer accepts them after all; they are invoiced */
        ACCEPT_AFTER_ALL,
        /** before invoicing: the customer keeps them unbilled; the loss is recorded */
        WRITE_OFF,
        /** after invoicing: a credit note at the invoice's price */
        CREDIT,
        /** the claim is refused; the customer is told why */
        DENY;

        /** Whether the decision fits a claim of that kind. */
        public boolean fits(Kind kind) {
            return switch (this) {
                case CREDIT -> kind == Kind.AFTER_INVOICE;
                case DENY -> true;
                default -> kind == Kind.BEFORE_INVOICE;
            };
        }
    }

    /**
     * One claimed line.
     *
     * @param returned      before invoicing: the quantity the customer returned
     * @param disputed      before invoicing: the quantity it disputes
     * @param quantity      the quantity claimed (returned + disputed before invoicing)
     * @param amount        after invoicing: the amount claimed, when the customer named one
     * @param decided       the quantity settled so far
     * @param decidedAmount the amount settled so far (amount-only claims)
     */
    public record Line(String lineNumber, String unit, BigDecimal unitPrice, BigDecimal returned, BigDecimal disputed,
            BigDecimal quantity, BigDecimal amount, BigDecimal decided, BigDecimal decidedAmount) {

        /** The quantity still to decide. */
        public BigDecimal openQuantity() {
            return quantity.subtract(decided);
        }

        /** The amount still to decide, for a line claimed by amount; null otherwise. */
        public BigDecimal openAmount() {
            return amount == null ? null : amount.subtract(decidedAmount);
        }

        boolean open() {
            return openQuantity().signum() > 0 || (quantity.signum() == 0 && openAmount() != null
                    && openAmount().signum() > 0);
        }
    }

    /**
     * A person's decision.
     *
     * @param status             WAITING for the replacement's acceptance or the returned goods, else DONE
     * @param replacementRelease REPLACE: the replacement release
     * @param rmaNumber          RETURN: the return authorization
     * @param invoiceNumber      ACCEPT_AFTER_ALL: the invoice of the goods accepted after all
     * @param creditNoteNumber   CREDIT: the credit note
     * @param loss               WRITE_OFF: the value of the goods written off at the release's price
     */
    public record Settlement(String settlementKey, Decision decision, String reason, String decidedBy, Instant decidedAt,
            String status, List<SettledLine> lines, String replacementRelease, String rmaNumber, String invoiceNumber,
            String creditNoteNumber, BigDecimal loss, Instant completedAt) {
    }

    /** A line of a settlement: the quantity and/or amount it decided. */
    public record SettledLine(String lineNumber, BigDecimal quantity, BigDecimal amount) {
    }

    /** One recorded step: raised, decided, replaced, returned, credited, settled … */
    public record Step(Instant at, String actor, String action, String detail) {
    }

    /** True when some line still has something to decide. */
    public boolean undecided() {
        return lines.stream().anyMatch(Line::open);
    }
}

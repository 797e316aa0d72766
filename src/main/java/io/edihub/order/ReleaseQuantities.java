package io.edihub.order;

import io.edihub.canonical.Release;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantities of one release, per release line, and the only ways they may move: released to
 * fulfillment, shipped, judged by the customer (accepted or rejected), invoiced; then what the customer
 * rejected settled (accepted after all, replaced, returned, written off, denied) and what was invoiced
 * credited. Every step keeps, on every line, accepted + rejected ≤ shipped ≤ released ≤ ordered,
 * invoiced ≤ accepted + reaccepted, reaccepted + replaced + returned + written off + denied ≤ rejected and
 * credited ≤ invoiced, or is refused with the line and the numbers that make it wrong. The database
 * holds the same rules as a CHECK on {@code release_line}.
 *
 * <p>An order line due twice in one month has two release lines; a quantity for the order line fills them
 * in due-date order. Pure and immutable: the ledger loads and stores it.
 *
 * @param lines the release lines, in due-date order
 */
public record ReleaseQuantities(List<Line> lines) {

    public ReleaseQuantities {
        lines = lines.stream().sorted(Comparator.comparing(Line::dueDate).thenComparing(Line::lineNumber)
                .thenComparingLong(Line::id)).toList();
    }

    /**
     * One release line.
     *
     * @param id         its row id
     * @param lineNumber the PO line number
     * @param unitPrice  the price it is invoiced at: the contract price for every contract partner
     * @param reaccepted rejected at first, accepted after all when a claim was settled so (invoiced then)
     * @param replaced   rejected and replaced by a replacement release
     * @param returned   rejected and authorized to come back
     * @param writtenOff rejected and kept by the customer unbilled
     * @param denied     rejected, and the customer's claim denied: never billed, never credited
     * @param credited   invoiced and credited back
     */
    public record Line(long id, String lineNumber, String buyerPart, String vendorPart, String description, String unit,
            BigDecimal unitPrice,
            LocalDate dueDate, BigDecimal ordered, BigDecimal released, BigDecimal shipped, BigDecimal accepted,
            BigDecimal rejected, BigDecimal invoiced, BigDecimal reaccepted, BigDecimal replaced, BigDecimal returned,
            BigDecimal writtenOff, BigDecimal denied, BigDecimal credited) {

        /** A line before any claim was settled on it. */
        public Line(long id, String lineNumber, String buyerPart, String vendorPart, String description, String unit,
                BigDecimal unitPrice, LocalDate dueDate, BigDecimal ordered, BigDecimal released, BigDecimal shipped,
                BigDecimal accepted, BigDecimal rejected, BigDecimal invoiced) {
            this(id, lineNumber, buyerPart, vendorPart, description, unit, unitPrice, dueDate, ordered, released, shipped,
                    accepted, rejected, invoiced, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO);
        }

        /** Shipped and not yet accepted or rejected. */
        public BigDecimal unjudged() {
            return shipped.subtract(accepted).subtract(rejected);
        }

        /** Rejected and not yet settled one way or another. */
        public BigDecimal unsettled() {
            return rejected.subtract(reaccepted).subtract(replaced).subtract(returned).subtract(writtenOff).subtract(denied);
        }

        /** What the customer accepts in the end: at first or after all; all of it is to be invoiced. */
        public BigDecimal invoiceable() {
            return accepted.add(reaccepted);
        }

        Line with(BigDecimal released, BigDecimal shipped, BigDecimal accepted, BigDecimal rejected, BigDecimal invoiced) {
            return new Line(id, lineNumber, buyerPart, vendorPart, description, unit, unitPrice, dueDate, ordered, released,
                    shipped, accepted, rejected, invoiced, reaccepted, replaced, returned, writtenOff, denied, credited);
        }

        Line settled(Settlement kind, BigDecimal q) {
            return new Line(id, lineNumber, buyerPart, vendorPart, description, unit, unitPrice, dueDate, ordered, released,
                    shipped, accepted, rejected, invoiced,
                    kind == Settlement.REACCEPTED ? reaccepted.add(q) : reaccepted,
                    kind == Settlement.REPLACED ? replaced.add(q) : replaced,
                    kind == Settlement.RETURNED ? returned.add(q) : returned,
                    kind == Settlement.WRITTEN_OFF ? writtenOff.add(q) : writtenOff,
                    kind == Settlement.DENIED ? denied.add(q) : denied, credited);
        }

        Line credit(BigDecimal q) {
            return new Line(id, lineNumber, buyerPart, vendorPart, description, unit, unitPrice, dueDate, ordered, released,
                    shipped, accepted, rejected, invoiced, reaccepted, replaced, returned, writtenOff, denied, credited.add(q));
        }

        /** Everything released shipped, judged, invoiced when accepted and settled when rejected. */
        boolean finished() {
            return shipped.compareTo(released) == 0 && unjudged().signum() == 0
                    && invoiced.compareTo(invoiceable()) == 0 && unsettled().signum() == 0;
        }
    }

    /** What became of rejected goods when their claim was settled. */
    public enum Settlement {
        /** the customer accepts them after all: they are invoiced */
        REACCEPTED,
        /** a replacement release brings new goods */
        REPLACED,
        /** they come back under a return authorization */
        RETURNED,
        /** the customer keeps them unbilled */
        WRITTEN_OFF,
        /** the claim is denied: nothing billed, nothing credited */
        DENIED
    }

    /** A movement that would break the release's quantities; nothing moved. */
    public static final class Refusal extends RuntimeException {

        private final String code;

        public Refusal(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** The order line numbers of the release, in first-due order. */
    public List<String> lineNumbers() {
        return lines.stream().map(Line::lineNumber).distinct().toList();
    }

    /** Sums one quantity over the release lines of an order line. */
    public BigDecimal total(String lineNumber, java.util.function.Function<Line, BigDecimal> quantity) {
        return lines.stream().filter(l -> l.lineNumber().equals(lineNumber)).map(quantity).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /** Everything ordered goes to fulfillment: a release request asks for the whole month. */
    public ReleaseQuantities release() {
        return new ReleaseQuantities(lines.stream().map(l -> l.with(l.ordered(), l.shipped(), l.accepted(), l.rejected(),
                l.invoiced())).toList());
    }

    /**
     * Goods shipped, per order line.
     *
     * @throws Refusal UNKNOWN_LINE, NOT_POSITIVE or OVER_SHIPMENT
     */
    public ReleaseQuantities ship(Map<String, BigDecimal> shipped) {
        List<Line> result = new ArrayList<>(lines);
        for (Map.Entry<String, BigDecimal> e : shipped.entrySet()) {
            String line = e.getKey();
            BigDecimal quantity = e.getValue();
            requireLine(line);
            if (quantity == null || quantity.signum() <= 0) {
                throw new Refusal("NOT_POSITIVE", "line " + line + ": a shipped quantity must be more than zero, it is "
                        + quantity);
            }
            BigDecimal open = total(line, Line::released).subtract(total(line, Line::shipped));
            if (quantity.compareTo(open) > 0) {
                throw new Refusal("OVER_SHIPMENT", "line " + line + ": " + plain(quantity) + " shipped, but only "
                        + plain(open) + " of the " + plain(total(line, Line::released))
                        + " released are still to ship; nothing is shipped that no release asked for");
            }
            fill(result, line, quantity, l -> l.released().subtract(l.shipped()),
                    (l, q) -> l.with(l.released(), l.shipped().add(q), l.accepted(), l.rejected(), l.invoiced()));
        }
        return new ReleaseQuantities(result);
    }

    /**
     * The customer's verdict, per order line: the accepted quantity first, then what was not accepted
     * (rejected; or returned and disputed apart, each checked on its own).
     *
     * @throws Refusal UNKNOWN_LINE, NEGATIVE_QUANTITY, NOT_SHIPPED or OVER_ACCEPTANCE
     */
    public ReleaseQuantities judge(Map<String, BigDecimal[]> verdicts) {
        List<Line> result = new ArrayList<>(lines);
        for (Map.Entry<String, BigDecimal[]> e : verdicts.entrySet()) {
            String line = e.getKey();
            BigDecimal accepted = e.getValue()[0];
            requireLine(line);
            BigDecimal rejected = BigDecimal.ZERO;
            for (BigDecimal quantity : e.getValue()) {
                if (quantity.signum() < 0) {
                    throw new Refusal("NEGATIVE_QUANTITY", "line " + line + ": quantities must not be negative ("
                            + java.util.Arrays.stream(e.getValue()).map(ReleaseQuantities::plain)
                                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
                }
            }
            for (int i = 1; i < e.getValue().length; i++) {
                rejected = rejected.add(e.getValue()[i]);
            }
            BigDecimal shipped = total(line, Line::shipped);
            if (shipped.signum() == 0) {
                throw new Refusal("NOT_SHIPPED", "line " + line + ": nothing of it was shipped on this release, so nothing "
                        + "can be accepted or rejected");
            }
            BigDecimal open = total(line, Line::unjudged);
            BigDecimal judged = accepted.add(rejected);
            if (judged.compareTo(open) > 0) {
                throw new Refusal("OVER_ACCEPTANCE", "line " + line + ": " + plain(accepted) + " accepted + "
                        + plain(rejected) + " rejected = " + plain(judged) + ", but " + plain(shipped) + " were shipped and "
                        + plain(open) + " of them are not judged yet");
            }
            fill(result, line, accepted, Line::unjudged,
                    (l, q) -> l.with(l.released(), l.shipped(), l.accepted().add(q), l.rejected(), l.invoiced()));
            fill(result, line, rejected, Line::unjudged,
                    (l, q) -> l.with(l.released(), l.shipped(), l.accepted(), l.rejected().add(q), l.invoiced()));
        }
        return new ReleaseQuantities(result);
    }

    /** Accepted and not yet invoiced, per order line (only lines with something to bill). */
    public Map<String, BigDecimal> toInvoice() {
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (String line : lineNumbers()) {
            BigDecimal open = total(line, Line::invoiceable).subtract(total(line, Line::invoiced));
            if (open.signum() > 0) {
                result.put(line, open);
            }
        }
        return result;
    }

    /** Everything accepted (at first or after all) is now invoiced. */
    public ReleaseQuantities invoiceAccepted() {
        return new ReleaseQuantities(lines.stream().map(l -> l.with(l.released(), l.shipped(), l.accepted(), l.rejected(),
                l.invoiceable())).toList());
    }

    /**
     * Accepted goods invoiced, per order line: those a consolidated invoice bills (a release's other accepted goods may
     * still wait for theirs).
     *
     * @throws Refusal UNKNOWN_LINE, NOT_POSITIVE or OVER_INVOICE (more than is accepted and not yet invoiced)
     */
    public ReleaseQuantities invoice(Map<String, BigDecimal> quantities) {
        return move(quantities, new Limit("OVER_INVOICE", "invoice", Line::invoiceable, "accepted", "invoiced",
                "nothing is invoiced twice or without acceptance"), l -> l.invoiceable().subtract(l.invoiced()),
                (l, q) -> l.with(l.released(), l.shipped(), l.accepted(), l.rejected(), l.invoiced().add(q)));
    }

    /**
     * Settles rejected goods, per order line: accepted after all, replaced, returned, written off or denied.
     *
     * @throws Refusal UNKNOWN_LINE, NOT_POSITIVE or OVER_SETTLEMENT (more than is rejected and not yet settled)
     */
    public ReleaseQuantities settle(Settlement kind, Map<String, BigDecimal> quantities) {
        return move(quantities, new Limit("OVER_SETTLEMENT", "settle", Line::rejected, "rejected", "settled",
                "a rejected unit is settled once"), Line::unsettled, (l, q) -> l.settled(kind, q));
    }

    /**
     * Credits invoiced goods, per order line.
     *
     * @throws Refusal UNKNOWN_LINE, NOT_POSITIVE or OVER_CREDIT (more than is invoiced and not yet credited)
     */
    public ReleaseQuantities credit(Map<String, BigDecimal> quantities) {
        return move(quantities, new Limit("OVER_CREDIT", "credit", Line::invoiced, "invoiced", "credited",
                "nothing is credited that was not billed"), l -> l.invoiced().subtract(l.credited()), Line::credit);
    }

    /**
     * True when nothing is left to do on the release's goods: everything released was shipped and judged, what the
     * customer accepted is invoiced and what it rejected settled. (Payments are the cash application's to add.)
     */
    public boolean finished() {
        return !lines.isEmpty() && sum(Line::shipped).signum() > 0 && lines.stream().allMatch(Line::finished);
    }

    /**
     * Where the release stands by its quantities (DESIGN §4): shipped, judged and invoiced states follow the
     * goods; the planning states (PLANNED, HELD, CANCELLED) are the order's to set.
     */
    public Release.Status status(Release.Status current) {
        BigDecimal released = sum(Line::released);
        BigDecimal shipped = sum(Line::shipped);
        BigDecimal accepted = sum(Line::accepted);
        BigDecimal judged = accepted.add(sum(Line::rejected));
        if (judged.signum() > 0) {
            boolean allJudged = shipped.compareTo(released) == 0 && judged.compareTo(shipped) == 0;
            if (!allJudged) {
                return Release.Status.PARTIALLY_ACCEPTED;
            }
            if (sum(Line::invoiceable).signum() == 0) {
                return Release.Status.REJECTED;
            }
            return sum(Line::invoiced).compareTo(sum(Line::invoiceable)) == 0 ? Release.Status.INVOICED
                    : Release.Status.ACCEPTED;
        }
        if (shipped.signum() > 0) {
            return shipped.compareTo(released) < 0 ? Release.Status.PARTIALLY_SHIPPED : Release.Status.SHIPPED;
        }
        return current;
    }

    private BigDecimal sum(java.util.function.Function<Line, BigDecimal> quantity) {
        return lines.stream().map(quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void requirePositive(String line, BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new Refusal("NOT_POSITIVE", "line " + line + ": a quantity must be more than zero, it is " + quantity);
        }
    }

    private void requireLine(String line) {
        if (lines.stream().noneMatch(l -> l.lineNumber().equals(line))) {
            throw new Refusal("UNKNOWN_LINE", "line " + line + " is not on this release; its lines are "
                    + String.join(", ", lineNumbers()));
        }
    }

    /**
     * What a move of quantities may not go past, in words for its refusal: "line 1: 5 to credit, but only 3 of the 8
     * invoiced are not credited yet; nothing is credited that was not billed".
     */
    private record Limit(String code, String verb, java.util.function.Function<Line, BigDecimal> whole, String wholeName,
            String done, String rule) {
    }

    /**
     * Moves each order line's quantity onto its release lines ({@link #fill}) within what is open for the move, or
     * refuses the whole move: an unknown line, a quantity not above zero, or more than is open.
     */
    private ReleaseQuantities move(Map<String, BigDecimal> quantities, Limit limit,
            java.util.function.Function<Line, BigDecimal> open, java.util.function.BiFunction<Line, BigDecimal, Line> add) {
        List<Line> result = new ArrayList<>(lines);
        for (Map.Entry<String, BigDecimal> e : quantities.entrySet()) {
            String line = e.getKey();
            BigDecimal quantity = e.getValue();
            requireLine(line);
            requirePositive(line, quantity);
            BigDecimal left = total(line, open);
            if (quantity.compareTo(left) > 0) {
                throw new Refusal(limit.code(), "line " + line + ": " + plain(quantity) + " to " + limit.verb()
                        + ", but only " + plain(left) + " of the " + plain(total(line, limit.whole())) + " "
                        + limit.wholeName() + " are not " + limit.done() + " yet; " + limit.rule());
            }
            fill(result, line, quantity, open, add);
        }
        return new ReleaseQuantities(result);
    }

    /** Puts a quantity onto an order line's release lines, earliest due first, each up to its room. */
    private static void fill(List<Line> lines, String lineNumber, BigDecimal quantity,
            java.util.function.Function<Line, BigDecimal> room, java.util.function.BiFunction<Line, BigDecimal, Line> add) {
        BigDecimal left = quantity;
        for (int i = 0; i < lines.size() && left.signum() > 0; i++) {
            Line l = lines.get(i);
            if (!l.lineNumber().equals(lineNumber)) {
                continue;
            }
            BigDecimal take = left.min(room.apply(l));
            if (take.signum() > 0) {
                lines.set(i, add.apply(l, take));
                left = left.subtract(take);
            }
        }
        if (left.signum() > 0) {
            throw new IllegalStateException("line " + lineNumber + ": " + left + " left after filling; checked before");
        }
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

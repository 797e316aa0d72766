package io.edihub.claims;

import io.edihub.billing.AcceptanceDesk;
import io.edihub.billing.CreditNotes;
import io.edihub.billing.InvoiceBalances;
import io.edihub.billing.Invoices;
import io.edihub.canonical.ClaimDenial;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.canonical.ReturnAuthorization;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A person's decision on a claim, taken in the caller's transaction under the claim's row lock (so of two concurrent
 * decisions on one claim, the second sees what the first did):
 * <ul>
 * <li>{@code REPLACE}: the rejected goods are marked replaced on the release and a replacement release
 * ({@code 4500012345-03-R1}) is planned, due today; the release dispatch requests it, fulfillment ships it, the customer
 * accepts it and it is invoiced like any release. The settlement waits until the replacement's goods are all judged.</li>
 * <li>{@code RETURN}: the goods are marked returned and a return authorization goes to logistics on
 * {@code edihub.return-authorizations.v1}; the settlement waits for the goods to arrive ({@link GoodsReturns}).</li>
 * <li>{@code ACCEPT_AFTER_ALL}: the goods move to accepted and are invoiced through billing, once.</li>
 * <li>{@code WRITE_OFF}: the customer keeps the goods unbilled; the loss at the release's price is recorded.</li>
 * <li>{@code CREDIT} (after invoicing only): a credit note from billing at the invoice's price, never above what it
 * billed; a credited quantity is also marked credited on the release.</li>
 * <li>{@code DENY}: nothing is billed or credited; before invoicing the goods are marked denied on the release.</li>
 * </ul>
 * A decision names lines and quantities (or amounts), or none for everything still open. Sent again with the same
 * settlement key it changes nothing and answers what was decided. When every line is decided and nothing waits,
 * the claim is SETTLED (DENIED when every decision denied it) and its release may close.
 */
@Component
public class ClaimSettlements {

    private final ClaimBook book;
    private final ReleaseLedger ledger;
    private final AcceptanceDesk acceptances;
    private final CreditNotes creditNotes;
    private final PartnerDirectory partners;
    private final OrderStore orders;
    private final ClaimDocuments documents;
    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;
    private final InvoiceBalances balances;
    private final Invoices invoices;

    ClaimSettlements(ClaimBook book, ReleaseLedger ledger, AcceptanceDesk acceptances, CreditNotes creditNotes,
            PartnerDirectory partners, OrderStore orders, ClaimDocuments documents, Outbox outbox, Topics topics,
            Clock clock, InvoiceBalances balances, Invoices invoices) {
        this.book = book;
        this.invoices = invoices;
        this.balances = balances;
        this.ledger = ledger;
        this.acceptances = acceptances;
        this.creditNotes = creditNotes;
        this.partners = partners;
        this.orders = orders;
        this.documents = documents;
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /**
     * A decision.
     *
     * @param settlementKey the caller's id for the decision: sent again, nothing is decided twice
     * @param lines         what it decides; empty for everything still open on the claim
     */
    public record Decision(String settlementKey, Claim.Decision decision, String reason, List<Claim.SettledLine> lines) {

        public Decision {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /**
     * What became of a decision.
     *
     * @param status 200 when taken (or taken before with the same key), 404 unknown claim, 409 conflicts with the
     *               claim as it stands (settled already, more than is still open, not for this kind of claim, a key of
     *               another claim), 422 a decision that breaks the release's or the invoice's limits
     * @param code   why not, when not taken
     */
    public record Result(int status, String code, String location, String message, Claim claim) {

        static Result taken(Claim claim) {
            return new Result(200, null, null, null, claim);
        }

        static Result refused(int status, String code, String location, String message) {
            return new Result(status, code, location, message, null);
        }
    }

    /** Takes a decision on claim {@code id}, by {@code actor}. */
    public Result settle(long id, Decision d, String actor) {
        Optional<Claim> locked = lockClaim(id);
        if (locked.isEmpty()) {
            return Result.refused(404, "NOT_FOUND", "id", "no claim has the id " + id);
        }
        Claim claim = locked.get();
        Optional<Long> keyed = book.settlementClaim(d.settlementKey());
        if (keyed.isPresent()) {
            return keyed.get() == id ? Result.taken(claim) : Result.refused(409, "KEY_OF_ANOTHER_CLAIM", "settlementKey",
                    "settlement key " + d.settlementKey() + " was used for claim " + ClaimBook.number(keyed.get())
                            + "; give each decision its own key");
        }
        if (claim.status().ended()) {
            return Result.refused(409, "ALREADY_SETTLED", "id", "claim " + claim.claimNumber() + " is "
                    + claim.status().name().toLowerCase() + " since " + claim.endedAt() + "; it is not decided twice");
        }
        if (!d.decision().fits(claim.kind())) {
            return Result.refused(409, "NOT_FOR_THIS_CLAIM", "decision", d.decision() + " is not for a claim "
                    + (claim.kind() == Claim.Kind.AFTER_INVOICE ? "on invoiced goods (invoice " + claim.invoiceNumber()
                            + "): those are credited or denied" : "on goods not invoiced: those are replaced, returned, "
                            + "accepted after all, written off or denied; nothing was billed to credit"));
        }
        List<Claim.SettledLine> lines;
        try {
            lines = lines(claim, d);
        } catch (Refusal r) {
            return Result.refused(r.status, r.code, r.location, r.getMessage());
        }
        if (lines.isEmpty()) {
            return Result.refused(409, "NOTHING_OPEN", "lines", "every line of claim " + claim.claimNumber()
                    + " is decided already; what is left waits for goods");
        }
        PartnerProfile partner = partners.byId(claim.partnerId()).orElseThrow(() -> new IllegalStateException(
                "claim " + claim.claimNumber() + " is of partner " + claim.partnerId() + ", which is no longer configured"));
        Instant now = clock.instant();
        try {
            Claim.Settlement settlement = apply(claim, d, lines, partner, actor, now);
            book.insertSettlement(id, settlement);
            for (Claim.SettledLine l : lines) {
                book.decide(id, l.lineNumber(), l.quantity() == null ? BigDecimal.ZERO : l.quantity(),
                        l.amount() == null || (l.quantity() != null && l.quantity().signum() > 0) ? BigDecimal.ZERO
                                : l.amount());
            }
            book.step(id, now, actor, "DECIDED", d.decision() + " " + describe(lines) + ": " + d.reason() + outcome(settlement));
            publish(claim, next(book.find(id, false).orElseThrow()), "decided:" + d.settlementKey(), "DECIDED", settlement,
                    actor, now);
            return Result.taken(conclude(id, actor, now));
        } catch (ReleaseQuantities.Refusal e) {
            // refused before anything of the decision was written
            return Result.refused(422, e.code(), "lines", e.getMessage());
        } catch (CreditNotes.Refused e) {
            return Result.refused(422, e.code(), "lines", e.getMessage());
        }
    }

    /** The replacement release's goods are all judged: its settlement is done. */
    void completeReplacement(long id, String replacementRelease) {
        Claim claim = lockClaim(id).orElseThrow();
        Instant now = clock.instant();
        claim.settlements().stream().filter(s -> replacementRelease.equals(s.replacementRelease())
                && "WAITING".equals(s.status())).forEach(s -> {
                    book.complete(s.settlementKey(), now);
                    book.step(id, now, "hub", "COMPLETED", "replacement release " + replacementRelease
                            + " shipped and judged by the customer");
                    publish(claim, next(book.find(id, false).orElseThrow()), "completed:" + s.settlementKey(), "COMPLETED",
                            s, "hub", now);
                });
        conclude(id, "hub", now);
    }

    /** The returned goods arrived: the return settlement is done. */
    void completeReturn(long id, String settlementKey, String rmaNumber, String returnId) {
        Claim claim = lockClaim(id).orElseThrow();
        Instant now = clock.instant();
        book.complete(settlementKey, now);
        book.step(id, now, "logistics", "COMPLETED", "goods of " + rmaNumber + " arrived back (return " + returnId + ")");
        claim.settlements().stream().filter(s -> s.settlementKey().equals(settlementKey)).findFirst()
                .ifPresent(s -> publish(claim, next(book.find(id, false).orElseThrow()), "completed:" + settlementKey,
                        "COMPLETED", s, "logistics", now));
        conclude(id, "logistics", now);
    }

    /**
     * The claim, locked until the transaction ends, after its release and order: every path that locks both (an
     * acceptance of a replacement, returned goods, a decision) takes the release's order row first, so two of them never
     * wait for each other.
     */
    private Optional<Claim> lockClaim(long id) {
        Optional<Claim> claim = book.find(id, false);
        claim.ifPresent(c -> ledger.lock(c.partnerId(), c.releaseId()));
        return claim.isEmpty() ? claim : book.find(id, true);
    }

    /** What the claim's status is by its lines and settlements. */
    private static Claim.Status next(Claim claim) {
        if (claim.settlements().isEmpty()) {
            return Claim.Status.OPEN;
        }
        if (claim.undecided() || claim.settlements().stream().anyMatch(s -> "WAITING".equals(s.status()))) {
            return Claim.Status.SETTLING;
        }
        return claim.settlements().stream().allMatch(s -> s.decision() == Claim.Decision.DENY) ? Claim.Status.DENIED
                : Claim.Status.SETTLED;
    }

    /** The claim's status from its lines and settlements; when it ends, its release is told. */
    private Claim conclude(long id, String actor, Instant now) {
        Claim claim = book.find(id, false).orElseThrow();
        Claim.Status status = next(claim);
        if (status == claim.status()) {
            return claim;
        }
        book.status(id, status, status.ended() ? now : null);
        if (status.ended()) {
            book.step(id, now, actor, status.name(), "claim " + claim.claimNumber() + " " + status.name().toLowerCase()
                    + ": every line decided, nothing waits for goods");
            orders.recordEvent(claim.partnerId(), claim.poNumber(), null, null, "CLAIM", claim.claimNumber() + " "
                    + status.name().toLowerCase(), false);
            ledger.claimEnded(claim.partnerId(), claim.releaseId());
            Claim ended = book.find(id, false).orElseThrow();
            publish(ended, status, status.name().toLowerCase(), status.name(), null, actor, now);
            return ended;
        }
        return book.find(id, false).orElseThrow();
    }

    private Claim.Settlement apply(Claim claim, Decision d, List<Claim.SettledLine> lines, PartnerProfile partner,
            String actor, Instant now) {
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        lines.stream().filter(l -> l.quantity() != null && l.quantity().signum() > 0)
                .forEach(l -> quantities.put(l.lineNumber(), l.quantity()));
        String replacement = null;
        String rma = null;
        String invoiceNumber = null;
        String creditNote = null;
        BigDecimal loss = null;
        String status = "DONE";
        switch (d.decision()) {
            case REPLACE -> {
                ReleaseLedger.Entry entry = lock(claim);
                ReleaseQuantities settled = entry.quantities().settle(ReleaseQuantities.Settlement.REPLACED, quantities);
                ledger.save(entry, settled, settled.status(entry.status()));
                replacement = ledger.addReplacement(entry, quantities, LocalDate.now(clock));
                status = "WAITING";
            }
            case RETURN -> {
                ReleaseLedger.Entry entry = lock(claim);
                ReleaseQuantities settled = entry.quantities().settle(ReleaseQuantities.Settlement.RETURNED, quantities);
                ledger.save(entry, settled, settled.status(entry.status()));
                rma = "RMA-" + claim.claimNumber().substring(4) + "-" + (claim.settlements().size() + 1);
                ReturnAuthorization authorization = new ReturnAuthorization(rma, claim.partnerId(), claim.poNumber(),
                        entry.orderDate(), claim.releaseId(), claim.claimNumber(), claim.sourceRef(), LocalDate.now(clock),
                        d.reason(), quantities.entrySet().stream().map(e -> {
                            ReleaseQuantities.Line first = entry.quantities().lines().stream()
                                    .filter(l -> l.lineNumber().equals(e.getKey())).findFirst().orElseThrow();
                            return new ReturnAuthorization.Line(e.getKey(), first.buyerPart(), first.vendorPart(),
                                    first.description(), e.getValue(), first.unit(), claim.condition());
                        }).toList());
                outbox.add(topics.returnAuthorizations(), rma, "return-authorization:" + rma,
                        "io.edihub.return-authorization.v1", authorization);
                documents.returnAuthorization(authorization, partner, now);
                status = "WAITING";
            }
            case ACCEPT_AFTER_ALL -> {
                ReleaseLedger.Entry entry = lock(claim);
                ReleaseQuantities settled = entry.quantities().settle(ReleaseQuantities.Settlement.REACCEPTED, quantities);
                Invoice invoice = acceptances.acceptAfterAll(partner, entry, settled, quantities,
                        claim.claimNumber() + "-" + (claim.settlements().size() + 1), d.reason());
                invoiceNumber = invoice.invoiceNumber();
            }
            case WRITE_OFF -> {
                ReleaseLedger.Entry entry = lock(claim);
                ReleaseQuantities settled = entry.quantities().settle(ReleaseQuantities.Settlement.WRITTEN_OFF, quantities);
                ledger.save(entry, settled, settled.status(entry.status()));
                loss = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> e : quantities.entrySet()) {
                    BigDecimal price = claim.lines().stream().filter(l -> l.lineNumber().equals(e.getKey()))
                            .map(Claim.Line::unitPrice).findFirst().orElse(null);
                    loss = loss.add(price == null ? BigDecimal.ZERO : e.getValue().multiply(price));
                }
                loss = loss.setScale(2, RoundingMode.HALF_UP);
            }
            case DENY -> {
                if (claim.kind() == Claim.Kind.BEFORE_INVOICE) {
                    ReleaseLedger.Entry entry = lock(claim);
                    ReleaseQuantities settled = entry.quantities().settle(ReleaseQuantities.Settlement.DENIED, quantities);
                    ledger.save(entry, settled, settled.status(entry.status()));
                } else if (claim.source() == Claim.Source.DEDUCTION) {
                    // the customer owes what it withheld after all: it goes back to the invoice's open balance
                    lock(claim);
                    BigDecimal denied = lines.stream().map(Claim.SettledLine::amount).filter(Objects::nonNull)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    InvoiceBalances.Balance before = balances.find(claim.partnerId(), claim.invoiceNumber(), true)
                            .orElseThrow();
                    balances.move(before, new InvoiceBalances.Move(BigDecimal.ZERO, BigDecimal.ZERO, denied.negate(),
                            BigDecimal.ZERO));
                }
                documents.denial(new ClaimDenial(claim.claimNumber(), claim.partnerId(), claim.poNumber(),
                        claim.releaseId(), claim.invoiceNumber(), switch (claim.source()) {
                            case ACCEPTANCE -> "ACCEPTANCE";
                            case ADJUSTMENT -> "812";
                            case DEDUCTION -> "REMITTANCE";
                            case OPERATOR -> "OPERATOR";
                        }, claim.sourceRef(), LocalDate.now(clock), d.reason(), lines.stream().map(l -> new ClaimDenial.Line(
                                l.lineNumber(), l.quantity(), claim.lines().stream().filter(c -> c.lineNumber()
                                        .equals(l.lineNumber())).map(Claim.Line::unit).findFirst().orElse(null),
                                l.quantity() == null ? l.amount() : null)).toList()), partner, now);
            }
            case CREDIT -> {
                CreditNote note = creditNotes.issue(new CreditNotes.Request(claim.partnerId(), claim.invoiceNumber(),
                        claim.claimNumber(), "credit:" + d.settlementKey(), claim.sourceRef(), claim.condition(),
                        d.reason(), lines.stream().map(l -> new CreditNotes.Line(l.lineNumber(), l.quantity(),
                                l.quantity() == null ? l.amount() : null)).toList(),
                        claim.source() == Claim.Source.DEDUCTION), partner, now);
                creditNote = note.creditNoteNumber();
                documents.creditNote(note, partner, now);
                if (!quantities.isEmpty()) {
                    ReleaseLedger.Entry entry = lock(claim);
                    ReleaseQuantities credited = entry.quantities().credit(poLines(claim, quantities));
                    ledger.save(entry, credited, entry.status());
                }
            }
            default -> throw new IllegalStateException("no settlement for " + d.decision());
        }
        return new Claim.Settlement(d.settlementKey(), d.decision(), d.reason(), actor, now, status, lines, replacement, rma,
                invoiceNumber, creditNote, loss, "DONE".equals(status) ? now : null);
    }

    /**
     * Per PO line of the claim's release, what the invoice lines credited: on a consolidated invoice a line's number is
     * the invoice's own, and the line says which PO line of the release it billed.
     */
    private Map<String, BigDecimal> poLines(Claim claim, Map<String, BigDecimal> byInvoiceLine) {
        Invoices.Billed invoice = invoices.find(claim.partnerId(), claim.invoiceNumber(), false).orElseThrow();
        Map<String, BigDecimal> byPoLine = new LinkedHashMap<>();
        byInvoiceLine.forEach((line, quantity) -> byPoLine.merge(invoice.line(line).map(Invoices.Line::poLine)
                .orElse(line), quantity, BigDecimal::add));
        return byPoLine;
    }

    private ReleaseLedger.Entry lock(Claim claim) {
        return ledger.lock(claim.partnerId(), claim.releaseId()).orElseThrow(() -> new IllegalStateException(
                "release " + claim.releaseId() + " of claim " + claim.claimNumber() + " is not on file"));
    }

    /** The lines a decision settles: those it names, each within what is still open, or everything open. */
    private static List<Claim.SettledLine> lines(Claim claim, Decision d) {
        if (d.lines().isEmpty()) {
            return claim.lines().stream().filter(Claim.Line::open).map(l -> l.openQuantity().signum() > 0
                    ? new Claim.SettledLine(l.lineNumber(), l.openQuantity(), null)
                    : new Claim.SettledLine(l.lineNumber(), null, l.openAmount())).toList();
        }
        List<Claim.SettledLine> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Claim.SettledLine l : d.lines()) {
            String where = "lines/" + l.lineNumber();
            if (!seen.add(l.lineNumber())) {
                throw new Refusal(422, "DUPLICATE_LINE_NUMBER", where, "line " + l.lineNumber() + " is named twice");
            }
            Claim.Line claimed = claim.lines().stream().filter(c -> c.lineNumber().equals(l.lineNumber())).findFirst()
                    .orElseThrow(() -> new Refusal(422, "UNKNOWN_LINE", where, "line " + l.lineNumber() + " is not on claim "
                            + claim.claimNumber() + "; its lines are " + String.join(", ",
                                    claim.lines().stream().map(Claim.Line::lineNumber).toList())));
            if ((l.quantity() == null && l.amount() == null) || (l.quantity() != null && l.quantity().signum() <= 0)
                    || (l.amount() != null && l.amount().signum() <= 0)) {
                throw new Refusal(422, "NOT_POSITIVE", where, "line " + l.lineNumber() + ": a decision is on a quantity or "
                        + "an amount more than zero (quantity " + l.quantity() + ", amount " + l.amount() + ")");
            }
            if (l.quantity() != null && l.quantity().compareTo(claimed.openQuantity()) > 0) {
                throw new Refusal(409, "OVER_CLAIMED", where, "line " + l.lineNumber() + ": " + l.quantity().toPlainString()
                        + " to decide, but claim " + claim.claimNumber() + " has " + claimed.openQuantity().toPlainString()
                        + " of " + claimed.quantity().toPlainString() + " still open on it");
            }
            if (l.quantity() == null && (claimed.openAmount() == null || l.amount().compareTo(claimed.openAmount()) > 0)) {
                throw new Refusal(409, "OVER_CLAIMED", where, "line " + l.lineNumber() + ": " + l.amount().toPlainString()
                        + " to decide, but claim " + claim.claimNumber() + (claimed.openAmount() == null
                                ? " claims a quantity on it, so decide a quantity"
                                : " has " + claimed.openAmount().toPlainString() + " still open on it"));
            }
            result.add(l);
        }
        return result;
    }

    private void publish(Claim claim, Claim.Status status, String step, String action, Claim.Settlement s, String actor,
            Instant now) {
        String stepId = "claim-step:" + claim.claimNumber() + ":" + step;
        outbox.add(topics.claims(), claim.releaseId(), stepId, "io.edihub.claim-step.v1", new ClaimStep(stepId,
                claim.claimNumber(), claim.partnerId(), claim.poNumber(), claim.releaseId(), claim.kind(), claim.source(),
                claim.sourceRef(), claim.invoiceNumber(), status, action,
                s == null ? null : s.decision(), s == null ? null : s.reason(), s == null ? List.of() : s.lines(),
                s == null ? null : s.replacementRelease(), s == null ? null : s.rmaNumber(),
                s == null ? null : s.invoiceNumber(), s == null ? null : s.creditNoteNumber(), s == null ? null : s.loss(),
                actor, now));
    }

    private static String outcome(Claim.Settlement s) {
        StringBuilder out = new StringBuilder();
        if (s.replacementRelease() != null) {
            out.append("; replacement release ").append(s.replacementRelease());
        }
        if (s.rmaNumber() != null) {
            out.append("; return authorization ").append(s.rmaNumber());
        }
        if (s.invoiceNumber() != null) {
            out.append("; invoiced as ").append(s.invoiceNumber());
        }
        if (s.creditNoteNumber() != null) {
            out.append("; credit note ").append(s.creditNoteNumber());
        }
        if (s.loss() != null) {
            out.append("; loss ").append(s.loss().toPlainString());
        }
        return out.toString();
    }

    private static String describe(List<Claim.SettledLine> lines) {
        return String.join(", ", lines.stream().map(l -> "line " + l.lineNumber() + " "
                + (l.quantity() != null ? l.quantity().toPlainString() : l.amount().toPlainString())).toList());
    }

    /** A decision the claim's limits refuse, before anything of it was written. */
    private static final class Refusal extends RuntimeException {

        private final int status;
        private final String code;
        private final String location;

        Refusal(int status, String code, String location, String message) {
            super(message);
            this.status = status;
            this.code = code;
            this.location = location;
        }
    }
}

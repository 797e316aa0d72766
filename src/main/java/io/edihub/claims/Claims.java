package io.edihub.claims;

import io.edihub.billing.AcceptanceInProgress;
import io.edihub.billing.Invoices;
import io.edihub.canonical.Acceptance;
import io.edihub.canonical.InputRefused;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Raises claims. Returned and disputed goods of an acceptance become one claim before invoicing (the acceptance
 * route's claim step); a dispute of goods on one of our invoices (an 812, a deduction, an operator) becomes one claim
 * after invoicing, checked against the invoice: its currency, its lines, never more than it billed and not yet
 * credited. Raised again by the same source and reference, the claim on file is returned and nothing is raised twice.
 * Every claim keeps its release open until it is settled or denied.
 */
@Component("claims")
public class Claims {

    private final ClaimBook book;
    private final ReleaseLedger ledger;
    private final Invoices invoices;
    private final OrderStore orders;
    private final Outbox outbox;
    private final Topics topics;
    private final ClaimSettlements settlements;
    private final Clock clock;

    Claims(ClaimBook book, ReleaseLedger ledger, Invoices invoices, OrderStore orders, Outbox outbox, Topics topics,
            ClaimSettlements settlements, Clock clock) {
        this.book = book;
        this.ledger = ledger;
        this.invoices = invoices;
        this.orders = orders;
        this.outbox = outbox;
        this.topics = topics;
        this.settlements = settlements;
        this.clock = clock;
    }

    /** The acceptance route's claim step: returned and disputed quantities become one open claim on the release. */
    public AcceptanceInProgress raise(AcceptanceInProgress step) {
        Acceptance a = step.acceptance();
        ReleaseLedger.Entry entry = step.release();
        List<ClaimRaised.Line> raised = new ArrayList<>();
        List<Claim.Line> lines = new ArrayList<>();
        for (Acceptance.Line l : a.lines()) {
            if (l.rejected().signum() > 0) {
                raised.add(new ClaimRaised.Line(l.lineNumber(), l.returned(), l.disputed(), l.unit(), l.condition(), l.reason()));
                BigDecimal price = entry.quantities().lines().stream().filter(r -> r.lineNumber().equals(l.lineNumber()))
                        .map(ReleaseQuantities.Line::unitPrice).filter(p -> p != null).findFirst().orElse(null);
                lines.add(new Claim.Line(l.lineNumber(), l.unit(), price, l.returned(), l.disputed(), l.rejected(), null,
                        BigDecimal.ZERO, BigDecimal.ZERO));
            }
        }
        if (lines.isEmpty()) {
            return step.claimed(0);
        }
        String key = "claim:" + entry.partnerId() + ":" + a.acceptanceId() + ":" + entry.releaseId();
        Acceptance.Line first = a.lines().stream().filter(l -> l.rejected().signum() > 0).findFirst().orElseThrow();
        long id = book.insert(new ClaimBook.NewClaim(entry.partnerId(), entry.poNumber(), entry.releaseId(),
                Claim.Kind.BEFORE_INVOICE, Claim.Source.ACCEPTANCE, a.acceptanceId(), key, step.row(), null, null,
                first.reason(), first.condition(), "customer", step.recordedAt(), lines));
        book.step(id, step.recordedAt(), "customer", "RAISED", "acceptance " + a.acceptanceId() + " of release "
                + entry.releaseId() + " returned or disputes " + describe(lines));
        ledger.claimOpened(entry.partnerId(), entry.releaseId());
        outbox.add(topics.claims(), entry.releaseId(), key, "io.edihub.claim.v1", new ClaimRaised(key, entry.partnerId(),
                entry.poNumber(), entry.releaseId(), a.acceptanceId(), raised, step.recordedAt()));
        return step.claimed(lines.size());
    }

    /**
     * The acceptance route's step after the claims: when the release judged is a replacement and all its goods are now
     * shipped and judged, the settlement that planned it is done, and its claim settled when nothing else is left.
     */
    public AcceptanceInProgress replacementJudged(AcceptanceInProgress step) {
        ReleaseLedger.Entry entry = step.release();
        if (entry.replaces() == null || step.judged().lines().stream().anyMatch(l -> l.unjudged().signum() != 0
                || l.shipped().compareTo(l.released()) != 0)) {
            return step;
        }
        book.waitingForReplacement(entry.releaseId()).ifPresent(claim -> settlements.completeReplacement(claim,
                entry.releaseId()));
        return step;
    }

    /**
     * What a dispute of invoiced goods claims.
     *
     * @param sourceRef the 812's number, the remittance trace number or the operator's key: with the partner and
     *                  source it makes the claim idempotent
     * @param currency  the currency the customer names, if any: it must be the invoice's
     */
    public record OnInvoice(String partnerId, String invoiceNumber, Claim.Source source, String sourceRef, String currency,
            String reason, String condition, List<ClaimedLine> lines) {

        public OnInvoice {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One invoice line disputed: a quantity, an amount, or both.
     *
     * @param unitPrice the price the customer names, if any: it must be the invoice's
     */
    public record ClaimedLine(String lineNumber, BigDecimal quantity, BigDecimal amount, BigDecimal unitPrice) {
    }

    /** The claim raised, or the one raised before by the same source and reference (then {@code created} is false). */
    public record Raised(Claim claim, boolean created) {
    }

    /** A dispute that cannot be a claim; nothing was raised. */
    public static final class Refused extends InputRefused {

        Refused(String code, String location, String message) {
            super(code, location, message);
        }
    }

    /**
     * Raises a claim on one of our invoices.
     *
     * @param actor who raised it: the partner's document, an operator's name
     * @throws Refused UNKNOWN_INVOICE, OTHER_CURRENCY, NO_LINES, UNKNOWN_LINE, DUPLICATE_LINE_NUMBER, NOT_POSITIVE,
     *                 OTHER_PRICE, OVER_INVOICED
     */
    public Raised raiseOnInvoice(OnInvoice c, String actor) {
        Invoices.Billed unlocked = invoices.find(c.partnerId(), c.invoiceNumber(), false).orElseThrow(() -> new Refused(
                "UNKNOWN_INVOICE", "invoiceNumber", "invoice " + c.invoiceNumber() + " is not one of ours to " + c.partnerId()));
        // the release and its order first, then the invoice: the order every decision on a claim locks them in
        String releaseId = releaseOf(unlocked, c);
        String poNumber = ledger.lock(c.partnerId(), releaseId).map(ReleaseLedger.Entry::poNumber)
                .orElse(unlocked.poNumber());
        Invoices.Billed invoice = invoices.find(c.partnerId(), c.invoiceNumber(), true).orElseThrow();
        Optional<Long> before = book.bySource(c.partnerId(), c.source(), c.sourceRef(), releaseId);
        if (before.isPresent()) {
            return new Raised(book.find(before.get(), false).orElseThrow(), false);
        }
        if (c.currency() != null && !c.currency().equalsIgnoreCase(invoice.currency())) {
            throw new Refused("OTHER_CURRENCY", "currency", "invoice " + invoice.invoiceNumber() + " is in "
                    + invoice.currency() + ", not " + c.currency() + "; a claim on it is in the invoice's currency");
        }
        if (c.lines().isEmpty()) {
            throw new Refused("NO_LINES", "lines", "a claim names at least one line of invoice " + invoice.invoiceNumber());
        }
        List<Claim.Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClaimedLine l : c.lines()) {
            String where = "lines/" + l.lineNumber();
            if (!seen.add(l.lineNumber())) {
                throw new Refused("DUPLICATE_LINE_NUMBER", where, "line " + l.lineNumber() + " is named twice");
            }
            Invoices.Line billed = invoice.line(l.lineNumber()).orElseThrow(() -> new Refused("UNKNOWN_LINE", where, "line "
                    + l.lineNumber() + " is not on invoice " + invoice.invoiceNumber() + "; its lines are "
                    + String.join(", ", invoice.lines().stream().map(Invoices.Line::lineNumber).toList())));
            if ((l.quantity() == null && l.amount() == null) || (l.quantity() != null && l.quantity().signum() <= 0)
                    || (l.amount() != null && l.amount().signum() <= 0)) {
                throw new Refused("NOT_POSITIVE", where, "line " + l.lineNumber() + ": a claim is a quantity or an amount "
                        + "more than zero (quantity " + l.quantity() + ", amount " + l.amount() + ")");
            }
            if (l.unitPrice() != null && l.unitPrice().compareTo(billed.unitPrice()) != 0) {
                throw new Refused("OTHER_PRICE", where, "line " + l.lineNumber() + " was invoiced at "
                        + billed.unitPrice().toPlainString() + ", not " + l.unitPrice().toPlainString()
                        + "; a claim on it is at the price billed");
            }
            if (l.quantity() != null && l.quantity().compareTo(billed.openQuantity()) > 0) {
                throw new Refused("OVER_INVOICED", where, "line " + l.lineNumber() + ": " + l.quantity().toPlainString()
                        + " claimed, but invoice " + invoice.invoiceNumber() + " billed " + billed.quantity().toPlainString()
                        + " and " + billed.creditedQuantity().toPlainString() + " of them are credited already");
            }
            BigDecimal amount = l.amount() != null ? l.amount() : null;
            BigDecimal asked = amount != null ? amount
                    : l.quantity().multiply(billed.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            if (asked.compareTo(billed.openAmount()) > 0) {
                throw new Refused("OVER_INVOICED", where, "line " + l.lineNumber() + ": " + asked.toPlainString() + " "
                        + invoice.currency() + " claimed, but invoice " + invoice.invoiceNumber() + " billed "
                        + billed.amount().toPlainString() + " on it and " + billed.creditedAmount().toPlainString()
                        + " are credited already");
            }
            lines.add(new Claim.Line(l.lineNumber(), billed.unit(), billed.unitPrice(), BigDecimal.ZERO, BigDecimal.ZERO,
                    l.quantity() == null ? BigDecimal.ZERO : l.quantity(), l.quantity() == null ? amount : null,
                    BigDecimal.ZERO, BigDecimal.ZERO));
        }
        Instant now = clock.instant();
        String key = "claim:" + c.partnerId() + ":" + c.source().name().toLowerCase() + ":" + c.sourceRef() + ":"
                + releaseId;
        long id = book.insert(new ClaimBook.NewClaim(c.partnerId(), poNumber, releaseId,
                Claim.Kind.AFTER_INVOICE, c.source(), c.sourceRef(), key, null, invoice.invoiceNumber(), invoice.currency(),
                c.reason(), c.condition(), actor, now, lines));
        book.step(id, now, actor, "RAISED", c.source().name().toLowerCase() + " " + c.sourceRef() + " disputes invoice "
                + invoice.invoiceNumber() + ": " + describe(lines));
        ledger.claimOpened(c.partnerId(), releaseId);
        orders.recordEvent(c.partnerId(), poNumber, null, null, "CLAIM", ClaimBook.number(id) + " raised on invoice "
                + invoice.invoiceNumber() + " (" + c.source().name().toLowerCase() + " " + c.sourceRef() + ")", false);
        Claim claim = book.find(id, false).orElseThrow();
        outbox.add(topics.claims(), claim.releaseId(), "claim-step:" + claim.claimNumber() + ":raised", "io.edihub.claim-step.v1",
                new ClaimStep("claim-step:" + claim.claimNumber() + ":raised", claim.claimNumber(), claim.partnerId(),
                        claim.poNumber(), claim.releaseId(), claim.kind(), claim.source(), claim.sourceRef(),
                        claim.invoiceNumber(), claim.status(), "RAISED", null, claim.reason(), claim.lines().stream()
                                .map(l -> new Claim.SettledLine(l.lineNumber(), l.quantity(), l.amount())).toList(), null,
                        null, null, null, null, actor, now));
        return new Raised(claim, true);
    }

    static String describe(List<Claim.Line> lines) {
        return String.join(", ", lines.stream().map(l -> "line " + l.lineNumber() + " "
                + (l.quantity().signum() > 0 ? l.quantity().toPlainString() + (l.unit() == null ? "" : " " + l.unit()) : "")
                + (l.amount() != null ? (l.quantity().signum() > 0 ? ", " : "") + l.amount().toPlainString() : "")).toList());
    }

    /**
     * The release a claim on an invoice is about: the invoice's own, or on a consolidated invoice the one release whose
     * lines the claim names (a claim is on one release: its goods, its credit, its closing).
     *
     * @throws Refused SEVERAL_RELEASES when the lines named bill more than one release
     */
    private static String releaseOf(Invoices.Billed invoice, OnInvoice c) {
        List<String> releases = invoice.releaseIds();
        if (releases.size() <= 1) {
            return invoice.releaseId() != null || releases.isEmpty() ? invoice.releaseId() : releases.get(0);
        }
        Map<String, List<String>> named = new java.util.TreeMap<>();
        for (ClaimedLine l : c.lines()) {
            invoice.line(l.lineNumber()).ifPresent(billed -> named.computeIfAbsent(billed.releaseId(),
                    r -> new ArrayList<>()).add(l.lineNumber()));
        }
        if (named.size() > 1) {
            throw new Refused("SEVERAL_RELEASES", "lines", "consolidated invoice " + invoice.invoiceNumber() + " bills "
                    + "several releases, and a claim is on one: " + String.join("; ", named.entrySet().stream()
                            .map(e -> "line(s) " + String.join(", ", e.getValue()) + " bill release " + e.getKey())
                            .toList()) + "; send one claim per release");
        }
        return named.isEmpty() ? releases.get(0) : named.keySet().iterator().next();
    }
}

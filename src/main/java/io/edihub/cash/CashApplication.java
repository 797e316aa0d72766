package io.edihub.cash;

import io.edihub.billing.InvoiceBalances;
import io.edihub.billing.Invoices;
import io.edihub.canonical.InputRefused;
import io.edihub.canonical.Remittance;
import io.edihub.claims.Claim;
import io.edihub.claims.Claims;
import io.edihub.forms.OutgoingDocuments;
import io.edihub.intake.RemittanceReceiver;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a customer's payment to our invoices, line by line, in one transaction:
 * <ul>
 * <li>the amount open → {@code PAID};</li>
 * <li>an early-payment discount taken on or before the invoice's discount date, up to what the terms allow → {@code PAID}
 * with the discount recorded; taken later, or above that, the unearned part is a deduction;</li>
 * <li>less than open (with or without an adjustment reason) → {@code PARTIALLY_PAID} and the rest a deduction: a claim on
 * the invoice (source DEDUCTION, the reason carried over), which a person credits or denies;</li>
 * <li>more than open, or an invoice we do not know → unapplied cash on the partner's account, until an operator applies
 * it.</li>
 * </ul>
 * Refused whole, before anything is written: a trace number taken before, lines that do not add up to the payment, a
 * negative amount, another currency than an invoice's, another partner's invoice.
 */
@Component
public class CashApplication implements RemittanceReceiver {

    private final PaymentBook book;
    private final InvoiceBalances balances;
    private final Invoices invoices;
    private final ReleaseLedger ledger;
    private final Claims claims;
    private final OrderStore orders;
    private final PartnerDirectory partners;
    private final OutgoingDocuments forms;
    private final Clock clock;

    CashApplication(PaymentBook book, InvoiceBalances balances, Invoices invoices, ReleaseLedger ledger, Claims claims,
            OrderStore orders, PartnerDirectory partners, OutgoingDocuments forms, Clock clock) {
        this.forms = forms;
        this.book = book;
        this.balances = balances;
        this.invoices = invoices;
        this.ledger = ledger;
        this.claims = claims;
        this.orders = orders;
        this.partners = partners;
        this.clock = clock;
    }

    /** A remittance that cannot be taken; nothing of it was applied. */
    public static final class Refused extends InputRefused {

        Refused(String code, String location, String message) {
            super(code, location, message);
        }
    }

    /**
     * A document's remittances (an 820's set, a JSON or CSV file), taken whole or refused whole: every one is checked
     * before any is taken, so a refusal leaves nothing written.
     */
    @Override
    @Transactional
    public Received receive(List<Remittance> remittances, long documentId, String channel) {
        List<Refusal> refused = new ArrayList<>();
        Set<String> traces = new HashSet<>();
        for (Remittance r : remittances) {
            try {
                check(r);
                if (!traces.add(r.traceNumber())) {
                    throw new Refused("DUPLICATE_TRACE_NUMBER", "traceNumber", "trace number " + r.traceNumber()
                            + " is named by two payments of this document; a payment is taken once");
                }
            } catch (Refused e) {
                refused.add(new Refusal(r.traceNumber(), e.code(), e.location(), e.getMessage()));
            }
        }
        if (!refused.isEmpty()) {
            return new Received(refused, List.of());
        }
        List<Taken> taken = new ArrayList<>();
        for (Remittance r : remittances) {
            String sent = "X12_820".equals(channel) ? "820" : r.source() != null && r.source().fileName() != null
                    ? r.source().fileName() : channel;
            PaymentBook.Payment p = take(r, channel, documentId, sent + " from " + r.partnerId());
            taken.add(new Taken(p.id(), p.traceNumber(), p.total(), p.currency(), p.applied(), p.unapplied(),
                    p.lines().stream().map(l -> new TakenLine(l.invoiceNumber(), l.outcome(), l.applied(), l.discount(),
                            l.deducted(), l.unapplied(), l.claimNumber(), l.message())).toList()));
        }
        return new Received(List.of(), taken);
    }

    /**
     * Takes a payment and applies it.
     *
     * @param channel    how it came: {@code X12_820}, {@code JSON}, {@code CSV}, {@code API}
     * @param documentId the stored input document, or null for one posted over HTTP
     * @param actor      who sent it: the partner's document or its API user
     * @throws Refused NOT_POSITIVE, NO_LINES, AMOUNT_MISMATCH, DUPLICATE_TRACE_NUMBER, INVOICE_OF_ANOTHER_PARTNER,
     *                 OTHER_CURRENCY, NO_CURRENCY
     */
    @Transactional
    public PaymentBook.Payment take(Remittance r, String channel, Long documentId, String actor) {
        String currency = check(r);
        // the releases and their orders first, then the invoices, each in one order: what every move of an invoice's
        // money locks, so two payments (or a payment and a claim's decision) never wait on each other in a circle
        Map<String, Optional<InvoiceBalances.Balance>> known = new LinkedHashMap<>();
        for (Remittance.Line l : r.lines()) {
            known.computeIfAbsent(l.invoiceNumber(), n -> balances.find(r.partnerId(), n, false));
        }
        new TreeSet<>(known.values().stream().flatMap(Optional::stream).map(InvoiceBalances.Balance::releaseId).toList())
                .forEach(release -> ledger.lock(r.partnerId(), release));
        Map<String, InvoiceBalances.Balance> locked = new LinkedHashMap<>();
        known.values().stream().flatMap(Optional::stream).map(InvoiceBalances.Balance::invoiceNumber).sorted()
                .forEach(n -> locked.put(n, balances.find(r.partnerId(), n, true).orElseThrow()));
        Instant now = clock.instant();
        long paymentId = book.insert(r, currency, channel, documentId, actor, now).orElseThrow(() -> new Refused(
                "DUPLICATE_TRACE_NUMBER", "traceNumber", "trace number " + r.traceNumber() + " was taken meanwhile by "
                        + "another request; a payment is taken once"));
        List<PaymentEvent.Line> outcomes = new ArrayList<>();
        BigDecimal applied = BigDecimal.ZERO;
        int lineNo = 0;
        for (Remittance.Line l : r.lines()) {
            lineNo++;
            InvoiceBalances.Balance invoice = locked.get(l.invoiceNumber());
            PaymentEvent.Line outcome = invoice == null ? unknown(l, currency)
                    : apply(r, l, invoice, paymentId, lineNo, actor, now);
            if (invoice != null) {
                locked.put(invoice.invoiceNumber(), balances.find(r.partnerId(), invoice.invoiceNumber(), false)
                        .orElseThrow());
            }
            book.line(paymentId, lineNo, l, outcome);
            outcomes.add(outcome);
            applied = applied.add(outcome.applied());
        }
        book.applied(paymentId, applied);
        PaymentBook.Payment payment = book.find(paymentId).orElseThrow();
        PaymentEvent event = new PaymentEvent("payment:" + paymentId + ":remittance", "REMITTANCE", r.partnerId(),
                paymentId, r.traceNumber(), currency, payment.total(), r.paymentDate(), r.method(), payment.applied(),
                payment.unapplied(), outcomes, actor, now);
        book.publish(event);
        // beyond the 997 or response file: the payment as applied, for a partner whose file asks (remittance-answer)
        partners.byId(r.partnerId()).ifPresent(p -> forms.sendRemittanceAnswer(event, r.traceNumber(), p, now));
        return payment;
    }

    /**
     * An operator applies unapplied cash of a payment to one of the partner's invoices; audited as an application with
     * the operator's name and note. Applying again with the same key changes nothing and returns the payment as it is.
     *
     * @param amount what to apply; null for as much as both the payment's unapplied cash and the invoice's open balance
     *               allow
     * @param key    makes it idempotent (the request's key); one application per key, ever
     * @throws Refused UNKNOWN_PAYMENT, UNKNOWN_INVOICE, INVOICE_OF_ANOTHER_PARTNER, OTHER_CURRENCY, NOT_POSITIVE,
     *                 OVER_UNAPPLIED, OVER_OPEN
     */
    @Transactional
    public PaymentBook.Payment applyUnapplied(long paymentId, String invoiceNumber, BigDecimal amount, String key,
            String actor, String note) {
        PaymentBook.Payment unlocked = book.find(paymentId).orElseThrow(() -> new Refused("UNKNOWN_PAYMENT", "id",
                "there is no payment " + paymentId));
        // the operator's key in a namespace of its own: it can never match the keys of remittance lines and returns
        String applicationKey = "operator:" + key;
        if (book.applicationExists(applicationKey)) {
            return unlocked;
        }
        InvoiceBalances.Balance unlockedInvoice = balances.find(invoiceNumber).orElseThrow(() -> new Refused(
                "UNKNOWN_INVOICE", "invoiceNumber", "invoice " + invoiceNumber + " is not one of ours"));
        if (!unlockedInvoice.partnerId().equals(unlocked.partnerId())) {
            throw new Refused("INVOICE_OF_ANOTHER_PARTNER", "invoiceNumber", "invoice " + invoiceNumber + " was not billed "
                    + "to " + unlocked.partnerId() + ", who made payment " + paymentId);
        }
        ledger.lock(unlockedInvoice.partnerId(), unlockedInvoice.releaseId());
        InvoiceBalances.Balance invoice = balances.find(unlocked.partnerId(), invoiceNumber, true).orElseThrow();
        PaymentBook.Payment payment = book.find(paymentId, true).orElseThrow();
        if (!payment.currency().equals(invoice.currency())) {
            throw new Refused("OTHER_CURRENCY", "invoiceNumber", "invoice " + invoiceNumber + " is in " + invoice.currency()
                    + ", payment " + paymentId + " in " + payment.currency());
        }
        BigDecimal apply = amount != null ? amount : payment.unapplied().min(invoice.open());
        if (apply.signum() <= 0) {
            throw new Refused("NOT_POSITIVE", "amount", amount != null ? "the amount to apply must be more than zero, not "
                    + plain(amount) : "nothing to apply: payment " + paymentId + " has " + plain(payment.unapplied())
                    + " unapplied and invoice " + invoiceNumber + " " + plain(invoice.open()) + " open");
        }
        if (apply.compareTo(payment.unapplied()) > 0) {
            throw new Refused("OVER_UNAPPLIED", "amount", plain(apply) + " to apply, but payment " + paymentId + " has only "
                    + plain(payment.unapplied()) + " " + payment.currency() + " unapplied");
        }
        if (apply.compareTo(invoice.open()) > 0) {
            throw new Refused("OVER_OPEN", "amount", plain(apply) + " to apply, but invoice " + invoiceNumber + " has only "
                    + plain(invoice.open()) + " " + invoice.currency() + " open (" + invoice.status() + ")");
        }
        Instant now = clock.instant();
        if (!book.application(paymentId, applicationKey, payment.partnerId(), invoiceNumber, apply, BigDecimal.ZERO,
                "OPERATOR", actor, note, now)) {
            // the same request, applied meanwhile by another replica
            return book.find(paymentId).orElseThrow();
        }
        book.shift(paymentId, apply);
        InvoiceBalances.Balance after = balances.move(invoice, InvoiceBalances.Move.payment(apply, BigDecimal.ZERO,
                BigDecimal.ZERO));
        String message = plain(apply) + " " + invoice.currency() + " of payment " + payment.traceNumber()
                + " applied to invoice " + invoiceNumber + " by " + actor + (note == null ? "" : " (" + note + ")")
                + "; the invoice is " + after.status() + ", " + plain(after.open()) + " open";
        orders.recordEvent(payment.partnerId(), invoice.poNumber(), null, null, "PAID", message, false);
        PaymentBook.Payment done = book.find(paymentId).orElseThrow();
        book.publish(new PaymentEvent("payment:" + paymentId + ":application:" + key, "APPLICATION", done.partnerId(),
                paymentId, done.traceNumber(), done.currency(), done.total(), done.paymentDate(), done.method(),
                done.applied(), done.unapplied(), List.of(new PaymentEvent.Line(invoiceNumber, "APPLIED", apply, apply,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, after.status(), after.open(), message)),
                actor, now));
        return done;
    }

    /** The checks of a whole remittance, before anything is written; the currency it pays in. */
    private String check(Remittance r) {
        if (r.total() == null || r.total().signum() <= 0) {
            throw new Refused("NOT_POSITIVE", "total", "payment " + r.traceNumber() + ": the amount paid must be more than "
                    + "zero, not " + plain(r.total()));
        }
        if (r.paymentDate() == null) {
            throw new Refused("NO_PAYMENT_DATE", "paymentDate", "payment " + r.traceNumber() + " names no payment date; "
                    + "whether a discount was earned depends on it");
        }
        if (r.lines().isEmpty()) {
            throw new Refused("NO_LINES", "lines", "payment " + r.traceNumber() + " names no invoice it pays");
        }
        BigDecimal sum = BigDecimal.ZERO;
        int i = 0;
        for (Remittance.Line l : r.lines()) {
            i++;
            if (l.paid() == null || l.paid().signum() < 0 || (l.discount() != null && l.discount().signum() < 0)) {
                throw new Refused("NOT_POSITIVE", "lines/" + i, "payment " + r.traceNumber() + ", invoice "
                        + l.invoiceNumber() + ": amounts paid and discounts taken are zero or more (paid " + plain(l.paid())
                        + ", discount " + plain(l.discount()) + ")");
            }
            sum = sum.add(l.paid());
        }
        if (sum.compareTo(r.total()) != 0) {
            throw new Refused("AMOUNT_MISMATCH", "total", "payment " + r.traceNumber() + " is " + plain(r.total())
                    + " but its lines add up to " + plain(sum));
        }
        book.byTrace(r.partnerId(), r.traceNumber()).ifPresent(earlier -> {
            throw new Refused("DUPLICATE_TRACE_NUMBER", "traceNumber", "trace number " + r.traceNumber() + " was taken "
                    + "on " + earlier.receivedAt() + " as payment " + earlier.id() + " (" + plain(earlier.total()) + " "
                    + earlier.currency() + "); a payment is taken once");
        });
        PartnerProfile partner = partners.byId(r.partnerId()).orElse(null);
        String currency = r.currency() != null ? r.currency().toUpperCase()
                : partner != null && partner.contract() != null ? partner.contract().currency() : null;
        i = 0;
        for (Remittance.Line l : r.lines()) {
            i++;
            Optional<InvoiceBalances.Balance> invoice = balances.find(l.invoiceNumber());
            if (invoice.isEmpty()) {
                continue;
            }
            if (!invoice.get().partnerId().equals(r.partnerId())) {
                throw new Refused("INVOICE_OF_ANOTHER_PARTNER", "lines/" + i, "invoice " + l.invoiceNumber()
                        + " was not billed to " + r.partnerId() + "; a payment pays only its payer's invoices");
            }
            if (currency == null) {
                currency = invoice.get().currency();
            }
            if (!currency.equals(invoice.get().currency())) {
                throw new Refused("OTHER_CURRENCY", "lines/" + i, "invoice " + l.invoiceNumber() + " is in "
                        + invoice.get().currency() + ", the payment in " + currency + "; a payment is applied only in "
                        + "the invoice's currency");
            }
        }
        if (currency == null) {
            throw new Refused("NO_CURRENCY", "currency", "payment " + r.traceNumber() + " names no currency, "
                    + r.partnerId() + " has no contract currency and it pays no invoice of ours");
        }
        return currency;
    }

    private PaymentEvent.Line unknown(Remittance.Line l, String currency) {
        return new PaymentEvent.Line(l.invoiceNumber(), "UNKNOWN_INVOICE", l.paid(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, l.paid(), null, null, null, "invoice " + l.invoiceNumber() + " is not one of ours: "
                        + plain(l.paid()) + " " + currency + " stays on the account as unapplied cash until an operator "
                        + "applies it");
    }

    /** One remittance line on one of the partner's invoices, which the caller holds locked. */
    private PaymentEvent.Line apply(Remittance r, Remittance.Line l, InvoiceBalances.Balance invoice, long paymentId,
            int lineNo, String actor, Instant now) {
        LineSplit split = LineSplit.of(invoice.open(), l.paid(), l.discount(), r.paymentDate(), invoice.discountDate(),
                invoice.discountAllowed(), invoice.discount().signum() > 0);
        BigDecimal earned = split.earned();
        BigDecimal applied = split.applied();
        BigDecimal over = split.over();
        BigDecimal shortPaid = split.shortPaid();
        String claimNumber = null;
        String reason = null;
        if (shortPaid.signum() > 0) {
            reason = reason(l, split.unearned(), LineSplit.inWindow(r.paymentDate(), invoice.discountDate()), invoice);
            claimNumber = deduct(r, invoice, shortPaid, reason, actor);
        }
        InvoiceBalances.Balance after = balances.move(invoice, InvoiceBalances.Move.payment(applied, earned, shortPaid));
        if (applied.signum() > 0 || earned.signum() > 0) {
            book.application(paymentId, "remittance:" + paymentId + ":" + lineNo, r.partnerId(), invoice.invoiceNumber(),
                    applied, earned, "REMITTANCE", actor, null, now);
        }
        String outcome = over.signum() > 0 ? "OVERPAID" : after.settled() ? "PAID" : "PARTIALLY_PAID";
        StringBuilder message = new StringBuilder(plain(applied) + " " + invoice.currency() + " applied to invoice "
                + invoice.invoiceNumber());
        if (earned.signum() > 0) {
            message.append(", discount of ").append(plain(earned)).append(" earned (taken by ").append(r.paymentDate())
                    .append(", allowed until ").append(invoice.discountDate()).append(')');
        }
        if (shortPaid.signum() > 0) {
            message.append(", ").append(plain(shortPaid)).append(" withheld: deduction ").append(claimNumber).append(" (")
                    .append(reason).append(')');
        }
        if (over.signum() > 0) {
            message.append(", ").append(plain(over)).append(" more than was open stays on the account as unapplied cash");
        }
        message.append("; the invoice is ").append(after.status()).append(", ").append(plain(after.open()))
                .append(" open");
        orders.recordEvent(r.partnerId(), invoice.poNumber(), null, null, shortPaid.signum() > 0 ? "DEDUCTION" : "PAID",
                "payment " + r.traceNumber() + ": " + message, false);
        return new PaymentEvent.Line(invoice.invoiceNumber(), outcome, l.paid(), applied, earned, shortPaid, over,
                claimNumber, after.status(), after.open(), message.toString());
    }

    /** Why the customer paid short, as it said (ADX) or as the numbers say. */
    private static String reason(Remittance.Line l, BigDecimal unearned, boolean inWindow, InvoiceBalances.Balance invoice) {
        List<String> said = l.adjustments().stream().map(a -> a.reasonCode() == null ? a.text()
                : a.reasonCode() + (a.text() == null ? "" : " " + a.text())).filter(s -> s != null && !s.isBlank()).toList();
        if (!said.isEmpty()) {
            return String.join("; ", said);
        }
        if (unearned.signum() > 0) {
            return "UNEARNED_DISCOUNT: " + plain(unearned) + " discount taken " + (inWindow || invoice.discountDate() == null
                    ? "beyond what the terms allow" : "after the discount date " + invoice.discountDate());
        }
        return "SHORT_PAYMENT: no reason given";
    }

    /** The deduction as a claim on the invoice, spread over its lines in order, each up to what is left of it. */
    private String deduct(Remittance r, InvoiceBalances.Balance invoice, BigDecimal amount, String reason, String actor) {
        Invoices.Billed billed = invoices.find(r.partnerId(), invoice.invoiceNumber(), false).orElseThrow();
        List<Claims.ClaimedLine> lines = new ArrayList<>();
        BigDecimal left = amount;
        for (Invoices.Line line : billed.lines().stream().sorted(Comparator.comparing(Invoices.Line::lineNumber)).toList()) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = left.min(line.openAmount());
            if (part.signum() > 0) {
                lines.add(new Claims.ClaimedLine(line.lineNumber(), null, part, null));
                left = left.subtract(part);
            }
        }
        Claims.Raised raised = claims.raiseOnInvoice(new Claims.OnInvoice(r.partnerId(), invoice.invoiceNumber(),
                Claim.Source.DEDUCTION, r.traceNumber() + "/" + invoice.invoiceNumber(), invoice.currency(), reason, null,
                lines), actor);
        return raised.claim().claimNumber();
    }

    static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }
}

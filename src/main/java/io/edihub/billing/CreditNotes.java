package io.edihub.billing;

import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.CreditNote;
import io.edihub.order.OrderStore;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import io.edihub.partner.Contract;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues credit notes against our invoices: the next number of our company's credit note sequence, the invoice's own
 * price and currency, never more per line than the line billed and not yet credited (checked here under the invoice's
 * row lock, and by the database's CHECK on {@code invoice_line}). One credit note per settlement key, ever: issued
 * again with the same key, the note on file is returned and nothing is written twice. Stores it and puts the credit
 * note event on {@code edihub.credit-notes.v1} through the outbox, in the caller's transaction.
 */
@Component
public class CreditNotes {

    private final JdbcTemplate jdbc;
    private final Invoices invoices;
    private final OrderStore orders;
    private final Outbox outbox;
    private final Topics topics;
    private final BillingSettings settings;
    private final Clock clock;
    private final InvoiceBalances balances;
    private final ApplicationEventPublisher events;

    CreditNotes(JdbcTemplate jdbc, Invoices invoices, OrderStore orders, Outbox outbox, Topics topics,
            BillingSettings settings, Clock clock, InvoiceBalances balances, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.balances = balances;
        this.events = events;
        this.invoices = invoices;
        this.orders = orders;
        this.outbox = outbox;
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What to credit.
     *
     * @param settlementKey     makes it idempotent: one credit note per key
     * @param customerReference the customer's number for its dispute, if any
     * @param reason            the adjustment reason code, if any
     * @param reasonText        why, in words
     * @param deduction         the credit settles a deduction the customer took on a payment: it comes out of what the
     *                          deduction holds on the invoice, not out of its open balance
     */
    public record Request(String partnerId, String invoiceNumber, String claimNumber, String settlementKey,
            String customerReference, String reason, String reasonText, List<Line> lines, boolean deduction) {

        public Request {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One invoice line to credit: a quantity (credited at the invoice's price), an amount, or both (then the amount
     * must be the quantity at the invoice's price).
     */
    public record Line(String lineNumber, BigDecimal quantity, BigDecimal amount) {
    }

    /** A credit that would break the invoice's limits; nothing was credited. */
    public static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The credit note, made now or, for a settlement key seen before, the one made then.
     *
     * @throws Refused UNKNOWN_INVOICE, NO_LINES, UNKNOWN_LINE, DUPLICATE_LINE_NUMBER, NOT_POSITIVE, OTHER_PRICE,
     *                 OVER_CREDIT
     */
    public CreditNote issue(Request request, PartnerProfile partner, Instant now) {
        Optional<CreditNote> issued = bySettlement(request.settlementKey());
        if (issued.isPresent()) {
            return issued.get();
        }
        Invoices.Billed invoice = invoices.find(partner.id(), request.invoiceNumber(), true).orElseThrow(() ->
                new Refused("UNKNOWN_INVOICE", "invoice " + request.invoiceNumber() + " is not one of ours to " + partner.id()));
        if (request.lines().isEmpty()) {
            throw new Refused("NO_LINES", "a credit names at least one line of invoice " + invoice.invoiceNumber());
        }
        List<CreditNote.Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Line l : request.lines()) {
            if (!seen.add(l.lineNumber())) {
                throw new Refused("DUPLICATE_LINE_NUMBER", "line " + l.lineNumber() + " is named twice");
            }
            lines.add(creditLine(invoice, l));
        }
        BigDecimal total = lines.stream().map(CreditNote.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        InvoiceBalances.Balance before = balances.find(partner.id(), invoice.invoiceNumber(), false).orElseThrow();
        InvoiceBalances.Move move = move(before, total, request.deduction());
        io.edihub.canonical.Invoice original = readInvoice(invoice.id());
        Contract contract = partner.contract();
        // a consolidated invoice bills several releases: the credit names the one its lines billed, if one
        List<String> releases = request.lines().stream().map(l -> invoice.line(l.lineNumber()).orElseThrow().releaseId())
                .distinct().toList();
        String releaseId = invoice.releaseId() != null ? invoice.releaseId() : releases.size() == 1 ? releases.get(0) : null;
        CreditNote note = new CreditNote(nextNumber(), partner.id(), invoice.invoiceNumber(), invoice.invoiceDate(),
                invoice.poNumber(), original.orderDate(), releaseId, request.claimNumber(),
                request.customerReference(), original.contractNumber(),
                contract == null ? original.supplierNumber() : contract.supplierNumber(), invoice.currency(),
                LocalDate.ofInstant(now, clock.getZone()), request.reason(), request.reasonText(), lines, total);
        Long row = jdbc.queryForObject("insert into credit_note (credit_note_number, company, partner_id, invoice, claim_number, "
                        + "settlement_key, currency, total, credit_date, content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "cast(? as jsonb), ?) returning id", Long.class, note.creditNoteNumber(), settings.company(),
                partner.id(), invoice.id(), request.claimNumber(), request.settlementKey(), invoice.currency(), total,
                Date.valueOf(note.creditDate()), CanonicalJson.compact(note), Timestamp.from(now));
        for (CreditNote.Line l : lines) {
            jdbc.update("insert into credit_note_line (credit_note, invoice, line_number, quantity, amount) values (?, ?, ?, ?, ?)",
                    row, invoice.id(), l.lineNumber(), l.quantity(), l.amount());
            jdbc.update("update invoice_line set credited_quantity = credited_quantity + ?, credited_amount = credited_amount + ? "
                    + "where invoice = ? and line_number = ?", l.quantity() == null ? BigDecimal.ZERO : l.quantity(),
                    l.amount(), invoice.id(), l.lineNumber());
        }
        balances.move(before, move);
        if (move.paid().signum() < 0) {
            // the invoice was paid already: what the credit gives back goes to the partner's account as cash
            events.publishEvent(new CashReturned(partner.id(), invoice.invoiceNumber(), move.paid().negate(),
                    note.creditNoteNumber(), now));
        }
        outbox.add(topics.creditNotes(), note.creditNoteNumber(), "credit-note:" + note.creditNoteNumber(),
                "io.edihub.credit-note.v1", note);
        orders.recordEvent(partner.id(), invoice.poNumber(), null, null, "CREDITED", "credit note " + note.creditNoteNumber()
                + " on invoice " + invoice.invoiceNumber() + ": " + total.setScale(2, RoundingMode.HALF_UP).toPlainString()
                + " " + invoice.currency() + " (claim " + request.claimNumber() + ")", false);
        return note;
    }

    /**
     * Where a credit's money comes from on the invoice: a deduction's out of what deductions hold; any other out of the
     * open balance first and, past it, out of what was paid (which then goes back to the partner's account).
     */
    private static InvoiceBalances.Move move(InvoiceBalances.Balance before, BigDecimal total, boolean deduction) {
        if (deduction) {
            if (total.compareTo(before.deducted()) > 0) {
                throw new Refused("OVER_CREDIT", plain(total) + " " + before.currency() + " to credit on a deduction, but "
                        + "deductions hold only " + plain(before.deducted()) + " of invoice " + before.invoiceNumber());
            }
            return new InvoiceBalances.Move(BigDecimal.ZERO, BigDecimal.ZERO, total.negate(), total);
        }
        BigDecimal back = total.subtract(total.min(before.open()));
        if (back.compareTo(before.paid()) > 0) {
            throw new Refused("OVER_CREDIT", plain(total) + " " + before.currency() + " to credit, but of invoice "
                    + before.invoiceNumber() + " only " + plain(before.open()) + " is open and " + plain(before.paid())
                    + " paid; the rest is an early-payment discount (" + plain(before.discount()) + ") or held by "
                    + "deductions (" + plain(before.deducted()) + ")");
        }
        return new InvoiceBalances.Move(back.negate(), BigDecimal.ZERO, BigDecimal.ZERO, total);
    }

    /**
     * A credit note landed on an invoice already paid: {@code amount} of what was paid on it goes back to the partner's
     * account, where the cash module keeps it as unapplied cash.
     */
    public record CashReturned(String partnerId, String invoiceNumber, BigDecimal amount, String creditNoteNumber,
            Instant at) {
    }

    private CreditNote.Line creditLine(Invoices.Billed invoice, Line l) {
        Invoices.Line billed = invoice.line(l.lineNumber()).orElseThrow(() -> new Refused("UNKNOWN_LINE", "line "
                + l.lineNumber() + " is not on invoice " + invoice.invoiceNumber() + "; its lines are "
                + String.join(", ", invoice.lines().stream().map(Invoices.Line::lineNumber).toList())));
        if ((l.quantity() == null && l.amount() == null) || (l.quantity() != null && l.quantity().signum() <= 0)
                || (l.amount() != null && l.amount().signum() <= 0)) {
            throw new Refused("NOT_POSITIVE", "line " + l.lineNumber() + ": a credit is a quantity or an amount more than "
                    + "zero (quantity " + l.quantity() + ", amount " + l.amount() + ")");
        }
        BigDecimal atPrice = l.quantity() == null ? null
                : l.quantity().multiply(billed.unitPrice()).setScale(2, RoundingMode.HALF_UP);
        if (atPrice != null && l.amount() != null && atPrice.compareTo(l.amount()) != 0) {
            throw new Refused("OTHER_PRICE", "line " + l.lineNumber() + ": " + plain(l.amount()) + " for " + plain(l.quantity())
                    + " " + billed.unit() + " is not the invoice's price; " + plain(l.quantity()) + " × " + plain(billed.unitPrice())
                    + " = " + plain(atPrice) + ", and a credit is always at the price billed");
        }
        if (l.quantity() != null && l.quantity().compareTo(billed.openQuantity()) > 0) {
            throw new Refused("OVER_CREDIT", "line " + l.lineNumber() + ": " + plain(l.quantity()) + " to credit, but invoice "
                    + invoice.invoiceNumber() + " billed " + plain(billed.quantity()) + " and " + plain(billed.creditedQuantity())
                    + " of them are credited already");
        }
        BigDecimal amount = atPrice != null ? atPrice : l.amount();
        if (amount.compareTo(billed.openAmount()) > 0) {
            throw new Refused("OVER_CREDIT", "line " + l.lineNumber() + ": " + plain(amount) + " " + invoice.currency()
                    + " to credit, but invoice " + invoice.invoiceNumber() + " billed " + plain(billed.amount()) + " on it and "
                    + plain(billed.creditedAmount()) + " are credited already");
        }
        io.edihub.canonical.Invoice.Line described = readInvoice(invoice.id()).lines().stream()
                .filter(i -> i.lineNumber().equals(l.lineNumber())).findFirst().orElseThrow();
        return new CreditNote.Line(l.lineNumber(), described.buyerPart(), described.vendorPart(), described.description(),
                l.quantity(), billed.unit(), billed.unitPrice(), amount);
    }

    private io.edihub.canonical.Invoice readInvoice(long id) {
        return CanonicalJson.read(jdbc.queryForObject("select content from invoice where id = ?", String.class, id),
                io.edihub.canonical.Invoice.class);
    }

    private Optional<CreditNote> bySettlement(String settlementKey) {
        return jdbc.queryForList("select content from credit_note where settlement_key = ?", String.class, settlementKey)
                .stream().findFirst().map(json -> CanonicalJson.read(json, CreditNote.class));
    }

    /** The next number of our company's credit note sequence: {@code EDH-CN-00000001}. */
    private String nextNumber() {
        Long next = jdbc.queryForObject("insert into credit_note_sequence (company, last_value) values (?, 1) on conflict "
                + "(company) do update set last_value = credit_note_sequence.last_value + 1 returning last_value", Long.class,
                settings.company());
        return settings.company() + "-CN-" + String.format("%08d", next);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

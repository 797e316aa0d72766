package io.edihub.billing;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Invoice;
import io.edihub.forms.OutgoingDocuments;
import io.edihub.fulfillment.Shipments;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
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
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the invoice for what one acceptance accepted: the next number of our company's sequence, the
 * contract's price per line and its payment terms with the dates they give ({@link PaymentClock}: the day the terms
 * run from, the due date, the discount's last day and amount), our supplier number at the customer. Stores it (one per
 * acceptance, enforced by the database), writes the invoice for the partner's outbound folder (an 810 unless its
 * file asks for another form) and puts the
 * invoice event in the outbox, all in the caller's transaction.
 */
@Component("invoicing")
public class Invoicing {

    private final JdbcTemplate jdbc;
    private final Shipments shipments;
    private final OrderStore orders;
    private final Outbox outbox;
    private final Topics topics;
    private final OutgoingDocuments documents;
    private final BillingSettings settings;
    private final Clock clock;
    private final ReleaseLedger ledger;

    Invoicing(JdbcTemplate jdbc, OrderStore orders, Outbox outbox, Topics topics,
            OutgoingDocuments documents, BillingSettings settings, Clock clock, Shipments shipments,
            ReleaseLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.shipments = shipments;
        this.orders = orders;
        this.outbox = outbox;
        this.topics = topics;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
    }

    /** The acceptance route's invoice step: what the customer accepted, at the contract's price and terms. */
    public AcceptanceInProgress invoiceAccepted(AcceptanceInProgress step) {
        return step.invoiced(invoice(step.partner(), step.release(), step.judged(), step.toInvoice(), step.acceptance(),
                step.row(), step.recordedAt()));
    }

    /** The order lines that would be invoiced without a price; an invoice is never made with a guessed one. */
    static List<String> unpriced(ReleaseQuantities quantities, Map<String, BigDecimal> toInvoice) {
        return toInvoice.keySet().stream().filter(line -> quantities.lines().stream()
                .filter(l -> l.lineNumber().equals(line)).anyMatch(l -> l.unitPrice() == null)).toList();
    }

    Invoice invoice(PartnerProfile partner, ReleaseLedger.Entry entry, ReleaseQuantities quantities,
            Map<String, BigDecimal> toInvoice, Acceptance acceptance, long acceptanceRow, Instant now) {
        Contract contract = partner.contract();
        LocalDate invoiceDate = LocalDate.ofInstant(now, clock.getZone());
        List<Invoice.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : toInvoice.entrySet()) {
            ReleaseQuantities.Line first = quantities.lines().stream().filter(l -> l.lineNumber().equals(e.getKey()))
                    .findFirst().orElseThrow();
            BigDecimal amount = e.getValue().multiply(first.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            lines.add(new Invoice.Line(e.getKey(), first.buyerPart(), first.vendorPart(), first.description(), e.getValue(),
                    first.unit(), first.unitPrice(), amount));
            total = total.add(amount);
        }
        Contract.PaymentTerms terms = contract == null ? null : contract.paymentTerms();
        // the customer's own date of acceptance; an acceptance that states none took effect the day it was recorded
        LocalDate acceptedOn = acceptance.acceptedOn() != null ? acceptance.acceptedOn() : invoiceDate;
        PaymentClock paymentClock = PaymentClock.of(terms, invoiceDate, acceptedOn, total);
        String currency = contract != null ? contract.currency() : orders.canonical(entry.orderId()).currency();
        LocalDate shipDate = shipments.lastShipDate(entry.partnerId(), entry.releaseId()).orElse(null);
        if (total.signum() > 0) {
            // the release stays open until this invoice is paid or credited
            ledger.invoiceIssued(partner.id(), entry.releaseId());
        }
        Invoice invoice = new Invoice(nextNumber(), partner.id(), acceptance.acceptanceId(), entry.poNumber(),
                entry.orderDate(), entry.releaseId(), contract == null ? null : contract.number(),
                contract == null ? null : contract.supplierNumber(), currency, invoiceDate, shipDate, terms,
                paymentClock.acceptanceDate(), paymentClock.termsFrom(), paymentClock.dueDate(), paymentClock.discountDate(),
                paymentClock.discountAllowed(), lines, total);
        Long row = jdbc.queryForObject("insert into invoice (invoice_number, company, partner_id, acceptance, po_number, "
                        + "release_id, currency, total, invoice_date, due_date, acceptance_date, terms_from, discount_date, "
                        + "discount_allowed, content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "cast(? as jsonb), ?) returning id", Long.class, invoice.invoiceNumber(),
                settings.company(), partner.id(), acceptanceRow, invoice.poNumber(), invoice.releaseId(), currency, total,
                Date.valueOf(invoiceDate), Date.valueOf(invoice.dueDate()), Date.valueOf(invoice.acceptanceDate()),
                Date.valueOf(invoice.termsFrom()), date(invoice.discountDate()), invoice.discountAllowed(),
                CanonicalJson.compact(invoice), Timestamp.from(now));
        // per line what was billed: a credit is checked against it, and the database refuses a credit above it
        jdbc.batchUpdate("insert into invoice_line (invoice, line_number, quantity, unit, unit_price, amount) "
                + "values (?, ?, ?, ?, ?, ?)", lines.stream().map(l -> new Object[] {row, l.lineNumber(), l.quantity(),
                    l.unit(), l.unitPrice(), l.amount()}).toList());
        // the 810, INVOIC, JSON or CSV the partner's file asks for (documents.invoice)
        documents.sendInvoice(invoice, partner, now);
        outbox.add(topics.invoices(), invoice.invoiceNumber(), "invoice:" + invoice.invoiceNumber(), "io.edihub.invoice.v1",
                invoice);
        return invoice;
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    /** The next number of our company's sequence; the row lock makes concurrent invoices wait, never collide. */
    private String nextNumber() {
        Long next = jdbc.queryForObject("insert into invoice_sequence (company, last_value) values (?, 1) on conflict (company) "
                + "do update set last_value = invoice_sequence.last_value + 1 returning last_value", Long.class,
                settings.company());
        return settings.company() + "-" + String.format("%08d", next);
    }
}

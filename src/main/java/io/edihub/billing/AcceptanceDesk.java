package io.edihub.billing;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Invoice;
import io.edihub.canonical.Release;
import io.edihub.ops.Alerts;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the customer's acceptance of a release, whatever format it came in, through the {@code acceptRelease}
 * route (routes/acceptance.camel.yaml): checks it against what was shipped ({@link #judge}), records it
 * ({@link #record}), invoices what was accepted at the contract's price and terms ({@link Invoicing}), turns what
 * was returned or disputed into a claim ({@code io.edihub.claims}) and closes it on the release ({@link #close}). Runs in the caller's transaction with a savepoint of its own, so one
 * acceptance refused does not undo the others of a document.
 *
 * <p>An acceptance is taken once per (partner, acceptance id, release): sent again, it is refused as a
 * duplicate and alerted, and nothing is invoiced twice.
 */
@Service
public class AcceptanceDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptanceDesk.class);

    private final JdbcTemplate jdbc;
    private final ReleaseLedger ledger;
    private final OrderStore orders;
    private final AcceptanceRoute route;
    private final Invoicing invoicing;
    private final Alerts alerts;
    private final Clock clock;
    private final TransactionTemplate nested;

    AcceptanceDesk(JdbcTemplate jdbc, ReleaseLedger ledger, OrderStore orders, AcceptanceRoute route, Invoicing invoicing,
            Alerts alerts, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.orders = orders;
        this.route = route;
        this.invoicing = invoicing;
        this.alerts = alerts;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What became of an acceptance. */
    public enum Result {
        /** taken; what was accepted is invoiced */
        INVOICED,
        /** taken; nothing was accepted, so there is no invoice (only claims) */
        TAKEN,
        /**
         * taken; what was accepted goes on the consolidated invoice of its month (the partner is invoiced monthly), so
         * there is no invoice number yet
         */
        TO_BE_INVOICED,
        /** not taken: see the code and message */
        REFUSED
    }

    /**
     * @param invoiceNumber the invoice made from it, if any
     * @param claims        the number of order lines with a claim
     */
    public record Outcome(Result result, String acceptanceId, String releaseId, String code, String message,
            String invoiceNumber, BigDecimal invoiceTotal, int claims) {

        static Outcome refused(Acceptance a, String code, String message) {
            return new Outcome(Result.REFUSED, a.acceptanceId(), a.releaseId(), code, message, null, null, 0);
        }
    }

    /**
     * Takes one acceptance.
     *
     * @param documentId the inbound document it came in, null for one the hub made (implicit acceptance)
     */
    public Outcome take(Acceptance acceptance, PartnerProfile partner, Long documentId) {
        List<Outcome> outcomes = takeAll(List.of(acceptance), partner, documentId);
        alertRefusals(List.of(acceptance), outcomes, partner, documentId);
        return outcomes.get(0);
    }

    /**
     * Takes the acceptances of one document (an 861 set, a JSON or CSV document) whole or not at all: when
     * one is refused, none is taken, and the others say why they were not taken. The sender corrects the
     * document and sends it again; nothing of it was half applied. The caller raises the alerts with
     * {@link #alertRefusals} once it knows its own transaction keeps them (an X12 group may still be rolled back).
     */
    public List<Outcome> takeAll(List<Acceptance> acceptances, PartnerProfile partner, Long documentId) {
        List<Outcome> outcomes = new ArrayList<>();
        nested.executeWithoutResult(status -> {
            for (Acceptance a : acceptances) {
                outcomes.add(takeGuarded(a, partner, documentId));
            }
            if (outcomes.stream().anyMatch(o -> o.result() == Result.REFUSED)) {
                status.setRollbackOnly();
            }
        });
        if (outcomes.stream().noneMatch(o -> o.result() == Result.REFUSED)) {
            return outcomes;
        }
        List<Outcome> answered = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Acceptance a = acceptances.get(i);
            Outcome o = outcomes.get(i);
            if (o.result() == Result.REFUSED) {
                answered.add(o);
            } else {
                answered.add(Outcome.refused(a, "DOCUMENT_REFUSED", "acceptance " + a.acceptanceId() + " of release "
                        + a.releaseId() + " is in order but was not taken: another acceptance in the same document was "
                        + "refused, and a document is taken whole or not at all"));
            }
        }
        return answered;
    }

    /** Alerts the operator to every acceptance refused for its own reasons (not those refused with their document). */
    public void alertRefusals(List<Acceptance> acceptances, List<Outcome> outcomes, PartnerProfile partner,
            Long documentId) {
        for (int i = 0; i < outcomes.size(); i++) {
            Acceptance a = acceptances.get(i);
            Outcome o = outcomes.get(i);
            if (o.result() == Result.REFUSED && !"DOCUMENT_REFUSED".equals(o.code())) {
                alerts.raise("ACCEPTANCE_REFUSED", a.releaseId(), partner.id(), a.poNumber(), null, documentId,
                        "acceptance " + a.acceptanceId() + " of release " + a.releaseId() + " was refused: " + o.message()
                                + " [" + o.code() + "]");
            }
        }
    }

    /** A defect in the desk refuses the acceptance and says so; a database failure fails the whole document. */
    private Outcome takeGuarded(Acceptance acceptance, PartnerProfile partner, Long documentId) {
        try {
            return nested.execute(status -> route.accept(AcceptanceInProgress.start(acceptance, partner, documentId)));
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("{} acceptance {} of {}: the acceptance desk failed", partner.id(), acceptance.acceptanceId(),
                    acceptance.releaseId(), e);
            return Outcome.refused(acceptance, "PROCESSING_ERROR", "the acceptance could not be processed ("
                    + e.getClass().getSimpleName() + "); nothing of it was taken");
        }
    }

    /**
     * The acceptance route's first step: refuses an acceptance taken before, one without lines or for a release
     * not on file, not on its PO or not shipped, one that names a line twice or judges more than was shipped, and
     * one whose accepted goods have no price; otherwise locks the release and applies the customer's verdicts.
     */
    public AcceptanceInProgress judge(AcceptanceInProgress step) {
        Acceptance a = step.acceptance();
        PartnerProfile partner = step.partner();
        Optional<Instant> seen = jdbc.query("select received_at from acceptance where partner_id = ? and acceptance_id = ? "
                        + "and release_id = ?", (rs, i) -> rs.getTimestamp(1).toInstant(), partner.id(), a.acceptanceId(),
                a.releaseId()).stream().findFirst();
        if (seen.isPresent()) {
            return step.refuse("DUPLICATE_ACCEPTANCE", "acceptance " + a.acceptanceId() + " of release "
                    + a.releaseId() + " was already taken on " + seen.get() + "; it is not taken or invoiced twice");
        }
        if (a.lines().isEmpty()) {
            return step.refuse("NO_LINES", "the acceptance names no line of release " + a.releaseId());
        }
        Optional<ReleaseLedger.Entry> locked = ledger.lock(partner.id(), a.releaseId());
        if (locked.isEmpty()) {
            return step.refuse("UNKNOWN_RELEASE", "release " + a.releaseId() + " is not on file for " + partner.id()
                    + (a.poNumber() == null ? "" : " (PO " + a.poNumber() + ")"));
        }
        ReleaseLedger.Entry entry = locked.get();
        if (a.poNumber() != null && !a.poNumber().equals(entry.poNumber())) {
            return step.refuse("RELEASE_NOT_ON_PO", "release " + a.releaseId() + " belongs to PO "
                    + entry.poNumber() + ", not to PO " + a.poNumber());
        }
        Map<String, BigDecimal[]> verdicts = new LinkedHashMap<>();
        for (Acceptance.Line line : a.lines()) {
            // returned and disputed apart: a negative one must not hide behind a larger other
            if (verdicts.putIfAbsent(line.lineNumber(), new BigDecimal[] {line.accepted(), line.returned(),
                line.disputed()}) != null) {
                return step.refuse("DUPLICATE_LINE_NUMBER", "line " + line.lineNumber() + " is listed twice; "
                        + "give each order line once, with all its quantities");
            }
        }
        if (entry.quantities().lines().stream().allMatch(l -> l.shipped().signum() == 0)) {
            return step.refuse("NOT_SHIPPED", "nothing was shipped on release " + a.releaseId() + " ("
                    + entry.status().name().toLowerCase() + "); only shipped goods can be accepted");
        }
        ReleaseQuantities judged;
        try {
            judged = entry.quantities().judge(verdicts);
        } catch (ReleaseQuantities.Refusal e) {
            return step.refuse(e.code(), e.getMessage());
        }
        Map<String, BigDecimal> toInvoice = judged.toInvoice();
        List<String> unpriced = Invoicing.unpriced(judged, toInvoice);
        if (!unpriced.isEmpty()) {
            return step.refuse("NO_PRICE", "line(s) " + String.join(", ", unpriced) + " of release " + a.releaseId()
                    + " have no contract or order price, so the accepted goods cannot be invoiced; the operator must "
                    + "price them first");
        }
        return step.judged(entry, judged, toInvoice);
    }

    /** The acceptance route's second step: the acceptance and its lines are recorded, once. */
    public AcceptanceInProgress record(AcceptanceInProgress step) {
        Instant now = clock.instant();
        return step.recorded(store(step.acceptance(), step.partner(), step.documentId(), now), now);
    }

    /**
     * The acceptance route's last step for a taken acceptance: the release's quantities (and status) as judged, and
     * accepted goods marked invoiced; an event on the order's timeline.
     */
    public Outcome close(AcceptanceInProgress step) {
        Acceptance a = step.acceptance();
        ReleaseLedger.Entry entry = step.release();
        Invoice invoice = step.invoice();
        ReleaseQuantities after = invoice == null ? step.judged() : step.judged().invoiceAccepted();
        Release.Status status = ledger.save(entry, after, after.status(entry.status()));
        boolean waits = step.awaitsConsolidatedInvoice();
        String what = (a.implicit() ? "implicit acceptance " : "acceptance ") + a.acceptanceId() + " of release "
                + a.releaseId() + " taken" + (invoice != null ? ", invoiced as " + invoice.invoiceNumber() + " ("
                        + invoice.total().toPlainString() + " " + invoice.currency() + ")"
                        : waits ? ", " + consolidatedInvoice(step) : ", nothing accepted to invoice")
                + (step.claims() == 0 ? "" : ", " + step.claims() + " line(s) claimed");
        orders.recordEvent(step.partner().id(), entry.poNumber(), entry.orderId(), step.documentId(), a.implicit()
                ? "ACCEPTED_IMPLICITLY" : "ACCEPTED", what, false);
        return new Outcome(invoice != null ? Result.INVOICED : waits ? Result.TO_BE_INVOICED : Result.TAKEN,
                a.acceptanceId(), a.releaseId(), status.name(),
                what, invoice == null ? null : invoice.invoiceNumber(), invoice == null ? null : invoice.total(),
                step.claims());
    }

    /** Where the goods of a monthly partner's acceptance will be invoiced, in words. */
    private String consolidatedInvoice(AcceptanceInProgress step) {
        PartnerProfile.Invoicing invoicing = step.partner().invoicing();
        java.time.LocalDate acceptedOn = step.acceptance().acceptedOn() != null ? step.acceptance().acceptedOn()
                : java.time.LocalDate.ofInstant(step.recordedAt(), clock.getZone());
        java.time.YearMonth month = java.time.YearMonth.from(acceptedOn);
        return "the accepted goods go on the consolidated invoice of " + (invoicing.per() == PartnerProfile.Per.CONTRACT
                ? "the contract" : "PO " + step.release().poNumber()) + " for " + month + ", issued on "
                + month.plusMonths(1).atDay(invoicing.issueDay());
    }

    /**
     * Goods the customer rejected and now accepts after all (a claim settled so): recorded as an acceptance of its own
     * and invoiced through the same path as any acceptance, once (one invoice per acceptance), at the release's price.
     * The caller holds the release's lock ({@link ReleaseLedger#lock}).
     *
     * @param settled      the release's quantities with the goods already moved to accepted after all
     * @param quantities   per order line, the quantity accepted after all
     * @param acceptanceId the acceptance's id: derived from the settlement, so it is taken once
     * @throws ReleaseQuantities.Refusal NO_PRICE when a line has no price to invoice it at; nothing was written
     */
    public Invoice acceptAfterAll(PartnerProfile partner, ReleaseLedger.Entry entry, ReleaseQuantities settled,
            Map<String, BigDecimal> quantities, String acceptanceId, String reason) {
        List<String> unpriced = Invoicing.unpriced(settled, quantities);
        if (!unpriced.isEmpty()) {
            throw new ReleaseQuantities.Refusal("NO_PRICE", "line(s) " + String.join(", ", unpriced) + " of release "
                    + entry.releaseId() + " have no contract or order price, so goods accepted after all cannot be "
                    + "invoiced; the operator must price them first");
        }
        Instant now = clock.instant();
        Acceptance acceptance = new Acceptance(partner.id(), acceptanceId, entry.poNumber(), entry.releaseId(),
                java.time.LocalDate.ofInstant(now, clock.getZone()), false, quantities.entrySet().stream()
                        .map(e -> new Acceptance.Line(e.getKey(), e.getValue(), null, null, null, null, reason)).toList(),
                new io.edihub.canonical.PurchaseOrder.SourceDocument("CLAIM", null, null, null, null, null));
        long row = store(acceptance, partner, null, now);
        Invoice invoice = invoicing.invoice(partner, entry, settled, quantities, acceptance, row, now);
        // only these: a monthly partner's other accepted goods still wait for their consolidated invoice
        ReleaseQuantities after = settled.invoice(quantities);
        ledger.save(entry, after, after.status(entry.status()));
        orders.recordEvent(partner.id(), entry.poNumber(), entry.orderId(), null, "ACCEPTED", "acceptance "
                + acceptanceId + " of release " + entry.releaseId() + ": rejected goods accepted after all, invoiced as "
                + invoice.invoiceNumber() + " (" + invoice.total().toPlainString() + " " + invoice.currency() + ")", false);
        return invoice;
    }

    /** A refused acceptance's outcome, for the route's end. */
    public Outcome refusal(AcceptanceInProgress step) {
        return step.refusal();
    }

    private long store(Acceptance a, PartnerProfile partner, Long documentId, Instant now) {
        Long row = jdbc.queryForObject("insert into acceptance (partner_id, acceptance_id, po_number, release_id, accepted_on, "
                        + "implicit, document_id, source, received_at) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) "
                        + "returning id", Long.class, partner.id(), a.acceptanceId(), a.poNumber() == null ? "" : a.poNumber(),
                a.releaseId(), Date.valueOf(a.acceptedOn() == null ? java.time.LocalDate.now(clock) : a.acceptedOn()),
                a.implicit(), documentId, CanonicalJson.compact(a.source()), Timestamp.from(now));
        jdbc.batchUpdate("insert into acceptance_line (acceptance, line_number, accepted, returned, disputed, unit, condition, "
                + "reason) values (?, ?, ?, ?, ?, ?, ?, ?)", a.lines().stream().map(l -> new Object[] {row, l.lineNumber(),
                    l.accepted(), l.returned(), l.disputed(), l.unit(), l.condition(), l.reason()}).toList());
        return row;
    }
}

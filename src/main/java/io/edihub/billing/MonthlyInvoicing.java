package io.edihub.billing;

import io.edihub.canonical.Invoice;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consolidated invoices of partners invoiced monthly ({@code invoicing.cadence: monthly}): their acceptances are
 * judged, recorded, claimed and closed as anyone's, but their accepted goods wait, accepted and not invoiced, on their
 * releases. From the partner's issue day on, the {@code issueConsolidatedInvoices} route (routes/monthly-invoicing.camel.yaml,
 * one replica at a time) has this make, per PO (or per contract), one invoice for the goods of every acceptance of the
 * previous calendar month (by the day the customer accepted them) not billed yet, each line naming its release and PO
 * line, at the contract's price and terms ({@link Invoicing#consolidated}).
 *
 * <p>Run twice, it invoices once: one invoice per partner, PO or contract, and month (a unique index), and each
 * acceptance billed by one invoice at most (the {@code invoice_acceptance} key). An acceptance recorded after its
 * month's invoice was issued goes on the next month's invoice of its PO. Each PO or contract is invoiced in a
 * transaction of its own, under its releases' locks, so one that fails (alerted) does not hold back the others.
 */
@Component("monthlyInvoicing")
public class MonthlyInvoicing {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyInvoicing.class);

    private final JdbcTemplate jdbc;
    private final PartnerDirectory partners;
    private final ReleaseLedger ledger;
    private final OrderStore orders;
    private final Invoicing invoicing;
    private final io.edihub.ops.Alerts alerts;
    private final Clock clock;
    private final TransactionTemplate transaction;

    MonthlyInvoicing(JdbcTemplate jdbc, PartnerDirectory partners, ReleaseLedger ledger, OrderStore orders,
            Invoicing invoicing, io.edihub.ops.Alerts alerts, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.ledger = ledger;
        this.orders = orders;
        this.invoicing = invoicing;
        this.alerts = alerts;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * An acceptance with accepted goods not billed yet.
     *
     * @param row            the acceptance's row id
     * @param contractNumber the contract its order names, else null (then the partner's contract)
     */
    record Unbilled(long row, String acceptanceId, String releaseId, String poNumber, String contractNumber,
            LocalDate acceptedOn) {
    }

    /**
     * The month whose consolidated invoices are due on {@code today}: the previous one from the issue day on, the one
     * before until then (its invoices were due last month; a run missed then catches up).
     */
    static YearMonth billedMonth(LocalDate today, int issueDay) {
        YearMonth current = YearMonth.from(today);
        return today.getDayOfMonth() >= issueDay ? current.minusMonths(1) : current.minusMonths(2);
    }

    /** The acceptances one consolidated invoice gathers, by {@code po:<number>} or {@code contract:<number>}. */
    static Map<String, List<Unbilled>> groups(List<Unbilled> unbilled, PartnerProfile.Per per, String partnerContract) {
        Map<String, List<Unbilled>> groups = new TreeMap<>();
        for (Unbilled u : unbilled) {
            String key = per == PartnerProfile.Per.CONTRACT
                    ? "contract:" + (u.contractNumber() != null ? u.contractNumber() : partnerContract)
                    : "po:" + u.poNumber();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(u);
        }
        return groups;
    }

    /**
     * Issues every consolidated invoice due today.
     *
     * @return the invoices issued
     */
    public List<Invoice> issueDue() {
        LocalDate today = LocalDate.now(clock);
        List<Invoice> issued = new ArrayList<>();
        for (PartnerProfile partner : partners.all()) {
            if (!partner.invoicing().consolidated()) {
                continue;
            }
            YearMonth month = billedMonth(today, partner.invoicing().issueDay());
            Map<String, List<Unbilled>> groups = groups(unbilled(partner.id(), month.atEndOfMonth()),
                    partner.invoicing().per(), partner.contract() == null ? null : partner.contract().number());
            for (Map.Entry<String, List<Unbilled>> group : groups.entrySet()) {
                try {
                    Invoice invoice = transaction.execute(status -> issue(partner, group.getKey(), month, group.getValue()));
                    if (invoice != null) {
                        issued.add(invoice);
                    }
                } catch (RuntimeException e) {
                    LOG.error("{} {}: the consolidated invoice of {} could not be issued", partner.id(), group.getKey(),
                            month, e);
                    alerts.raise("CONSOLIDATED_INVOICE_FAILED", group.getKey() + ":" + month, partner.id(),
                            group.getKey().startsWith("po:") ? group.getKey().substring(3) : null, null, null,
                            "the consolidated invoice of " + group.getKey().replace(':', ' ') + " for " + month
                                    + " could not be issued (" + e.getMessage() + "); the goods stay accepted and not "
                                    + "invoiced, and the next run tries again");
                }
            }
        }
        return issued;
    }

    /**
     * The partner's acceptances up to {@code until} with accepted goods that no invoice billed yet, oldest first.
     */
    private List<Unbilled> unbilled(String partnerId, LocalDate until) {
        return jdbc.query("select a.id, a.acceptance_id, a.release_id, o.po_number, o.contract_number, a.accepted_on "
                        + "from acceptance a join release_overview r on r.partner_id = a.partner_id "
                        + "and r.release_id = a.release_id join order_overview o on o.id = r.order_id "
                        + "where a.partner_id = ? and a.accepted_on <= ? "
                        + "and not exists (select 1 from invoice_acceptance ia where ia.acceptance = a.id) "
                        + "and exists (select 1 from acceptance_line l where l.acceptance = a.id and l.accepted > 0) "
                        + "order by a.accepted_on, a.id",
                (rs, i) -> new Unbilled(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate()), partnerId, Date.valueOf(until));
    }

    /** One consolidated invoice, in the caller's transaction; null when it was issued before or nothing is left. */
    private Invoice issue(PartnerProfile partner, String consolidates, YearMonth month, List<Unbilled> group) {
        Boolean issuedBefore = jdbc.queryForObject("select exists (select 1 from invoice where partner_id = ? and kind = "
                + "'CONSOLIDATED' and consolidates = ? and period = ?)", Boolean.class, partner.id(), consolidates,
                Date.valueOf(month.atDay(1)));
        if (Boolean.TRUE.equals(issuedBefore)) {
            // its month's invoice is out: what was accepted since waits for next month's
            return null;
        }
        Map<String, List<Unbilled>> byRelease = new TreeMap<>();
        group.forEach(u -> byRelease.computeIfAbsent(u.releaseId(), r -> new ArrayList<>()).add(u));
        List<Invoicing.Billed> billed = new ArrayList<>();
        for (Map.Entry<String, List<Unbilled>> release : byRelease.entrySet()) {
            // the releases locked in their ids' order, as two runs would take them
            ReleaseLedger.Entry entry = ledger.lock(partner.id(), release.getKey()).orElseThrow(() ->
                    new IllegalStateException("release " + release.getKey() + " is not on file"));
            Map<Long, String> acceptances = new LinkedHashMap<>();
            LocalDate acceptedOn = null;
            for (Unbilled u : release.getValue()) {
                // read again under the lock: a run beside this one may have billed it since
                if (Boolean.FALSE.equals(jdbc.queryForObject("select not exists (select 1 from invoice_acceptance "
                        + "where acceptance = ?)", Boolean.class, u.row()))) {
                    continue;
                }
                acceptances.put(u.row(), u.acceptanceId());
                acceptedOn = acceptedOn == null || u.acceptedOn().isAfter(acceptedOn) ? u.acceptedOn() : acceptedOn;
            }
            Map<String, BigDecimal> toInvoice = toInvoice(entry.quantities(), accepted(acceptances.keySet()));
            if (!toInvoice.isEmpty()) {
                billed.add(new Invoicing.Billed(entry, toInvoice, acceptances, acceptedOn));
            }
        }
        if (billed.isEmpty()) {
            return null;
        }
        List<String> unpriced = billed.stream().flatMap(b -> Invoicing.unpriced(b.entry().quantities(), b.toInvoice())
                .stream().map(line -> b.entry().releaseId() + " line " + line)).toList();
        if (!unpriced.isEmpty()) {
            throw new IllegalStateException(String.join(", ", unpriced) + " have no contract or order price");
        }
        Instant now = clock.instant();
        Invoice invoice = invoicing.consolidated(partner, consolidates, month, billed, now);
        for (Invoicing.Billed b : billed) {
            ReleaseQuantities after = b.entry().quantities().invoice(b.toInvoice());
            ledger.save(b.entry(), after, after.status(b.entry().status()));
            orders.recordEvent(partner.id(), b.entry().poNumber(), b.entry().orderId(), null, "INVOICED", "release "
                    + b.entry().releaseId() + ": what acceptance(s) " + String.join(", ", b.acceptances().values())
                    + " accepted in " + month + " invoiced on consolidated invoice " + invoice.invoiceNumber() + " ("
                    + invoice.total().toPlainString() + " " + invoice.currency() + " for " + consolidates.replace(':', ' ')
                    + ")", false);
        }
        return invoice;
    }

    /** Per PO line, what the acceptances accepted. */
    private Map<String, BigDecimal> accepted(java.util.Collection<Long> acceptances) {
        Map<String, BigDecimal> accepted = new LinkedHashMap<>();
        for (Long row : acceptances) {
            jdbc.query("select line_number, accepted from acceptance_line where acceptance = ? and accepted > 0",
                    rs -> {
                        accepted.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
                    }, row);
        }
        return accepted;
    }

    /**
     * What a consolidated invoice bills of one release: per PO line, what its acceptances accepted, never more than the
     * release holds accepted and not invoiced (the rest of that was billed otherwise, e.g. accepted after all), in the
     * release's line order.
     */
    static Map<String, BigDecimal> toInvoice(ReleaseQuantities quantities, Map<String, BigDecimal> accepted) {
        Map<String, BigDecimal> open = quantities.toInvoice();
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (String line : quantities.lineNumbers()) {
            BigDecimal q = accepted.getOrDefault(line, BigDecimal.ZERO).min(open.getOrDefault(line, BigDecimal.ZERO));
            if (q.signum() > 0) {
                result.put(line, q.stripTrailingZeros().scale() < 0 ? q.setScale(0) : q.stripTrailingZeros());
            }
        }
        return result;
    }
}

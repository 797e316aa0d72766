package io.edihub.ops;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@code watchOverdueWork} route calls on its schedule: no order left unattended. Each pass looks,
 * one query per condition, for work that has waited longer than the partner's threshold (our documents
 * without the partner's 997, held orders, releases due but not dispatched, dispatched but not shipped,
 * shipped but not accepted, accepted but not invoiced, claims unsettled; and the receivables: invoices unpaid past
 * their due date and grace, deductions open, cash on no invoice) and, in one transaction, opens an alert for every
 * new condition and closes its open alerts whose condition is gone. A second pass with nothing changed
 * publishes nothing.
 */
@Component("watchdog")
public class Watchdog {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    /** Who closes an alert whose cause went away. */
    public static final String CLOSED_BY = "watchdog";
    /** Two passes (two hub instances, or the route and a test) take turns, so a condition is alerted once. */
    private static final long PASS_LOCK = 0x0ED1_4B0B_5EE5L;
    /** Our outbound kinds and the functional id (GS01) a 997 names them by. */
    private static final Map<String, String> FUNCTIONAL_ID = Map.of("855", "PR", "856", "SH", "810", "IN");

    private final JdbcTemplate jdbc;
    private final Alerts alerts;
    private final PartnerDirectory partners;
    private final WatchdogSettings settings;
    private final TransactionTemplate transactions;
    private final OpenAlertsGauge gauge;
    private final Clock clock;

    Watchdog(JdbcTemplate jdbc, Alerts alerts, PartnerDirectory partners, WatchdogSettings settings,
            TransactionTemplate transactions, OpenAlertsGauge gauge, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.partners = partners;
        this.settings = settings;
        this.transactions = transactions;
        this.gauge = gauge;
        this.clock = clock;
    }

    /** The conditions the watchdog looks for; each is the kind of its alerts. */
    public enum Check {
        /** our 855 / 856 / 810 without the partner's 997 */
        ACK_OVERDUE(PartnerProfile.Watchdog::acknowledgmentOverdue, WatchdogSettings::acknowledgmentOverdueAfter),
        /** an order held for a person's decision */
        HELD_OVERDUE(PartnerProfile.Watchdog::heldOrder, WatchdogSettings::heldOrderAfter),
        /** a release due but not requested from fulfillment */
        NOT_DISPATCHED(PartnerProfile.Watchdog::undispatchedRelease, WatchdogSettings::undispatchedReleaseAfter),
        /** a release requested from fulfillment and not (fully) shipped */
        NOT_SHIPPED(PartnerProfile.Watchdog::unshippedRelease, WatchdogSettings::unshippedReleaseAfter),
        /** shipped goods the partner has neither accepted nor rejected */
        NOT_ACCEPTED(PartnerProfile.Watchdog::unacceptedShipment, WatchdogSettings::unacceptedShipmentAfter),
        /** accepted goods not invoiced */
        NOT_INVOICED(PartnerProfile.Watchdog::uninvoicedAcceptance, WatchdogSettings::uninvoicedAcceptanceAfter),
        /** a claim neither settled nor denied (a deduction is {@link #DEDUCTION_OPEN}) */
        CLAIM_UNSETTLED(PartnerProfile.Watchdog::unsettledClaim, WatchdogSettings::unsettledClaimAfter),
        /** an invoice with money open after its due date and the partner's grace */
        PAYMENT_OVERDUE(PartnerProfile.Watchdog::paymentOverdueGrace, WatchdogSettings::paymentOverdueGrace),
        /** a deduction (what the customer withheld from a payment) neither credited nor denied */
        DEDUCTION_OPEN(PartnerProfile.Watchdog::deductionOpen, WatchdogSettings::deductionOpenAfter),
        /** a payment with cash on no invoice */
        CASH_UNAPPLIED(PartnerProfile.Watchdog::unappliedCash, WatchdogSettings::unappliedCashAfter),
        /**
         * our document sent over AS2 without the partner's MDN: it waits as long as a missing 997 does (the partner's
         * acknowledgment threshold), for the MDN is the partner's word that the message arrived whole
         */
        MDN_OVERDUE(PartnerProfile.Watchdog::acknowledgmentOverdue, WatchdogSettings::acknowledgmentOverdueAfter);

        private final Function<PartnerProfile.Watchdog, PartnerProfile.Threshold> partnerThreshold;
        private final Function<WatchdogSettings, Duration> hubDefault;

        Check(Function<PartnerProfile.Watchdog, PartnerProfile.Threshold> partnerThreshold,
                Function<WatchdogSettings, Duration> hubDefault) {
            this.partnerThreshold = partnerThreshold;
            this.hubDefault = hubDefault;
        }

        /** How long the condition may last for a partner; empty when the partner is not checked for it. */
        public Optional<Duration> threshold(PartnerProfile partner, WatchdogSettings settings) {
            return partnerThreshold.apply(partner.watchdog()).orDefault(hubDefault.apply(settings));
        }
    }

    /**
     * What one pass did.
     *
     * @param opened the keys of the alerts it opened
     * @param closed the keys of the alerts it closed
     * @param open   how many of the watchdog's alerts are open after it
     */
    public record Pass(List<String> opened, List<String> closed, int open) {
    }

    /** One pass over every condition, in one transaction. */
    public Pass check() {
        Pass pass = transactions.execute(status -> {
            jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?)", Integer.class, PASS_LOCK);
            return checkLocked(clock.instant());
        });
        gauge.refresh();
        if (!pass.opened().isEmpty() || !pass.closed().isEmpty()) {
            LOG.info("watchdog: {} alert(s) opened, {} closed, {} open", pass.opened().size(), pass.closed().size(),
                    pass.open());
        }
        return pass;
    }

    private Pass checkLocked(Instant now) {
        Map<String, Alerts.Cause> causes = new LinkedHashMap<>();
        for (Check check : Check.values()) {
            Limits limits = limits(check);
            if (limits.isEmpty()) {
                continue;
            }
            for (Alerts.Cause cause : find(check, limits, now)) {
                causes.putIfAbsent(cause.key(), cause);
            }
        }
        List<String> opened = new ArrayList<>();
        for (Alerts.Cause cause : causes.values()) {
            if (alerts.open(cause)) {
                opened.add(cause.key());
            }
        }
        List<String> closed = new ArrayList<>();
        int open = 0;
        for (Alerts.Stored stored : alerts.open(Arrays.stream(Check.values()).map(Check::name).toList())) {
            if (causes.containsKey(stored.alert().alertKey())) {
                open++;
                continue;
            }
            alerts.close(stored.id(), CLOSED_BY, gone(stored.alert()));
            closed.add(stored.alert().alertKey());
        }
        return new Pass(opened, closed, open);
    }

    /** Why the watchdog closes an alert: the condition no longer holds, or nobody watches for it any more. */
    private String gone(Alerts.Alert alert) {
        Check check = Check.valueOf(alert.kind());
        boolean checked = alert.partnerId() != null && partners.byId(alert.partnerId())
                .flatMap(p -> check.threshold(p, settings)).isPresent();
        if (!checked) {
            return "the check is off for " + alert.partnerId() + " (or the partner is gone)";
        }
        return switch (check) {
            case ACK_OVERDUE -> "the partner's 997 came";
            case HELD_OVERDUE -> "the order is no longer held";
            case NOT_DISPATCHED -> "the release was requested from fulfillment (or is no longer planned)";
            case NOT_SHIPPED -> "the release shipped (or was cancelled)";
            case NOT_ACCEPTED -> "the partner judged what was shipped";
            case NOT_INVOICED -> "what was accepted is invoiced";
            case CLAIM_UNSETTLED -> "the claim was settled or denied";
            case PAYMENT_OVERDUE -> "nothing of the invoice is open any more (paid, credited, or withheld as a deduction)";
            case DEDUCTION_OPEN -> "the deduction was credited or denied";
            case CASH_UNAPPLIED -> "all of the payment is applied to invoices";
            case MDN_OVERDUE -> "the partner's MDN came";
        };
    }

    /**
     * Per partner checked: how long the condition may last, and its release lead time, as SQL arrays, so one
     * query answers for every partner with its own threshold.
     */
    private record Limits(String partnerIds, String thresholds, String leadTimes, String invoicedAfter,
            Map<String, Duration> after) {

        boolean isEmpty() {
            return after.isEmpty();
        }

        /** The partner's threshold in words, for the alert's detail. */
        String over(String partnerId) {
            Duration d = after.get(partnerId);
            return d.isZero() ? "0 days" : d.toHours() >= 48 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 ? count(d.toDays(), "day")
                    : d.toMinutes() % 60 == 0 ? count(d.toHours(), "hour") : count(d.toMinutes(), "minute");
        }

    }

    private Limits limits(Check check) {
        List<String> ids = new ArrayList<>();
        List<String> thresholds = new ArrayList<>();
        List<String> leadTimes = new ArrayList<>();
        List<String> invoicedAfter = new ArrayList<>();
        Map<String, Duration> after = new LinkedHashMap<>();
        for (PartnerProfile partner : partners.all()) {
            check.threshold(partner, settings).ifPresent(threshold -> {
                after.put(partner.id(), threshold);
                ids.add(partner.id());
                thresholds.add(threshold.toString());
                leadTimes.add(partner.leadTime().toString());
                // a partner invoiced monthly is invoiced on the issue day of the month after the acceptance's
                invoicedAfter.add(partner.invoicing().consolidated()
                        ? "P1M" + (partner.invoicing().issueDay() - 1) + "D" : "NULL");
            });
        }
        // partner ids are [a-z0-9-] and ISO durations have no separators: no quoting needed in an array literal
        return new Limits(array(ids), array(thresholds), array(leadTimes), array(invoicedAfter), after);
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static final String LIMITS = "with limits as (select * from unnest(cast(? as text[]), cast(? as interval[]), "
            + "cast(? as interval[]), cast(? as interval[])) as l(partner_id, after, lead_time, invoiced_after)) ";

    private List<Alerts.Cause> find(Check check, Limits limits, Instant now) {
        Object[] args = {limits.partnerIds(), limits.thresholds(), limits.leadTimes(), limits.invoicedAfter(),
            Timestamp.from(now)};
        return switch (check) {
            case ACK_OVERDUE -> jdbc.query(LIMITS
                    + "select d.partner_id, d.kind, d.group_control_number, d.file_name, d.created_at, l.after, d.po_number "
                    + "from outbound_document_overview d join limits l on l.partner_id = d.partner_id "
                    + "where d.acknowledged is null and d.group_control_number is not null and d.kind in ('855', '856', '810') "
                    + "and d.created_at + l.after <= ? order by d.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        String kind = rs.getString(2);
                        Instant since = rs.getTimestamp(5).toInstant();
                        return new Alerts.Cause(key(check, partnerId, FUNCTIONAL_ID.get(kind), rs.getString(3)), check.name(),
                                rs.getString(4), partnerId, rs.getString(7), null, null, "our " + kind + " in " + rs.getString(4)
                                        + " (group " + rs.getString(3) + ") sent " + since + " has no 997 from " + partnerId
                                        + " after " + limits.over(partnerId) + "; ask the partner whether it arrived, or send it again",
                                since);
                    }, args);
            case HELD_OVERDUE -> jdbc.query(LIMITS
                    + "select o.partner_id, o.po_number, o.release_number, o.id, o.held_since, l.after "
                    + "from held_order o join limits l on l.partner_id = o.partner_id "
                    + "where o.held_since + l.after <= ? order by o.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        String po = rs.getString(2);
                        String release = rs.getString(3);
                        String order = release.isEmpty() ? po : po + " (release " + release + ")";
                        Instant since = rs.getTimestamp(5).toInstant();
                        return new Alerts.Cause(key(check, partnerId, release.isEmpty() ? po : po + ":" + release),
                                check.name(), order, partnerId, po, rs.getLong(4), null, "PO " + order + " of " + partnerId
                                        + " has been held since " + since + " (over " + limits.over(partnerId) + "); approve or "
                                        + "reject it: POST /api/v1/orders/" + partnerId + "/" + po + "/decision", since);
                    }, args);
            case NOT_DISPATCHED -> jdbc.query(LIMITS
                    + "select r.partner_id, r.release_id, o.po_number, o.id, "
                    + "(min(rl.due_date) - l.lead_time) at time zone 'UTC' as due_at, min(rl.due_date), l.after "
                    + "from release_overview r join order_overview o on o.id = r.order_id "
                    + "join release_line_overview rl on rl.partner_id = r.partner_id and rl.release_id = r.release_id "
                    + "join limits l on l.partner_id = r.partner_id "
                    + "where r.status = 'PLANNED' and o.status = 'OPEN' "
                    + "group by r.partner_id, r.release_id, o.po_number, o.id, l.lead_time, l.after "
                    + "having (min(rl.due_date) - l.lead_time) at time zone 'UTC' + l.after <= ? "
                    + "order by r.partner_id, r.release_id", (rs, i) -> {
                        Instant since = rs.getTimestamp(5).toInstant();
                        return release(check, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), since,
                                "release " + rs.getString(2) + " (first due " + rs.getDate(6) + ") was due to be requested "
                                        + "from fulfillment on " + since + " and still is not (over " + limits.over(rs.getString(1))
                                        + "); is the dispatchDueReleases route running?");
                    }, args);
            case NOT_SHIPPED -> jdbc.query(LIMITS
                    + "select r.partner_id, r.release_id, o.po_number, o.id, r.dispatched_at, r.status, l.after "
                    + "from release_overview r join order_overview o on o.id = r.order_id "
                    + "join limits l on l.partner_id = r.partner_id "
                    + "where r.status in ('DISPATCHED', 'PARTIALLY_SHIPPED') and r.dispatched_at + l.after <= ? "
                    + "order by r.partner_id, r.release_id", (rs, i) -> {
                        Instant since = rs.getTimestamp(5).toInstant();
                        return release(check, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), since,
                                "release " + rs.getString(2) + " was requested from fulfillment on " + since + " and is "
                                        + ("DISPATCHED".equals(rs.getString(6)) ? "not shipped" : "only partly shipped")
                                        + " (over " + limits.over(rs.getString(1)) + "); ask logistics");
                    }, args);
            case NOT_ACCEPTED -> jdbc.query(LIMITS
                    + "select r.partner_id, r.release_id, o.po_number, o.id, coalesce(s.since, r.dispatched_at), l.after "
                    + "from release_overview r join order_overview o on o.id = r.order_id "
                    + "join limits l on l.partner_id = r.partner_id "
                    + "left join lateral (select max(s.received_at) as since from shipment_overview s "
                    + "where s.partner_id = r.partner_id and s.release_id = r.release_id and s.status = 'APPLIED') s on true "
                    + "where r.status not in ('PLANNED', 'HELD', 'DISPATCHED', 'CANCELLED', 'CLOSED') "
                    + "and exists (select 1 from release_line_overview rl where rl.partner_id = r.partner_id "
                    + "and rl.release_id = r.release_id and rl.shipped > rl.accepted + rl.rejected) "
                    + "and coalesce(s.since, r.dispatched_at) + l.after <= ? order by r.partner_id, r.release_id",
                    (rs, i) -> {
                        Instant since = rs.getTimestamp(5).toInstant();
                        return release(check, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), since,
                                "what was shipped on release " + rs.getString(2) + " (last shipment " + since + ") is "
                                        + "neither accepted nor rejected by " + rs.getString(1) + " (over " + limits.over(rs.getString(1))
                                        + "); nothing of it is invoiced until the partner accepts it");
                    }, args);
            case NOT_INVOICED -> jdbc.query(LIMITS
                    + "select r.partner_id, r.release_id, o.po_number, o.id, w.since, "
                    + "l.after from release_overview r join order_overview o on o.id = r.order_id "
                    + "join limits l on l.partner_id = r.partner_id "
                    + "left join lateral (select max(a.received_at) as since from acceptance_overview a "
                    + "where a.partner_id = r.partner_id and a.release_id = r.release_id) a on true "
                    // a monthly partner's goods are due on its consolidated invoice, not at once
                    + "cross join lateral (select case when l.invoiced_after is null "
                    + "then coalesce(a.since, r.updated_at, r.created_at) else greatest(coalesce(a.since, r.updated_at, "
                    + "r.created_at), (date_trunc('month', coalesce(a.since, r.updated_at, r.created_at) at time zone 'UTC') "
                    + "+ l.invoiced_after) at time zone 'UTC') end as since) w "
                    + "where r.status not in ('PLANNED', 'HELD', 'DISPATCHED', 'CANCELLED') "
                    + "and exists (select 1 from release_line_overview rl where rl.partner_id = r.partner_id "
                    + "and rl.release_id = r.release_id and rl.accepted + rl.reaccepted > rl.invoiced) "
                    + "and w.since + l.after <= ? order by r.partner_id, r.release_id",
                    (rs, i) -> {
                        Instant since = rs.getTimestamp(5).toInstant();
                        return release(check, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), since,
                                "goods accepted on release " + rs.getString(2) + " (acceptance " + since + ") are not "
                                        + "invoiced (over " + limits.over(rs.getString(1)) + "); see the hub's log for why");
                    }, args);
            case CLAIM_UNSETTLED -> jdbc.query(LIMITS
                    + "select c.partner_id, c.claim_number, c.po_number, c.release_id, c.raised_at, c.status, c.id, c.kind "
                    + "from claim_overview c join limits l on l.partner_id = c.partner_id "
                    + "where c.status in ('OPEN', 'SETTLING') and c.source <> 'DEDUCTION' and c.raised_at + l.after <= ? "
                    + "order by c.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        String claim = rs.getString(2);
                        Instant since = rs.getTimestamp(5).toInstant();
                        return new Alerts.Cause(key(check, partnerId, claim), check.name(), claim, partnerId, rs.getString(3),
                                null, null, "claim " + claim + " on release " + rs.getString(4) + " ("
                                        + ("AFTER_INVOICE".equals(rs.getString(8)) ? "invoiced goods" : "goods not invoiced")
                                        + ") was raised " + since + " and is " + rs.getString(6).toLowerCase()
                                        + " (over " + limits.over(partnerId) + "); settle it: POST /api/v1/claims/" + rs.getLong(7)
                                        + "/settlement", since);
                    }, args);
            // due on its due date, overdue from the next day (UTC, as the hub's dates are) plus the partner's grace
            case PAYMENT_OVERDUE -> jdbc.query(LIMITS
                    + "select i.partner_id, i.invoice_number, i.po_number, i.release_id, i.open_balance, i.total, i.currency, "
                    + "i.due_date, (i.due_date + interval '1 day') at time zone 'UTC' as overdue_from "
                    + "from invoice_overview i join limits l on l.partner_id = i.partner_id "
                    + "where i.open_balance > 0 and (i.due_date + interval '1 day') at time zone 'UTC' + l.after <= ? "
                    + "order by i.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        String invoice = rs.getString(2);
                        LocalDate due = rs.getDate(8).toLocalDate();
                        long days = ChronoUnit.DAYS.between(due, LocalDate.ofInstant(now, ZoneOffset.UTC));
                        return new Alerts.Cause(key(check, partnerId, invoice), check.name(), invoice, partnerId,
                                rs.getString(3), null, null, "invoice " + invoice + " of " + partnerId + (rs.getString(4)
                                        == null ? " (consolidated)" : " on release " + rs.getString(4)) + " has " + plain(rs.getBigDecimal(5)) + " " + rs.getString(7)
                                        + " of " + plain(rs.getBigDecimal(6)) + " open; it was due " + due + ", "
                                        + count(days, "day") + " ago (grace " + limits.over(partnerId)
                                        + "); ask the customer for the payment", rs.getTimestamp(9).toInstant());
                    }, args);
            case DEDUCTION_OPEN -> jdbc.query(LIMITS
                    + "select c.partner_id, c.claim_number, c.po_number, c.invoice_number, c.raised_at, c.status, c.id, "
                    + "c.currency, c.reason, c.source_ref, c.amount "
                    + "from claim_overview c join limits l on l.partner_id = c.partner_id "
                    + "where c.source = 'DEDUCTION' and c.status in ('OPEN', 'SETTLING') and c.raised_at + l.after <= ? "
                    + "order by c.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        String claim = rs.getString(2);
                        Instant since = rs.getTimestamp(5).toInstant();
                        String reason = rs.getString(9);
                        // the remittance line it came from: the payment's trace number and our invoice number
                        String ref = rs.getString(10);
                        String trace = ref.contains("/") ? ref.substring(0, ref.lastIndexOf('/')) : ref;
                        BigDecimal amount = rs.getBigDecimal(11);
                        return new Alerts.Cause(key(check, partnerId, claim), check.name(), claim, partnerId, rs.getString(3),
                                null, null, "deduction " + claim + ": " + partnerId + " withheld "
                                        + (amount == null ? "part" : plain(amount) + " " + rs.getString(8)) + " of invoice "
                                        + rs.getString(4) + " in payment " + trace + (reason == null ? "" : " (" + reason + ")")
                                        + "; raised " + since + ", " + rs.getString(6).toLowerCase() + after(limits, partnerId)
                                        + "; credit or deny it: "
                                        + "POST /api/v1/claims/" + rs.getLong(7) + "/settlement", since);
                    }, args);
            case CASH_UNAPPLIED -> jdbc.query(LIMITS
                    + "select p.partner_id, p.trace_number, p.id, p.unapplied, p.total, p.currency, p.payment_date, "
                    + "p.received_at from payment_overview p join limits l on l.partner_id = p.partner_id "
                    + "where p.unapplied > 0 and p.received_at + l.after <= ? order by p.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        String trace = rs.getString(2);
                        Instant since = rs.getTimestamp(8).toInstant();
                        return new Alerts.Cause(key(check, partnerId, trace), check.name(), trace, partnerId, null, null,
                                null, "payment " + trace + " of " + partnerId + " (paid " + rs.getDate(7) + ", received "
                                        + since + ") has " + plain(rs.getBigDecimal(4)) + " " + rs.getString(6) + " of "
                                        + plain(rs.getBigDecimal(5)) + " on no invoice" + after(limits, partnerId)
                                        + "; apply it to an invoice: POST /api/v1/remittances/" + rs.getLong(3)
                                        + "/application", since);
                    }, args);
            case MDN_OVERDUE -> jdbc.query(LIMITS
                    + "select d.partner_id, d.file_name, d.as2_message_id, d.as2_sent_at, d.po_number "
                    + "from outbound_document_overview d join limits l on l.partner_id = d.partner_id "
                    + "where d.mdn_status = 'PENDING' and d.as2_sent_at + l.after <= ? order by d.id", (rs, i) -> {
                        String partnerId = rs.getString(1);
                        Instant since = rs.getTimestamp(4).toInstant();
                        return new Alerts.Cause(key(check, partnerId, rs.getString(3)), check.name(), rs.getString(2),
                                partnerId, rs.getString(5), null, null, "our " + rs.getString(2) + " sent over AS2 as "
                                        + rs.getString(3) + " at " + since + " has no MDN from " + partnerId + " after "
                                        + limits.over(partnerId) + "; ask the partner whether it arrived, or send it again",
                                since);
                    }, args);
        };
    }

    /** The partner's threshold as words for a detail; nothing when it is zero (alerted at the first look). */
    private static String after(Limits limits, String partnerId) {
        return limits.after().get(partnerId).isZero() ? "" : " (over " + limits.over(partnerId) + ")";
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2 ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : amount.stripTrailingZeros().toPlainString();
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static Alerts.Cause release(Check check, String partnerId, String releaseId, String po, long orderId,
            Instant since, String detail) {
        return new Alerts.Cause(key(check, partnerId, releaseId), check.name(), releaseId, partnerId, po, orderId, null,
                detail, since);
    }

    private static String key(Check check, String... parts) {
        return check.name() + ":" + String.join(":", parts);
    }
}

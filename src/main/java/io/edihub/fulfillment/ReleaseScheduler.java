package io.edihub.fulfillment;

import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.order.OrderStore;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@code dispatchDueReleases} route calls on its schedule: finds the planned releases of open
 * orders whose first due date is within the partner's lead time ({@link #due()}), and for each, in one
 * transaction, marks it DISPATCHED and puts its release request in the outbox ({@link #dispatch}). Key accounts (priority 1) go first, then the
 * earliest due. Never early: a release is due when today ≥ first due date − lead time, by the hub's clock.
 */
@Component("releaseScheduler")
public class ReleaseScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseScheduler.class);

    private final ReleaseLedger ledger;
    private final OrderStore orders;
    private final PartnerDirectory partners;
    private final Outbox outbox;
    private final Topics topics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReleaseScheduler(ReleaseLedger ledger, OrderStore orders, PartnerDirectory partners, Outbox outbox, Topics topics,
            TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.orders = orders;
        this.partners = partners;
        this.outbox = outbox;
        this.topics = topics;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Requests every release that is due; returns the release ids requested, in the order they were. */
    public List<String> dispatchDue() {
        return due().stream().filter(this::dispatch).map(ReleaseLedger.Due::releaseId).toList();
    }

    /**
     * The planned releases of open orders that are due by today's date and their partner's lead time, key accounts
     * (priority 1) first, then the earliest due.
     */
    public List<ReleaseLedger.Due> due() {
        LocalDate today = LocalDate.now(clock);
        Period longest = partners.all().stream().map(PartnerProfile::leadTime)
                .max(Comparator.comparing(p -> today.plus(p))).orElse(Period.ZERO);
        return ledger.plannedUntil(today.plus(longest)).stream()
                .filter(d -> partners.byId(d.partnerId()).map(p -> !today.isBefore(d.firstDue().minus(p.leadTime())))
                        .orElse(false))
                .sorted(Comparator.comparingInt((ReleaseLedger.Due d) -> priority(d.partnerId()))
                        .thenComparing(ReleaseLedger.Due::firstDue).thenComparing(ReleaseLedger.Due::releaseId))
                .toList();
    }

    /**
     * Requests one due release from fulfillment in a transaction of its own: marks it DISPATCHED and puts its
     * release request in the outbox. False when it is no longer due (held, changed or cancelled since).
     */
    public boolean dispatch(ReleaseLedger.Due due) {
        boolean requested = Boolean.TRUE.equals(transactions.execute(status -> request(due)));
        if (requested) {
            LOG.info("release {} of partner {} requested from fulfillment (first due {})", due.releaseId(),
                    due.partnerId(), due.firstDue());
        }
        return requested;
    }

    private int priority(String partnerId) {
        return partners.byId(partnerId).map(PartnerProfile::priority).orElse(9);
    }

    /** Re-checks under lock: the order may have been held, changed or cancelled since the query. */
    private boolean request(ReleaseLedger.Due due) {
        Optional<ReleaseLedger.Entry> locked = ledger.lock(due.partnerId(), due.releaseId());
        if (locked.isEmpty() || locked.get().status() != Release.Status.PLANNED || !"OPEN".equals(locked.get().orderStatus())) {
            return false;
        }
        ReleaseLedger.Entry entry = locked.get();
        PartnerProfile partner = partners.byId(due.partnerId()).orElseThrow();
        ReleaseQuantities released = entry.quantities().release();
        ledger.save(entry, released, Release.Status.DISPATCHED);
        PurchaseOrder order = orders.canonical(entry.orderId());
        PurchaseOrder.Party shipTo = order.parties().stream()
                .filter(p -> "ST".equals(p.role())).findFirst().orElse(null);
        ReleaseRequest request = new ReleaseRequest(requestId(entry), entry.partnerId(), entry.poNumber(),
                entry.releaseId(), entry.month(), entry.firstDue(), partner.priority(),
                partner.contract() != null ? partner.contract().number() : order.contractNumber(), shipTo,
                released.lines().stream().map(l -> new ReleaseRequest.Line(l.lineNumber(), l.buyerPart(), l.vendorPart(),
                        l.description(), l.released(), l.unit(), l.dueDate())).toList(), clock.instant());
        outbox.add(topics.releaseRequests(), entry.releaseId(), request.requestId(), "io.edihub.release-request.v1",
                request);
        orders.recordEvent(entry.partnerId(), entry.poNumber(), entry.orderId(), null, "RELEASE_REQUESTED",
                "release " + entry.releaseId() + " requested from fulfillment (first due " + entry.firstDue() + ")", false);
        return true;
    }

    /** One release, one request: the id is the release's, so it survives retries, restarts and replays. */
    static String requestId(ReleaseLedger.Entry entry) {
        return "release-request:" + entry.partnerId() + ":" + entry.releaseId();
    }
}

package io.edihub.policy;

import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PoAcknowledgment.LineStatus;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.canonical.ScheduleLine;
import io.edihub.order.OrderChanges;
import io.edihub.order.OrderStore;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every order document ends, whatever its format: duplicates by business key are refused, changes
 * are applied to the order on file, the contract check decides, and the order is stored open, held or
 * rejected with its releases, its review and its timeline. Runs inside the caller's transaction, so the
 * order commits together with the document it came from.
 */
@Service
public class OrderDesk {

    private static final Logger LOG = LoggerFactory.getLogger(OrderDesk.class);

    private final OrderStore store;
    private final OrderRoute route;
    private final Clock clock;
    private final TransactionTemplate nested;

    public OrderDesk(OrderStore store, Clock clock, PlatformTransactionManager transactions, OrderRoute route) {
        this.store = store;
        this.route = route;
        this.clock = clock;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What became of one order document. */
    public enum Result {
        /** taken as sent or with the contract's changes */
        ACCEPTED,
        /** taken, waiting for a person's decision; nothing is released */
        HELD,
        /** taken and rejected: nothing of it can be delivered under the contract */
        REJECTED,
        /** not taken at all (duplicate, unknown order, a change that does not fit): nothing changed */
        REFUSED
    }

    /**
     * @param result         what became of it
     * @param poNumber       the order
     * @param code           for a refusal: {@code DUPLICATE_REVISION}, {@code DUPLICATE_ORDER}, {@code UNKNOWN_ORDER},
     *                       {@code CHANGE_REFUSED}, {@code SCHEDULE_REFUSED}, {@code ORDER_CLOSED}
     * @param location       for a refusal: where in the document ({@code order}, {@code line 3})
     * @param message        what happened, in words
     * @param review         the contract check, when one ran
     * @param conflicts      parts of a change not applied because fulfillment already has the release
     * @param acknowledgment the 855 content to send, when the partner gets one now (not for held orders)
     * @param orderId        the order on file
     */
    public record Outcome(Result result, String poNumber, String code, String location, String message,
            ContractReview review, List<OrderChanges.Conflict> conflicts, PoAcknowledgment acknowledgment, Long orderId) {

        static Outcome refused(OrderMessage m, String code, String location, String message) {
            return new Outcome(Result.REFUSED, m.poNumber(), code, location, message, null, List.of(), null, null);
        }
    }

    /**
     * Takes one order document: a savepoint of its own, so an order the desk cannot process (a defect, not a
     * database failure) is refused alone, saying so, and everything else in the file still counts.
     */
    public Outcome take(OrderMessage message, PartnerProfile partner, long documentId) {
        try {
            return nested.execute(status -> route.take(OrderInProgress.start(message, partner, documentId)));
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("{} {}: the order desk failed on {}", message.partnerId(), message.poNumber(), what(message), e);
            return Outcome.refused(message, "PROCESSING_ERROR", "order", what(message) + " could not be processed ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); the operator was alerted, nothing of it was taken");
        }
    }

    /**
     * The order route's first step: an original order already on file, a revision already taken (or a change
     * without one that repeats the last document) and a change to an order not on file are refused.
     */
    public OrderInProgress screen(OrderInProgress step) {
        OrderMessage message = step.message();
        String key = revisionKey(message);
        // the order on file (locked), the revision under this key and the last key taken: one round trip
        OrderStore.Screening screening = store.screening(message.partnerId(), message.poNumber(), message.releaseNumber(),
                key);
        Optional<OrderStore.CurrentOrder> current = screening.current();
        if (message.purpose() == PurchaseOrder.Purpose.ORIGINAL && current.isPresent()) {
            return step.refuse("DUPLICATE_ORDER", "order", what(message) + " was already received on "
                    + current.get().createdAt() + " (document " + current.get().documentId()
                    + "); an original order is taken once: send a change (860, purpose change) or a replacement");
        }
        // a sender's revision is taken once; a change without one is a duplicate when it repeats the last document
        Optional<OrderStore.StoredRevision> seen = key.startsWith("sha256:")
                && !screening.lastRevisionKey().filter(key::equals).isPresent() ? Optional.empty()
                : screening.revision();
        if (seen.isPresent()) {
            return step.refuse("DUPLICATE_REVISION", "order", what(message) + " was already received on "
                    + seen.get().receivedAt() + " (document " + seen.get().documentId() + ")" + (message.revision() != null
                    ? " as revision " + message.revision() : " with the same content") + "; it is not applied twice");
        }
        if (message.purpose() != PurchaseOrder.Purpose.ORIGINAL && current.isEmpty()) {
            return step.refuse("UNKNOWN_ORDER", "order", what(message) + " is not on file for partner "
                    + step.partner().id() + ": a " + message.purpose().name().toLowerCase()
                    + " needs the original order first");
        }
        return step.screened(key, current.orElse(null));
    }

    /**
     * A new order's monthly releases, as its schedule gives them; refused when the schedule cannot be numbered or a
     * release id already belongs to another order (an id is never used twice).
     */
    public OrderInProgress planReleases(OrderInProgress step) {
        PurchaseOrder order = step.order();
        List<Release> planned;
        try {
            planned = ReleasePlanner.plan(order, step.partner().releaseExtension());
        } catch (ReleasePlanner.ReleasePlanningException e) {
            return step.refuse("SCHEDULE_REFUSED", "order", e.getMessage());
        }
        List<String> taken = store.existingReleaseIds(order.partnerId(), planned.stream().map(Release::releaseId).toList());
        if (!taken.isEmpty()) {
            return step.refuse("RELEASE_ID_TAKEN", "order", "release id " + String.join(", ", taken)
                    + " already belongs to another order of partner " + order.partnerId()
                    + "; a release id is never used twice");
        }
        return step.planned(planned);
    }

    /** A new order against the customer's contract: items, prices on each delivery day, validity, limits. */
    public OrderInProgress checkContract(OrderInProgress step) {
        return step.reviewed(ContractCheck.review(step.order(), step.planned(), step.partner()));
    }

    /**
     * A new order stored as the contract check decided: open with its releases planned, held for a person, or
     * rejected with its releases cancelled; its findings on the timeline.
     */
    public OrderInProgress storeOrder(OrderInProgress step) {
        PurchaseOrder order = step.order();
        ContractReview review = step.review();
        Result result = result(review);
        Release.Status releaseStatus = switch (result) {
            case HELD -> Release.Status.HELD;
            case REJECTED -> Release.Status.CANCELLED;
            default -> Release.Status.PLANNED;
        };
        List<Release> releases = withStatus(review.releases(), releaseStatus);
        // the anchor is the first month the customer asked for, whatever the contract check kept
        YearMonth anchor = step.planned().isEmpty() ? null : step.planned().get(0).month();
        // the order, its releases and its first timeline entries in one write
        List<OrderStore.NewEvent> events = new ArrayList<>();
        events.add(new OrderStore.NewEvent("RECEIVED", "original order (" + order.lines().size() + " lines, "
                + releases.size() + " monthly releases) from " + source(order), false));
        events.addAll(events(result, review, List.of()));
        long orderId = store.insert(new PlannedOrder(order.withLines(review.order().lines()), releases), step.documentId(),
                orderStatus(result), review.value(), anchor, events);
        return step.decided(new Outcome(result, order.poNumber(), null, null, summary(result, review, List.of()), review,
                List.of(), null, orderId));
    }

    /** The 855 content for a stored new order, when the partner gets one now (never for a held order). */
    public OrderInProgress acknowledge(OrderInProgress step) {
        Outcome stored = step.outcome();
        if (stored.result() == Result.HELD || !step.partner().poAcknowledgment()) {
            return step;
        }
        PoAcknowledgment ack = acknowledgment(step.order(), step.order(), step.review(), null, step.partner(),
                stored.result());
        return step.decided(new Outcome(stored.result(), stored.poNumber(), stored.code(), stored.location(),
                stored.message(), stored.review(), stored.conflicts(), ack, stored.orderId()));
    }

    /**
     * A change, cancellation or replacement re-planned against the order on file: months already with fulfillment keep
     * what they have (each difference a conflict to report); refused for a closed, cancelled or rejected order (a
     * replacement may bring back the last two) and for a change that cannot be planned.
     */
    public OrderInProgress replanChange(OrderInProgress step) {
        OrderMessage message = step.message();
        OrderStore.CurrentOrder current = step.current();
        if ("CLOSED".equals(current.status())) {
            return step.refuse("ORDER_CLOSED", "order", what(message) + " is closed: every release was shipped, judged, "
                    + "invoiced and its claims settled; it takes no further change");
        }
        if (("CANCELLED".equals(current.status()) || "REJECTED".equals(current.status()))
                && message.purpose() != PurchaseOrder.Purpose.REPLACE) {
            return step.refuse("ORDER_CLOSED", "order", what(message) + " was " + current.status().toLowerCase()
                    + "; only a replacement can bring it back");
        }
        try {
            return step.changed(OrderChanges.apply(current.order(), current.releases(), message,
                    step.partner().releaseExtension(), current.anchor()));
        } catch (OrderChanges.ChangeRefusedException e) {
            return step.refuse("CHANGE_REFUSED", e.location(), e.getMessage());
        } catch (ReleasePlanner.ReleasePlanningException e) {
            return step.refuse("SCHEDULE_REFUSED", "order", e.getMessage());
        }
    }

    /**
     * The changed order's open months against the contract, with what fulfillment already has counted against its
     * limits; a cancellation is not checked.
     */
    public OrderInProgress checkChange(OrderInProgress step) {
        if (step.message().purpose() == PurchaseOrder.Purpose.CANCELLATION) {
            return step;
        }
        OrderChanges.Result changed = step.changed();
        List<Release> open = changed.releases().stream().filter(r -> isOpen(r) && r.status() != Release.Status.CANCELLED)
                .toList();
        BigDecimal committed = changed.releases().stream().filter(r -> !isOpen(r)).map(Release::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return step.reviewed(ContractCheck.review(changed.order(), open, step.partner(), committed));
    }

    /**
     * The change stored as the contract check decided: its open months planned, held or cancelled, the months with
     * fulfillment kept; the order open, held, rejected or cancelled; each conflict on the timeline.
     */
    public OrderInProgress storeChange(OrderInProgress step) {
        OrderMessage message = step.message();
        OrderStore.CurrentOrder current = step.current();
        OrderChanges.Result changed = step.changed();
        ContractReview review = step.review();
        long documentId = step.documentId();
        Result result = review == null ? Result.ACCEPTED : result(review);
        Release.Status openStatus = result == Result.HELD ? Release.Status.HELD
                : result == Result.REJECTED ? Release.Status.CANCELLED : Release.Status.PLANNED;
        List<Release> releases = new ArrayList<>(changed.releases().stream().filter(r -> !isOpen(r)).toList());
        List<Release> priced = review == null ? List.of() : review.releases();
        Map<String, Release> pricedById = priced.stream().collect(Collectors.toMap(Release::releaseId, r -> r));
        for (Release r : changed.releases()) {
            if (!isOpen(r)) {
                continue;
            }
            Release p = pricedById.get(r.releaseId());
            releases.add(p == null ? new Release(r.releaseId(), r.poNumber(), r.month(), List.of(), Release.Status.CANCELLED)
                    : new Release(p.releaseId(), p.poNumber(), p.month(), p.lines(), openStatus));
        }
        PurchaseOrder order = review == null ? changed.order() : changed.order().withLines(review.order().lines());
        boolean nothingLeft = releases.stream().allMatch(r -> r.status() == Release.Status.CANCELLED);
        String status = message.purpose() == PurchaseOrder.Purpose.CANCELLATION || nothingLeft && result != Result.HELD
                ? (nothingLeft ? "CANCELLED" : "OPEN") : orderStatus(result);
        BigDecimal value = releases.stream().filter(r -> r.status() != Release.Status.CANCELLED).map(Release::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        YearMonth anchor = changed.releases().isEmpty() ? null : changed.releases().get(0).month();
        store.update(current.id(), order, releases, status, value, anchor);
        store.recordEvent(message.partnerId(), message.poNumber(), current.id(), documentId,
                message.purpose().name(), message.purpose().name().toLowerCase() + (message.revision() == null ? ""
                        : " revision " + message.revision()) + " from " + source(message) + ": "
                        + releases.stream().filter(r -> r.status() != Release.Status.CANCELLED).count()
                        + " releases open", false);
        for (OrderChanges.Conflict c : changed.conflicts()) {
            store.recordEvent(message.partnerId(), message.poNumber(), current.id(), documentId, "CHANGE_NOT_APPLIED",
                    c.toString(), true);
            LOG.warn("{} {}: change not applied to {}", message.partnerId(), message.poNumber(), c);
        }
        record(message, current.id(), documentId, result, review, changed.conflicts());
        return step.decided(new Outcome(result, message.poNumber(), null, null, summary(result, review,
                changed.conflicts()), review, changed.conflicts(), null, current.id()));
    }

    /** The 855 content for a stored change (line status per line, conflicts as changes), never for a held one. */
    public OrderInProgress acknowledgeChange(OrderInProgress step) {
        Outcome stored = step.outcome();
        if (stored.result() == Result.HELD || !step.partner().poAcknowledgment()) {
            return step;
        }
        PoAcknowledgment ack = acknowledgment(step.message(), step.changed().requested(), step.review(), step.changed(),
                step.partner(), stored.result());
        return step.decided(new Outcome(stored.result(), stored.poNumber(), stored.code(), stored.location(),
                stored.message(), stored.review(), stored.conflicts(), ack, stored.orderId()));
    }

    /** The order route's last step: a taken document's revision (and contract review) recorded; its outcome. */
    public Outcome finish(OrderInProgress step) {
        Outcome outcome = step.outcome();
        if (outcome.result() != Result.REFUSED) {
            ContractReview review = outcome.review();
            store.recordRevision(step.message(), step.revisionKey(), outcome.orderId(), step.documentId(),
                    outcome.result().name(), review == null ? null : review.verdict().name(),
                    review == null ? null : review.findings(), review == null ? null : review.value());
        }
        return outcome;
    }

    /** A person's decision on a held order. */
    public enum Decision {
        APPROVE, REJECT
    }

    /** A decision that cannot be taken: no such order, or it is not waiting for one. */
    public static final class DecisionRefusedException extends RuntimeException {

        private final boolean notFound;

        public DecisionRefusedException(String message, boolean notFound) {
            super(message);
            this.notFound = notFound;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    /**
     * Approves or rejects a held order, recording who decided, when and why. Approval releases it at the
     * contract's prices (the invoice never uses another); rejection cancels its releases. Runs inside the
     * caller's transaction.
     *
     * @return the outcome, with the 855 content when the partner gets one
     * @throws DecisionRefusedException when the order is not on file or not held
     */
    public Outcome decide(PartnerProfile partner, String poNumber, String releaseNumber, Decision decision, String who,
            String comment) {
        OrderStore.CurrentOrder current = store.current(partner.id(), poNumber, releaseNumber, true)
                .orElseThrow(() -> new DecisionRefusedException("PO " + poNumber + " is not on file for partner "
                        + partner.id(), true));
        if (!"HELD".equals(current.status())) {
            throw new DecisionRefusedException("PO " + poNumber + " is " + current.status()
                    + ", not held: there is nothing to decide", false);
        }
        store.recordDecision(current.id(), decision.name(), who, comment);
        List<Release> held = current.releases().stream().filter(r -> r.status() == Release.Status.HELD).toList();
        ContractReview review = ContractCheck.review(current.order(), held, partner);
        Result result;
        if (decision == Decision.APPROVE) {
            store.setStatus(current.id(), "OPEN", Release.Status.HELD, Release.Status.PLANNED);
            result = Result.ACCEPTED;
            if (partner.contract() != null && partner.contract().priceMismatch() == io.edihub.partner.Contract.PriceMismatch.CONTRACT_WINS
                    && review.lines().stream().anyMatch(l -> l.status() == LineStatus.R1)) {
                // the person approved what held the order; the contract still refuses what it does not cover
                if (dropRefusedLines(current, review)) {
                    result = Result.REJECTED;
                }
            }
        } else {
            store.setStatus(current.id(), "REJECTED", Release.Status.HELD, Release.Status.CANCELLED);
            result = Result.REJECTED;
        }
        String detail = (decision == Decision.APPROVE ? "approved" : "rejected") + " by " + who
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        store.recordEvent(partner.id(), poNumber, current.id(), null, decision == Decision.APPROVE ? "APPROVED" : "REJECTED",
                detail, false);
        LOG.info("{} {} {}", partner.id(), poNumber, detail);
        ContractReview decided = decision == Decision.APPROVE ? approved(review, who, partner) : review;
        PoAcknowledgment ack = partner.poAcknowledgment()
                ? acknowledgment(current.order(), current.order(), decided, null, partner, result) : null;
        return new Outcome(result, poNumber, null, null, detail, decided, List.of(), ack, current.id());
    }

    /** Returns true when nothing of the order is left. */
    private boolean dropRefusedLines(OrderStore.CurrentOrder current, ContractReview review) {
        java.util.Set<String> refused = review.lines().stream().filter(l -> l.status() == LineStatus.R1)
                .map(ContractReview.LineReview::lineNumber).collect(Collectors.toSet());
        PurchaseOrder order = current.order().withLines(current.order().lines().stream()
                .filter(l -> !refused.contains(l.lineNumber())).toList());
        List<Release> releases = new ArrayList<>();
        for (Release r : current.releases()) {
            if (r.status() != Release.Status.HELD) {
                releases.add(r);
                continue;
            }
            List<Release.ReleaseLine> lines = r.lines().stream().filter(l -> !refused.contains(l.lineNumber())).toList();
            releases.add(new Release(r.releaseId(), r.poNumber(), r.month(), lines,
                    lines.isEmpty() ? Release.Status.CANCELLED : Release.Status.PLANNED));
        }
        BigDecimal value = releases.stream().filter(r -> r.status() != Release.Status.CANCELLED).map(Release::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean nothingLeft = order.lines().isEmpty();
        store.update(current.id(), order, releases, nothingLeft ? "REJECTED" : "OPEN", value, current.anchor());
        return nothingLeft;
    }

    /**
     * After approval: under a HOLD contract what the contract could not settle is accepted as the person
     * decided; under CONTRACT_WINS a non-contract line stays refused (R1).
     */
    private static ContractReview approved(ContractReview review, String who, PartnerProfile partner) {
        boolean contractWins = partner.contract() != null
                && partner.contract().priceMismatch() == io.edihub.partner.Contract.PriceMismatch.CONTRACT_WINS;
        List<ContractReview.LineReview> lines = review.lines().stream()
                .map(l -> l.status() == LineStatus.R1 && !contractWins ? new ContractReview.LineReview(l.lineNumber(),
                        LineStatus.IA, l.orderedPrice(), null, "accepted by " + who + " although " + l.note()) : l)
                .toList();
        return new ContractReview(ContractReview.Verdict.ACCEPT_WITH_CHANGES, review.order(), review.releases(), lines,
                review.findings(), review.value());
    }

    private void record(OrderMessage m, long orderId, long documentId, Result result, ContractReview review,
            List<OrderChanges.Conflict> conflicts) {
        store.recordEvents(m.partnerId(), m.poNumber(), orderId, documentId, events(result, review, conflicts));
    }

    /** The timeline entries of a checked document: each finding of the contract check, then what became of it. */
    private static List<OrderStore.NewEvent> events(Result result, ContractReview review,
            List<OrderChanges.Conflict> conflicts) {
        List<OrderStore.NewEvent> events = new ArrayList<>();
        if (review != null) {
            for (ContractReview.Finding f : review.findings()) {
                events.add(new OrderStore.NewEvent("CONTRACT_" + f.code(), f.toString(), false));
            }
        }
        events.add(new OrderStore.NewEvent(result.name(), summary(result, review, conflicts), result == Result.HELD));
        return events;
    }

    private static Result result(ContractReview review) {
        return switch (review.verdict()) {
            case HOLD -> Result.HELD;
            case REJECT -> Result.REJECTED;
            default -> Result.ACCEPTED;
        };
    }

    private static String orderStatus(Result result) {
        return switch (result) {
            case HELD -> "HELD";
            case REJECTED -> "REJECTED";
            default -> "OPEN";
        };
    }

    private static boolean isOpen(Release r) {
        return r.status() == Release.Status.PLANNED || r.status() == Release.Status.HELD
                || r.status() == Release.Status.CANCELLED;
    }

    private static List<Release> withStatus(List<Release> releases, Release.Status status) {
        return releases.stream().map(r -> new Release(r.releaseId(), r.poNumber(), r.month(), r.lines(), status)).toList();
    }

    static String summary(Result result, ContractReview review, List<OrderChanges.Conflict> conflicts) {
        StringBuilder sb = new StringBuilder(switch (result) {
            case ACCEPTED -> review != null && review.verdict() == ContractReview.Verdict.ACCEPT_WITH_CHANGES
                    ? "accepted with the contract's changes" : "accepted";
            case HELD -> "held for a decision";
            case REJECTED -> "rejected";
            case REFUSED -> "refused";
        });
        if (review != null && !review.findings().isEmpty()) {
            sb.append(": ").append(review.findings().stream().map(ContractReview.Finding::toString)
                    .collect(Collectors.joining("; ")));
        }
        if (!conflicts.isEmpty()) {
            sb.append(review != null && !review.findings().isEmpty() ? "; " : ": ")
                    .append(conflicts.stream().map(OrderChanges.Conflict::toString).collect(Collectors.joining("; ")));
        }
        return sb.toString();
    }

    /**
     * The 855 content for an order as checked: every requested line with its status, the price we will
     * bill and the schedule we confirm.
     */
    PoAcknowledgment acknowledgment(OrderMessage message, PurchaseOrder requested, ContractReview review,
            OrderChanges.Result changed, PartnerProfile partner, Result result) {
        List<OrderChanges.Conflict> conflicts = changed == null ? List.of() : changed.conflicts();
        PurchaseOrder kept = changed == null ? requested : changed.order();
        Map<String, ContractReview.LineReview> reviews = review == null ? Map.of()
                : review.lines().stream().collect(Collectors.toMap(ContractReview.LineReview::lineNumber, l -> l, (a, b) -> a));
        Map<String, OrderLine> keptLines = kept.lines().stream().collect(Collectors.toMap(OrderLine::lineNumber, l -> l,
                (a, b) -> a));
        List<PoAcknowledgment.LineAck> lines = new ArrayList<>();
        boolean changedAny = false;
        for (OrderLine line : requested.lines()) {
            ContractReview.LineReview lr = reviews.get(line.lineNumber());
            LineStatus status = lr == null ? LineStatus.IA : lr.status();
            String note = lr == null ? null : lr.note();
            List<OrderChanges.Conflict> mine = conflicts.stream().filter(c -> c.lineNumber().equals(line.lineNumber()))
                    .toList();
            if (!mine.isEmpty() && status != LineStatus.R1) {
                status = LineStatus.IQ;
                note = mine.stream().map(OrderChanges.Conflict::toString).collect(Collectors.joining("; "));
            }
            if (result == Result.REJECTED) {
                status = status == LineStatus.R1 ? LineStatus.R1 : LineStatus.IR;
            }
            changedAny |= status != LineStatus.IA;
            OrderLine asKept = keptLines.getOrDefault(line.lineNumber(), line);
            BigDecimal price = lr != null && lr.contractPrice() != null ? lr.contractPrice() : line.unitPrice();
            List<ScheduleLine> schedule = status == LineStatus.R1 || status == LineStatus.IR ? List.of() : asKept.schedule();
            lines.add(new PoAcknowledgment.LineAck(line.lineNumber(), line.buyerPart(), line.vendorPart(),
                    status == LineStatus.IQ ? asKept.quantity() : line.quantity(), line.unit(), price, status, note, schedule,
                    line.description()));
        }
        PoAcknowledgment.Type type = result == Result.REJECTED ? PoAcknowledgment.Type.RD
                : changedAny || !conflicts.isEmpty() ? PoAcknowledgment.Type.AC : PoAcknowledgment.Type.AD;
        if (message.purpose() == PurchaseOrder.Purpose.CANCELLATION) {
            type = conflicts.isEmpty() ? PoAcknowledgment.Type.AD : PoAcknowledgment.Type.AC;
        }
        return new PoAcknowledgment(partner.id(), requested.poNumber(), requested.releaseNumber(), message.purpose(), type,
                requested.orderDate(), LocalDate.now(clock),
                partner.contract() == null ? requested.contractNumber() : partner.contract().number(),
                partner.contract() == null ? null : partner.contract().supplierNumber(), requested.currency(), lines);
    }

    /** The business key of a document: its revision when it has one, else its content. */
    static String revisionKey(OrderMessage message) {
        if (message.revision() != null && !message.revision().isBlank()) {
            return "r:" + message.revision().strip();
        }
        if (message.purpose() == PurchaseOrder.Purpose.ORIGINAL) {
            return "original";
        }
        OrderMessage withoutSource = message instanceof PurchaseOrder o ? o.withSource(null)
                : ((io.edihub.canonical.OrderChange) message).withSource(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.MAPPER.writeValueAsBytes(withoutSource));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String what(OrderMessage m) {
        return m.releaseNumber() == null || m.releaseNumber().isEmpty() ? "PO " + m.poNumber()
                : "release " + m.releaseNumber() + " of PO " + m.poNumber();
    }

    private static String source(OrderMessage m) {
        return m.source() == null ? "an unknown source" : m.source().format()
                + (m.source().fileName() == null ? "" : " " + m.source().fileName());
    }
}

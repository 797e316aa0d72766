package io.edihub.desk;

import io.edihub.cash.CashApplication;
import io.edihub.cash.PaymentBook;
import io.edihub.claims.Claim;
import io.edihub.claims.ClaimQueries;
import io.edihub.claims.ClaimSettlements;
import io.edihub.intake.OrderDecisions;
import io.edihub.ops.Alerts;
import io.edihub.ops.DeadLetterReplays;
import io.edihub.ops.DeadLetters;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.policy.OrderDesk;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's desk: its home lists what waits for a person, each with its action; then the orders, one PO, and
 * the partners. Every action is a form posted with the session's CSRF token, answered with a redirect (so a reload
 * does not post twice) and a line saying what happened.
 */
@Controller
@RequestMapping("/desk")
class DeskController {

    private static final List<Claim.Status> UNSETTLED = List.of(Claim.Status.OPEN, Claim.Status.SETTLING);

    private final DeskQueries queries;
    private final OrderPages orderPages;
    private final StatementPages statementPages;
    private final GuidePages guidePages;
    private final PartnerDirectory partners;
    private final OrderDecisions decisions;
    private final Alerts alerts;
    private final DeadLetters deadLetters;
    private final DeadLetterReplays replays;
    private final ClaimQueries claims;
    private final ClaimSettlements settlements;
    private final ObjectProvider<HealthEndpoint> health;
    private final CashApplication cash;

    DeskController(DeskQueries queries, OrderPages orderPages, StatementPages statementPages, GuidePages guidePages,
            PartnerDirectory partners,
            OrderDecisions decisions, Alerts alerts, DeadLetters deadLetters, DeadLetterReplays replays,
            ClaimQueries claims, ClaimSettlements settlements, ObjectProvider<HealthEndpoint> health,
            CashApplication cash) {
        this.queries = queries;
        this.orderPages = orderPages;
        this.statementPages = statementPages;
        this.guidePages = guidePages;
        this.partners = partners;
        this.decisions = decisions;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.claims = claims;
        this.settlements = settlements;
        this.health = health;
        this.cash = cash;
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        List<String> partnerIds = partners.all().stream().map(PartnerProfile::id).sorted().toList();
        List<DeskQueries.PartnerCounts> counts = queries.partnerCounts(partnerIds);
        model.addAttribute("counts", counts);
        model.addAttribute("totals", counts.stream().reduce(new DeskQueries.PartnerCounts("all", 0, 0, 0, 0, 0, 0),
                (a, b) -> new DeskQueries.PartnerCounts("all", a.held() + b.held(), a.alerts() + b.alerts(),
                        a.deadLetters() + b.deadLetters(), a.claims() + b.claims(), a.overdue() + b.overdue(),
                        a.unapplied() + b.unapplied())));
        model.addAttribute("held", queries.heldOrders());
        // newest first, as the alerts list them
        model.addAttribute("alerts", alerts.list(Alerts.Status.OPEN, null, null, DeskQueries.WAITING_SHOWN));
        model.addAttribute("deadLetters", deadLetters.list(DeadLetters.Status.PARKED, null, null,
                DeskQueries.WAITING_SHOWN));
        model.addAttribute("claims", claims.list(UNSETTLED, null, null, DeskQueries.WAITING_SHOWN));
        model.addAttribute("overdue", queries.overdueInvoices());
        List<DeskQueries.UnappliedPayment> unapplied = queries.unappliedPayments();
        model.addAttribute("unapplied", unapplied);
        model.addAttribute("openInvoices", queries.openInvoices(unapplied.stream()
                .map(DeskQueries.UnappliedPayment::partnerId).distinct().toList()));
        model.addAttribute("settlementKey", UUID.randomUUID().toString());
        model.addAttribute("decisionsBefore", decisionsFor(Claim.Kind.BEFORE_INVOICE));
        model.addAttribute("decisionsAfter", decisionsFor(Claim.Kind.AFTER_INVOICE));
        return "desk/home";
    }

    @PostMapping("/orders/{partner}/{po}/decision")
    String decide(@PathVariable String partner, @PathVariable String po,
            @RequestParam(defaultValue = "") String releaseNumber, @RequestParam String decision,
            @RequestParam(defaultValue = "") String comment, Principal who, RedirectAttributes flash) {
        OrderDesk.Decision d;
        try {
            d = OrderDesk.Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refused(flash, "a decision is APPROVE or REJECT, not '" + decision + "'");
        }
        if (d == OrderDesk.Decision.REJECT && comment.isBlank()) {
            return refused(flash, "PO " + po + " was not rejected: say why in the comment (the customer is told)");
        }
        try {
            OrderDecisions.Decided decided = decisions.decide(partner, po, releaseNumber, d, who.getName(),
                    comment.isBlank() ? null : comment);
            return message(flash, "PO " + po + " (" + partner + "): " + decided.outcome().result().name()
                    .toLowerCase(Locale.ROOT) + (decided.acknowledgment() == null ? ""
                            : "; " + decided.acknowledgment().fileName() + " goes to the customer"));
        } catch (OrderDesk.DecisionRefusedException | IllegalArgumentException e) {
            return refused(flash, "PO " + po + " (" + partner + "): " + e.getMessage());
        }
    }

    @PostMapping("/alerts/{id}/close")
    String closeAlert(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal who,
            RedirectAttributes flash) {
        if (reason.isBlank()) {
            return refused(flash, "alert " + id + " was not closed: say why (the reason is kept with it)");
        }
        return alerts.close(id, who.getName(), reason)
                .map(a -> message(flash, "alert " + id + " (" + a.kind() + ") closed"))
                .orElseGet(() -> refused(flash, "alert " + id + " is not open"));
    }

    @PostMapping("/dead-letters/{id}/replay")
    String replay(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean bypassDuplicates, Principal who, RedirectAttributes flash) {
        // every replay is audited with who and why, as over the API; the input is not touched without both
        if (reason.isBlank()) {
            return refused(flash, "dead letter #" + id + " was not replayed: say why (the reason is kept with the replay"
                    + (bypassDuplicates ? ", and bypassing the duplicate check needs one all the more)" : ")"));
        }
        try {
            DeadLetters.Replay replay = replays.replay(id, who.getName(), reason, bypassDuplicates);
            return message(flash, "dead letter #" + id + " replayed: " + replay.outcome()
                    + (replay.detail() == null ? "" : " (" + replay.detail() + ")"));
        } catch (DeadLetterReplays.ReplayRefusedException e) {
            return refused(flash, "dead letter #" + id + ": " + e.getMessage());
        }
    }

    @PostMapping("/dead-letters/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Principal who,
            RedirectAttributes flash) {
        if (reason.isBlank()) {
            return refused(flash, "dead letter #" + id + " was not discarded: say why (the reason is kept with it)");
        }
        try {
            replays.discard(id, who.getName(), reason);
            return message(flash, "dead letter #" + id + " discarded");
        } catch (DeadLetterReplays.ReplayRefusedException e) {
            return refused(flash, "dead letter #" + id + ": " + e.getMessage());
        }
    }

    @PostMapping("/claims/{id}/settlement")
    String settle(@PathVariable long id, @RequestParam String settlementKey, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
        String claim = claims.find(id).map(Claim::claimNumber).orElse("claim " + id);
        Claim.Decision d;
        try {
            d = Claim.Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refused(flash, claim + " was not settled: choose a decision"
                    + (decision.isBlank() ? "" : " ('" + decision + "' is none)"));
        }
        if (reason.isBlank()) {
            return refused(flash, claim + " was not settled: say why (the customer is told)");
        }
        ClaimSettlements.Result result = settlements.settle(id, new ClaimSettlements.Decision(settlementKey, d, reason,
                List.of()), who.getName());
        return result.claim() != null
                ? message(flash, result.claim().claimNumber() + ": " + d.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ", now " + result.claim().status().name().toLowerCase(Locale.ROOT))
                : refused(flash, claim + ": " + result.message());
    }

    @PostMapping("/payments/{id}/application")
    String applyCash(@PathVariable long id, @RequestParam String applicationKey,
            @RequestParam(defaultValue = "") String invoiceNumber, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String note, Principal who, RedirectAttributes flash) {
        if (invoiceNumber.isBlank()) {
            return refused(flash, "payment #" + id + ": name the invoice its cash goes to");
        }
        BigDecimal apply;
        try {
            apply = amount.isBlank() ? null : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            return refused(flash, "payment #" + id + ": the amount is a number like 100.00, not '" + amount + "'");
        }
        try {
            PaymentBook.Payment payment = cash.applyUnapplied(id, invoiceNumber.strip(), apply, applicationKey,
                    who.getName(), note.isBlank() ? null : note);
            return message(flash, "payment " + payment.traceNumber() + ": applied to " + invoiceNumber.strip() + "; "
                    + payment.unapplied().toPlainString() + " " + payment.currency() + " still unapplied");
        } catch (CashApplication.Refused e) {
            return refused(flash, "payment #" + id + ": " + e.getMessage());
        }
    }

    @GetMapping("/orders")
    String orders(@RequestParam(required = false) String partner, @RequestParam(required = false) String po,
            @RequestParam(required = false) String status, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) BigDecimal minValue,
            @RequestParam(required = false) BigDecimal maxValue, @RequestParam(defaultValue = "0") int page,
            Model model) {
        DeskQueries.OrderFilter filter = new DeskQueries.OrderFilter(blankToNull(partner), blankToNull(po),
                blankToNull(status), from, to, minValue, maxValue, page);
        model.addAttribute("filter", filter);
        model.addAttribute("orders", queries.orders(filter));
        model.addAttribute("partnerIds", partners.all().stream().map(PartnerProfile::id).sorted().toList());
        model.addAttribute("statuses", List.of("OPEN", "HELD", "REJECTED", "CANCELLED", "CLOSED"));
        return "desk/orders";
    }

    @GetMapping("/orders/{partner}/{po}")
    String order(@PathVariable String partner, @PathVariable String po, Model model, HttpServletResponse response) {
        if (orderPages.fill(partner, po, true, model)) {
            return "desk/order";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("what", "PO " + po + " of " + partner);
        return "desk/not-found";
    }

    @GetMapping("/partners")
    String partnerList(Model model) {
        model.addAttribute("partners", partners.all().stream().sorted(Comparator.comparing(PartnerProfile::id)).toList());
        model.addAttribute("channels", queries.channels());
        // the readiness probe's own SFTP check per partner (cached by it): the page never opens a session itself
        java.util.Map<String, String> sftp = new java.util.HashMap<>();
        HealthEndpoint health = this.health.getIfAvailable();
        for (PartnerProfile p : partners.all()) {
            org.springframework.boot.actuate.health.HealthComponent h = health == null ? null
                    : health.healthForPath("sftp", p.id());
            sftp.put(p.id(), h == null ? "not checked" : h.getStatus().getCode().equals("UP") ? "reachable"
                    : "NOT reachable (" + h.getStatus().getCode().toLowerCase(Locale.ROOT) + ")");
        }
        model.addAttribute("sftp", sftp);
        return "desk/partners";
    }

    private static List<String> decisionsFor(Claim.Kind kind) {
        return java.util.Arrays.stream(Claim.Decision.values()).filter(d -> d.fits(kind)).map(Enum::name).toList();
    }

    @GetMapping("/partners/{partner}/guide")
    String guide(@PathVariable String partner, Model model, HttpServletResponse response) {
        if (guidePages.fill(partner, model)) {
            return "desk/guide";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("what", "partner " + partner);
        return "desk/not-found";
    }

    @GetMapping("/partners/{partner}/statement")
    String statement(@PathVariable String partner, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Model model, HttpServletResponse response) {
        if (statementPages.fill(partner, from, to, model)) {
            return "desk/statement";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("what", "contract of " + partner);
        return "desk/not-found";
    }

    private static String message(RedirectAttributes flash, String message) {
        flash.addFlashAttribute("message", message);
        return "redirect:/desk";
    }

    private static String refused(RedirectAttributes flash, String message) {
        flash.addFlashAttribute("refused", message);
        return "redirect:/desk";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

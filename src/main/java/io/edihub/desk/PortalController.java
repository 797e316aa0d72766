package io.edihub.desk;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's portal, read-only: a partner's user sees its own orders, releases, invoices, payments and documents.
 * The partner is the logged-in user's (a partner's user name is its partner id), never a parameter of the request: a
 * PO number or document id of another partner is simply not found.
 */
@Controller
@RequestMapping("/portal")
class PortalController {

    private final DeskQueries queries;
    private final OrderPages orderPages;
    private final StatementPages statementPages;
    private final GuidePages guidePages;

    PortalController(DeskQueries queries, OrderPages orderPages, StatementPages statementPages, GuidePages guidePages) {
        this.queries = queries;
        this.orderPages = orderPages;
        this.statementPages = statementPages;
        this.guidePages = guidePages;
    }

    @GetMapping("/guide")
    String guide(Principal who, Model model) {
        guidePages.fill(who.getName(), model);
        return "portal/guide";
    }

    @GetMapping("/statement")
    String statement(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Principal who, Model model, HttpServletResponse response) {
        if (statementPages.fill(who.getName(), from, to, model)) {
            return "portal/statement";
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("what", "contract on file");
        return "portal/not-found";
    }

    @GetMapping({"", "/"})
    String orders(@RequestParam(required = false) String po, @RequestParam(required = false) String status,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Principal who, Model model) {
        DeskQueries.OrderFilter filter = new DeskQueries.OrderFilter(who.getName(), DeskController.blankToNull(po),
                DeskController.blankToNull(status), from, to, (BigDecimal) null, null, page);
        model.addAttribute("filter", filter);
        model.addAttribute("orders", queries.orders(filter));
        return "portal/orders";
    }

    @GetMapping("/orders/{po}")
    String order(@PathVariable String po, Principal who, Model model, HttpServletResponse response) {
        if (!orderPages.fill(who.getName(), po, false, model)) {
            // another partner's PO is answered as if there were none: the portal never says what others have
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("what", "PO " + po);
            return "portal/not-found";
        }
        return "portal/order";
    }

    @GetMapping("/invoices")
    String invoices(@RequestParam(defaultValue = "0") int page, Principal who, Model model) {
        model.addAttribute("invoices", queries.invoices(who.getName(), page));
        model.addAttribute("payments", queries.payments(who.getName()));
        return "portal/invoices";
    }
}

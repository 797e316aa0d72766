package io.edihub.desk;

import io.edihub.ops.OrderTimeline;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** One PO's page, the same for the desk and for the partner's portal; the portal's shows no internal timeline. */
@Component
class OrderPages {

    private final DeskQueries queries;
    private final OrderTimeline timelines;

    OrderPages(DeskQueries queries, OrderTimeline timelines) {
        this.queries = queries;
        this.timelines = timelines;
    }

    /**
     * Fills the model for the PO's page.
     *
     * @param partnerId    for the portal, the logged-in partner: another partner's PO is not found
     * @param withTimeline the desk's page shows the grouped timeline and the open alerts; the portal's does not
     * @return false when the partner has no such PO
     */
    boolean fill(String partnerId, String poNumber, boolean withTimeline, Model model) {
        Optional<DeskQueries.OrderRow> found = queries.order(partnerId, poNumber);
        if (found.isEmpty()) {
            return false;
        }
        DeskQueries.OrderRow order = found.get();
        List<DeskQueries.ReleaseRow> releases = queries.releases(order.id());
        model.addAttribute("order", order);
        model.addAttribute("releases", releases);
        model.addAttribute("totals", totals(releases));
        model.addAttribute("chart", MonthChart.of(releases, order.currency()));
        model.addAttribute("documents", queries.documents(partnerId, poNumber));
        model.addAttribute("shipments", queries.shipments(order.id(), partnerId));
        if (withTimeline) {
            timelines.of(partnerId, poNumber).ifPresent(view -> {
                model.addAttribute("openAlerts", view.openAlerts());
                List<TimelineGroups.Group> groups = TimelineGroups.of(view.entries());
                model.addAttribute("timeline", groups);
                model.addAttribute("timelineEntries", view.entries().size());
            });
        }
        return true;
    }

    /** The release table's last row: every column summed. */
    private static DeskQueries.ReleaseRow totals(List<DeskQueries.ReleaseRow> rows) {
        BigDecimal[] sums = new BigDecimal[11];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (DeskQueries.ReleaseRow r : rows) {
            BigDecimal[] v = {r.ordered(), r.orderedValue(), r.shipped(), r.shippedValue(), r.accepted(),
                    r.acceptedValue(), r.rejected(), r.invoiced(), r.invoicedValue(), r.creditedValue(), r.paidValue()};
            for (int i = 0; i < v.length; i++) {
                sums[i] = sums[i].add(v[i]);
            }
        }
        return new DeskQueries.ReleaseRow("total", "", "", null, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5],
                sums[6], sums[7], sums[8], sums[9], sums[10]);
    }
}

package io.edihub.canonical;

import io.edihub.partner.PartnerProfile.ReleaseExtension;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits an order's schedules into monthly releases and names them (DESIGN §4).
 *
 * <p>The sequence anchor is the first delivery month of the order as first accepted; later changes pass
 * the same anchor so a release keeps its id.
 */
public final class ReleasePlanner {

    private ReleasePlanner() {
    }

    /** Plans the releases of a new order, anchored at its own first delivery month. */
    public static List<Release> plan(PurchaseOrder order, ReleaseExtension extension) {
        return plan(order, extension, null);
    }

    /**
     * Plans the releases of an order.
     *
     * @param anchor the month numbered {@code -01} under {@link ReleaseExtension#SEQUENCE}; null for the
     *               order's first delivery month
     * @throws ReleasePlanningException when the extension cannot number the schedule
     */
    public static List<Release> plan(PurchaseOrder order, ReleaseExtension extension, YearMonth anchor) {
        Map<YearMonth, List<Release.ReleaseLine>> byMonth = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            for (ScheduleLine s : line.schedule()) {
                byMonth.computeIfAbsent(YearMonth.from(s.deliveryDate()), m -> new ArrayList<>())
                        .add(new Release.ReleaseLine(line.lineNumber(), line.buyerPart(), line.vendorPart(),
                                s.quantity(), s.unit() != null ? s.unit() : line.unit(), line.unitPrice(),
                                s.deliveryDate()));
            }
        }
        if (byMonth.isEmpty()) {
            return List.of();
        }
        if ("RL".equals(order.type()) && order.releaseNumber() != null) {
            // a release against a blanket order is already one release, numbered by the customer
            List<Release.ReleaseLine> all = byMonth.values().stream().flatMap(List::stream).toList();
            YearMonth first = byMonth.keySet().iterator().next();
            return List.of(new Release(order.poNumber() + "-" + order.releaseNumber(), order.poNumber(), first, all,
                    Release.Status.PLANNED));
        }
        YearMonth first = anchor != null ? anchor : byMonth.keySet().iterator().next();
        YearMonth last = ((TreeMap<YearMonth, ?>) byMonth).lastKey();
        if (extension == ReleaseExtension.CALENDAR_MONTH && ChronoUnit.MONTHS.between(first, last) >= 12) {
            throw new ReleasePlanningException("the schedule runs from " + first + " to " + last
                    + ", longer than the 12 months CALENDAR_MONTH release ids can tell apart", last);
        }
        List<Release> releases = new ArrayList<>(byMonth.size());
        byMonth.forEach((month, lines) -> releases.add(new Release(
                order.poNumber() + "-" + extension(extension, first, month), order.poNumber(), month, lines,
                Release.Status.PLANNED)));
        return releases;
    }

    static String extension(ReleaseExtension extension, YearMonth anchor, YearMonth month) {
        return switch (extension) {
            case SEQUENCE -> {
                long n = ChronoUnit.MONTHS.between(anchor, month) + 1;
                if (n < 1) {
                    throw new ReleasePlanningException("delivery month " + month + " is before the order's first release month "
                            + anchor + ", which numbers its releases", month);
                }
                yield n < 10 ? "0" + n : Long.toString(n);
            }
            case CALENDAR_MONTH -> String.format("%02d", month.getMonthValue());
            case YEAR_MONTH -> String.format("%04d%02d", month.getYear(), month.getMonthValue());
        };
    }

    /** A schedule the partner's release extension cannot number. */
    public static final class ReleasePlanningException extends RuntimeException {

        private final transient YearMonth month;

        public ReleasePlanningException(String message, YearMonth month) {
            super(message);
            this.month = month;
        }

        /** The first delivery month that cannot be numbered. */
        public YearMonth month() {
            return month;
        }
    }
}

package io.edihub.desk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The value per month of an order, planned against shipped against invoiced, as the bars of an SVG chart drawn on
 * the server: the page needs no script to show it, and the numbers are in the table beside it for those who read.
 */
final class MonthChart {

    static final int HEIGHT = 160;
    static final int BAR = 9;
    static final int GAP = 8;

    private MonthChart() {
    }

    /** One month: its label and the heights of its three bars, in pixels. */
    record Month(String month, int x, int planned, int shipped, int invoiced, String title) {
    }

    /** The chart: its months and its width in pixels; empty when the order has no value to draw. */
    record Chart(List<Month> months, int width, int height, String scale) {

        public boolean empty() {
            return months.isEmpty();
        }
    }

    static Chart of(List<DeskQueries.ReleaseRow> releases, String currency) {
        // a month may hold a replacement release besides the original: one group of bars per month
        java.util.Map<String, BigDecimal[]> byMonth = new java.util.LinkedHashMap<>();
        for (DeskQueries.ReleaseRow r : releases) {
            BigDecimal[] v = byMonth.computeIfAbsent(r.month(), m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO});
            v[0] = v[0].add(r.orderedValue());
            v[1] = v[1].add(r.shippedValue());
            v[2] = v[2].add(r.invoicedValue());
        }
        BigDecimal max = byMonth.values().stream().flatMap(v -> java.util.Arrays.stream(v)).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
        if (max.signum() <= 0) {
            return new Chart(List.of(), 0, HEIGHT, "");
        }
        List<Month> months = new ArrayList<>();
        int x = GAP;
        for (var e : byMonth.entrySet()) {
            BigDecimal[] v = e.getValue();
            months.add(new Month(e.getKey(), x, height(v[0], max), height(v[1], max), height(v[2], max),
                    e.getKey() + ": planned " + money(v[0]) + ", shipped " + money(v[1]) + ", invoiced " + money(v[2])
                            + " " + currency));
            x += 3 * BAR + GAP;
        }
        return new Chart(months, x, HEIGHT, "highest bar " + money(max) + " " + currency);
    }

    private static int height(BigDecimal value, BigDecimal max) {
        if (value.signum() <= 0) {
            return 0;
        }
        // anything above nothing shows at least a pixel
        return Math.max(1, value.multiply(BigDecimal.valueOf(HEIGHT)).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }

    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}

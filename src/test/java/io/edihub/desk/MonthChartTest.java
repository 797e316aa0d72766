package io.edihub.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthChartTest {

    @Test
    void barsAreScaledToTheHighestValueAndAMonthsReleasesShareOneGroup() {
        List<DeskQueries.ReleaseRow> releases = List.of(release("PO-01", "2027-01", "1000", "500", "250"),
                release("PO-02", "2027-02", "2000", "0", "0"),
                // a replacement release in January: its value joins January's bars
                release("PO-01-R1", "2027-01", "0", "100", "0"));

        MonthChart.Chart chart = MonthChart.of(releases, "USD");

        assertThat(chart.months()).extracting(MonthChart.Month::month).containsExactly("2027-01", "2027-02");
        MonthChart.Month january = chart.months().get(0);
        assertThat(january.planned()).isEqualTo(80);
        assertThat(january.shipped()).isEqualTo(48);
        assertThat(january.invoiced()).isEqualTo(20);
        assertThat(chart.months().get(1).planned()).isEqualTo(MonthChart.HEIGHT);
        assertThat(chart.months().get(1).shipped()).isZero();
        assertThat(january.title()).isEqualTo("2027-01: planned 1000.00, shipped 600.00, invoiced 250.00 USD");
        assertThat(chart.scale()).isEqualTo("highest bar 2000.00 USD");
    }

    @Test
    void aTinyValueStillShowsAndNothingAtAllDrawsNoChart() {
        MonthChart.Chart chart = MonthChart.of(List.of(release("PO-01", "2027-01", "1000000", "0.01", "0")), "EUR");
        assertThat(chart.months().get(0).shipped()).isEqualTo(1);
        assertThat(MonthChart.of(List.of(release("PO-01", "2027-01", "0", "0", "0")), "EUR").empty()).isTrue();
    }

    private static DeskQueries.ReleaseRow release(String id, String month, String planned, String shipped,
            String invoiced) {
        BigDecimal zero = BigDecimal.ZERO;
        return new DeskQueries.ReleaseRow(id, month, "PLANNED", null, zero, new BigDecimal(planned), zero,
                new BigDecimal(shipped), zero, zero, zero, zero, new BigDecimal(invoiced), zero, zero);
    }
}

package io.edihub.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.partner.PartnerProfile.ReleaseExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleasePlannerTest {

    private static PurchaseOrder order(String type, String release, OrderLine... lines) {
        return new PurchaseOrder("acme", "4500012345", release, PurchaseOrder.Purpose.ORIGINAL, null, type,
                LocalDate.of(2026, 11, 2), null, "USD", null, List.of(), List.of(), List.of(), List.of(), List.of(lines),
                null, null);
    }

    private static OrderLine line(String number, String price, ScheduleLine... schedule) {
        BigDecimal total = List.of(schedule).stream().map(ScheduleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderLine(number, "BP-" + number, "VP-" + number, Map.of(), null, total, "EA", new BigDecimal(price),
                List.of(schedule));
    }

    private static ScheduleLine due(int qty, String date) {
        return new ScheduleLine(BigDecimal.valueOf(qty), "EA", LocalDate.parse(date), null);
    }

    @Test
    void sequenceNumbersByCalendarMonthSoAGapKeepsItsNumber() {
        List<Release> releases = ReleasePlanner.plan(order("BK", null,
                line("1", "10.00", due(5, "2027-01-10"), due(5, "2027-03-10")),
                line("2", "2.50", due(7, "2027-01-31"))), ReleaseExtension.SEQUENCE);

        assertThat(releases).extracting(Release::releaseId).containsExactly("4500012345-01", "4500012345-03");
        assertThat(releases).extracting(Release::month).containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 3));
        assertThat(releases.get(0).lines()).extracting(Release.ReleaseLine::lineNumber).containsExactly("1", "2");
        assertThat(releases.get(0).value()).isEqualByComparingTo("67.50");
        assertThat(releases).allMatch(r -> r.status() == Release.Status.PLANNED);
    }

    @Test
    void twoDatesOfOneLineInOneMonthStayTwoReleaseLines() {
        List<Release> releases = ReleasePlanner.plan(order("BK", null,
                line("1", "1", due(5, "2027-02-01"), due(6, "2027-02-20"))), ReleaseExtension.SEQUENCE);
        assertThat(releases).hasSize(1);
        assertThat(releases.get(0).lines()).extracting(Release.ReleaseLine::dueDate)
                .containsExactly(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-02-20"));
    }

    @Test
    void aFixedAnchorKeepsIdsStableWhenTheFirstMonthGoesAway() {
        PurchaseOrder changed = order("BK", null, line("1", "1", due(5, "2027-03-10")));
        assertThat(ReleasePlanner.plan(changed, ReleaseExtension.SEQUENCE, YearMonth.of(2027, 1)))
                .extracting(Release::releaseId).containsExactly("4500012345-03");
    }

    @Test
    void sequenceCountsPastTwelveAcrossYears() {
        assertThat(ReleasePlanner.plan(order("BK", null, line("1", "1", due(1, "2027-11-01"), due(1, "2029-02-01"))),
                ReleaseExtension.SEQUENCE)).extracting(Release::releaseId).containsExactly("4500012345-01", "4500012345-16");
    }

    @Test
    void calendarAndYearMonthExtensions() {
        PurchaseOrder o = order("BK", null, line("1", "1", due(1, "2027-11-01"), due(1, "2028-02-01")));
        assertThat(ReleasePlanner.plan(o, ReleaseExtension.CALENDAR_MONTH)).extracting(Release::releaseId)
                .containsExactly("4500012345-11", "4500012345-02");
        assertThat(ReleasePlanner.plan(o, ReleaseExtension.YEAR_MONTH)).extracting(Release::releaseId)
                .containsExactly("4500012345-202711", "4500012345-202802");
    }

    @Test
    void calendarMonthRefusesSchedulesOverTwelveMonths() {
        PurchaseOrder o = order("BK", null, line("1", "1", due(1, "2027-01-01"), due(1, "2028-01-01")));
        assertThatThrownBy(() -> ReleasePlanner.plan(o, ReleaseExtension.CALENDAR_MONTH))
                .isInstanceOf(ReleasePlanner.ReleasePlanningException.class).hasMessageContaining("2027-01 to 2028-01");
    }

    @Test
    void aReleaseAgainstABlanketOrderUsesTheCustomersReleaseNumber() {
        List<Release> releases = ReleasePlanner.plan(order("RL", "0007", line("1", "1", due(3, "2027-02-15"))),
                ReleaseExtension.SEQUENCE);
        assertThat(releases).extracting(Release::releaseId).containsExactly("4500012345-0007");
    }
}

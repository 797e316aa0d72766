package io.edihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerProfile.ReleaseExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderChangesTest {

    private static final YearMonth ANCHOR = YearMonth.of(2027, 1);

    /** 100 a month from January to June 2027 on line 1. */
    private static PurchaseOrder blanket() {
        List<ScheduleLine> schedule = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            schedule.add(due(100, LocalDate.of(2027, m, 15)));
        }
        return new PurchaseOrder("acme", "4500012345", null, PurchaseOrder.Purpose.ORIGINAL, null, "BK",
                LocalDate.of(2026, 11, 2), null, "USD", null, List.of(), List.of(), List.of(), List.of(),
                List.of(new OrderLine("1", "BP-1", "EH-1001", Map.of(), "TABLET", new BigDecimal("600"), "EA",
                        new BigDecimal("42.50"), schedule)), null, null);
    }

    private static ScheduleLine due(int quantity, LocalDate date) {
        return new ScheduleLine(BigDecimal.valueOf(quantity), "EA", date, null);
    }

    private static List<Release> releases(PurchaseOrder order, Map<String, Release.Status> statuses) {
        return ReleasePlanner.plan(order, ReleaseExtension.SEQUENCE, ANCHOR).stream()
                .map(r -> new Release(r.releaseId(), r.poNumber(), r.month(), r.lines(),
                        statuses.getOrDefault(r.releaseId(), Release.Status.PLANNED)))
                .toList();
    }

    /** An 860-style change: line 1's schedule with 100 moved from February to April. */
    private static OrderChange moveFebruaryToApril() {
        List<ScheduleLine> schedule = List.of(due(100, LocalDate.of(2027, 1, 15)), due(100, LocalDate.of(2027, 3, 15)),
                due(200, LocalDate.of(2027, 4, 15)), due(100, LocalDate.of(2027, 5, 15)), due(100, LocalDate.of(2027, 6, 15)));
        return new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "1", LocalDate.of(2026, 12, 1),
                List.of(new OrderChange.LineChange("1", OrderChange.Action.CHANGE, "RS", null, null, null, null, null, null,
                        schedule)), null);
    }

    @Test
    void movingQuantityBetweenMonthsKeepsEveryReleaseId() {
        // after the change: Jan 100, Feb none, Mar 100, Apr 200, May 100, Jun 100
        PurchaseOrder order = blanket();
        OrderChange change = moveFebruaryToApril();
        OrderChanges.Result r = OrderChanges.apply(order, releases(order, Map.of()), change, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.releases()).extracting(Release::releaseId).containsExactly("4500012345-01", "4500012345-02",
                "4500012345-03", "4500012345-04", "4500012345-05", "4500012345-06");
        assertThat(r.releases()).extracting(Release::status).containsExactly(Release.Status.PLANNED,
                Release.Status.CANCELLED, Release.Status.PLANNED, Release.Status.PLANNED, Release.Status.PLANNED,
                Release.Status.PLANNED);
        assertThat(r.releases().get(3).lines().get(0).quantity()).isEqualByComparingTo("200");
        assertThat(r.order().lines().get(0).quantity()).isEqualByComparingTo("600");
    }

    @Test
    void aChangeToADispatchedMonthIsNotAppliedButReported() {
        PurchaseOrder order = blanket();
        OrderChanges.Result r = OrderChanges.apply(order, releases(order, Map.of("4500012345-02", Release.Status.SHIPPED)),
                moveFebruaryToApril(), ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(r.conflicts()).hasSize(1);
        assertThat(r.conflicts().get(0).toString()).isEqualTo("release 4500012345-02 (SHIPPED), line 1: the change asks "
                + "for 0 in 2027-02 instead of 100, but the release is already shipped; it stays at 100");
        Release february = r.releases().get(1);
        assertThat(february.status()).isEqualTo(Release.Status.SHIPPED);
        assertThat(february.lines().get(0).quantity()).isEqualByComparingTo("100");
        // the rest of the change still applies: April has its 200
        assertThat(r.releases().get(3).lines().get(0).quantity()).isEqualByComparingTo("200");
        assertThat(r.order().lines().get(0).quantity()).isEqualByComparingTo("700");
    }

    @Test
    void addDeleteAndPriceChangesApplyToTheLinesNamed() {
        PurchaseOrder order = blanket();
        OrderChange change = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "2", null, List.of(
                new OrderChange.LineChange("1", OrderChange.Action.CHANGE, "PC", null, null, new BigDecimal("41.00"), null,
                        null, null, List.of()),
                new OrderChange.LineChange("2", OrderChange.Action.ADD, "AI", new BigDecimal("10"), "EA",
                        new BigDecimal("118.00"), null, "EH-2040", "CART", List.of(due(10, LocalDate.of(2027, 2, 1))))), null);
        OrderChanges.Result r = OrderChanges.apply(order, releases(order, Map.of()), change, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(r.order().lines()).extracting(OrderLine::lineNumber).containsExactly("1", "2");
        assertThat(r.order().lines().get(0).unitPrice()).isEqualByComparingTo("41.00");
        assertThat(r.releases().get(1).lines()).extracting(Release.ReleaseLine::lineNumber).containsExactly("1", "2");
        OrderChange delete = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "3", null,
                List.of(new OrderChange.LineChange("1", OrderChange.Action.DELETE, "DI", null, null, null, null, null, null,
                        List.of())), null);
        OrderChanges.Result deleted = OrderChanges.apply(r.order(), r.releases(), delete, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(deleted.releases()).extracting(Release::status).containsExactly(Release.Status.CANCELLED,
                Release.Status.PLANNED, Release.Status.CANCELLED, Release.Status.CANCELLED, Release.Status.CANCELLED,
                Release.Status.CANCELLED);
    }

    @Test
    void aCancellationCancelsEveryReleaseNotYetDispatched() {
        PurchaseOrder order = blanket();
        PurchaseOrder cancel = new PurchaseOrder("acme", "4500012345", null, PurchaseOrder.Purpose.CANCELLATION, null, "BK",
                LocalDate.of(2026, 11, 20), null, "USD", null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        OrderChanges.Result all = OrderChanges.apply(order, releases(order, Map.of()), cancel, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(all.cancelled()).isTrue();
        OrderChanges.Result partly = OrderChanges.apply(order,
                releases(order, Map.of("4500012345-01", Release.Status.DISPATCHED)), cancel, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(partly.cancelled()).isFalse();
        assertThat(partly.conflicts()).extracting(OrderChanges.Conflict::releaseId).containsExactly("4500012345-01");
    }

    @Test
    void changesThatDoNotFitTheOrderAreRefusedNamingTheLine() {
        PurchaseOrder order = blanket();
        OrderChange unknownLine = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "4", null,
                List.of(new OrderChange.LineChange("9", OrderChange.Action.CHANGE, "PC", null, null, BigDecimal.ONE, null,
                        null, null, List.of())), null);
        assertThatThrownBy(() -> OrderChanges.apply(order, List.of(), unknownLine, ReleaseExtension.SEQUENCE, ANCHOR))
                .isInstanceOf(OrderChanges.ChangeRefusedException.class).hasMessageContaining("no such line");
        OrderChange quantityWithoutSchedule = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE,
                "5", null, List.of(new OrderChange.LineChange("1", OrderChange.Action.CHANGE, "QI", new BigDecimal("700"),
                        null, null, null, null, null, List.of())), null);
        assertThatThrownBy(() -> OrderChanges.apply(order, List.of(), quantityWithoutSchedule, ReleaseExtension.SEQUENCE,
                ANCHOR)).hasMessageContaining("needs the line's new schedule").hasMessageContaining("due on 6 dates");
    }

    @Test
    void reschedulingWithinADispatchedMonthIsReportedNotDropped() {
        PurchaseOrder order = blanket();
        List<ScheduleLine> schedule = new ArrayList<>(order.lines().get(0).schedule());
        schedule.set(1, due(100, LocalDate.of(2027, 2, 25)));
        OrderChange change = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "7", null,
                List.of(new OrderChange.LineChange("1", OrderChange.Action.CHANGE, "RS", null, null, null, null, null, null,
                        schedule)), null);
        OrderChanges.Result r = OrderChanges.apply(order, releases(order, Map.of("4500012345-02", Release.Status.DISPATCHED)),
                change, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(r.conflicts()).extracting(OrderChanges.Conflict::toString).containsExactly("release 4500012345-02 "
                + "(DISPATCHED), line 1: the change moves deliveries within 2027-02 (100 on 2027-02-25 instead of "
                + "100 on 2027-02-15), but the release is already dispatched; it stays at 100 on 2027-02-15");
        assertThat(r.releases().get(1).lines().get(0).dueDate()).isEqualTo(LocalDate.of(2027, 2, 15));
    }

    @Test
    void aChangeToALineWithoutOptionalFieldsKeepsThemAbsent() {
        PurchaseOrder order = blanket().withLines(List.of(new OrderLine("1", null, "EH-1001", Map.of(), null,
                new BigDecimal("10"), "EA", null, List.of(due(10, LocalDate.of(2027, 1, 15))))));
        OrderChange change = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "8", null,
                List.of(new OrderChange.LineChange("1", OrderChange.Action.CHANGE, "QI", new BigDecimal("12"), null, null,
                        null, null, null, List.of())), null);
        OrderLine changed = OrderChanges.apply(order, List.of(), change, ReleaseExtension.SEQUENCE, ANCHOR).order().lines().get(0);
        assertThat(changed.quantity()).isEqualByComparingTo("12");
        assertThat(changed.buyerPart()).isNull();
        assertThat(changed.description()).isNull();
        assertThat(changed.unitPrice()).isNull();
    }

    @Test
    void aPriceChangeDoesNotReachADispatchedReleaseAndSaysSo() {
        PurchaseOrder order = blanket();
        OrderChange change = new OrderChange("acme", "4500012345", null, PurchaseOrder.Purpose.CHANGE, "9", null,
                List.of(new OrderChange.LineChange("1", OrderChange.Action.CHANGE, "PC", null, null, new BigDecimal("40.00"),
                        null, null, null, List.of())), null);
        OrderChanges.Result r = OrderChanges.apply(order, releases(order, Map.of("4500012345-01", Release.Status.DISPATCHED)),
                change, ReleaseExtension.SEQUENCE, ANCHOR);
        assertThat(r.conflicts()).extracting(OrderChanges.Conflict::toString).containsExactly("release 4500012345-01 "
                + "(DISPATCHED), line 1: the new unit price 40 does not apply to this release, already dispatched; "
                + "it keeps what it was released with");
        assertThat(r.releases().get(0).lines().get(0).unitPrice()).isEqualByComparingTo("42.50");
        assertThat(r.releases().get(1).lines().get(0).unitPrice()).isEqualByComparingTo("40.00");
    }
}

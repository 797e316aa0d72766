package io.edihub.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PoAcknowledgment.LineStatus;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.policy.ContractReview.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractCheckTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final PartnerProfile ACME = PARTNERS.byId("acme").orElseThrow();
    private static final PartnerProfile GLOBEX = PARTNERS.byId("globex").orElseThrow();

    private static PurchaseOrder order(String contract, OrderLine... lines) {
        return new PurchaseOrder("acme", "4500012345", null, PurchaseOrder.Purpose.ORIGINAL, null, "BK",
                LocalDate.of(2026, 11, 2), null, "USD", contract, List.of(), List.of(), List.of(), List.of(),
                List.of(lines), null, null);
    }

    /** A line of {@code perMonth} units a month for {@code months} months from the first date. */
    private static OrderLine line(String number, String vendorPart, int perMonth, String unit, String price, String first,
            int months) {
        List<ScheduleLine> schedule = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            schedule.add(new ScheduleLine(BigDecimal.valueOf(perMonth), unit, LocalDate.parse(first).plusMonths(i), null));
        }
        return new OrderLine(number, null, vendorPart, Map.of(), null, BigDecimal.valueOf((long) perMonth * months), unit,
                new BigDecimal(price), schedule);
    }

    private static ContractReview review(PurchaseOrder order, PartnerProfile partner) {
        return ContractCheck.review(order, ReleasePlanner.plan(order, partner.releaseExtension()), partner);
    }

    @Test
    void anOrderAtContractPricesIsAcceptedAndItsReleasesCarryThem() {
        ContractReview r = review(order("GSA-47QSWA-2026", line("1", "EH-1001", 100, "EA", "42.50", "2027-01-15", 12),
                line("2", "EH-2040", 50, "CA", "118.00", "2027-01-15", 12)), ACME);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(r.findings()).isEmpty();
        assertThat(r.lines()).extracting(ContractReview.LineReview::status).containsOnly(LineStatus.IA);
        assertThat(r.releases()).hasSize(12);
        assertThat(r.value()).isEqualByComparingTo("121800.00");
    }

    @Test
    void thePriceValidOnEachDeliveryDayApplies() {
        // 42.50 until 2028-06-30, 44.00 from 2028-07-01: the June release keeps 42.50, July's gets 44.00
        ContractReview r = review(order(null, line("1", "EH-1001", 10, "EA", "42.50", "2028-06-15", 2)), ACME);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT_WITH_CHANGES);
        assertThat(r.lines().get(0).status()).isEqualTo(LineStatus.IP);
        assertThat(r.lines().get(0).note()).contains("42.5 / 44");
        assertThat(r.releases()).extracting(rel -> rel.lines().get(0).unitPrice())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("42.50"), new BigDecimal("44.00"));
    }

    @Test
    void aQuantityBreakLowersTheContractPriceAndTheContractWins() {
        ContractReview r = review(order(null, line("1", "EH-2040", 100, "CA", "118.00", "2027-01-15", 10)), ACME);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT_WITH_CHANGES);
        ContractReview.LineReview line = r.lines().get(0);
        assertThat(line.status()).isEqualTo(LineStatus.IP);
        assertThat(line.contractPrice()).isEqualByComparingTo("112.00");
        assertThat(r.releases().get(0).lines().get(0).unitPrice()).isEqualByComparingTo("112.00");
        assertThat(r.value()).isEqualByComparingTo("112000.00");
    }

    @Test
    void underContractWinsANonContractItemIsRefusedAndTheRestTaken() {
        ContractReview r = review(order(null, line("1", "EH-1001", 10, "EA", "42.50", "2027-01-15", 2),
                line("2", "XX-9999", 5, "EA", "3.00", "2027-01-15", 2)), ACME);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT_WITH_CHANGES);
        assertThat(r.lines()).extracting(ContractReview.LineReview::status).containsExactly(LineStatus.IA, LineStatus.R1);
        assertThat(r.order().lines()).extracting(OrderLine::lineNumber).containsExactly("1");
        assertThat(r.releases()).allSatisfy(rel -> assertThat(rel.lines()).extracting(Release.ReleaseLine::lineNumber)
                .containsOnly("1"));
        ContractReview none = review(order(null, line("2", "XX-9999", 5, "EA", "3.00", "2027-01-15", 2)), ACME);
        assertThat(none.verdict()).isEqualTo(Verdict.REJECT);
    }

    @Test
    void underHoldAnyPriceDifferenceOrUnknownItemHoldsTheOrder() {
        PurchaseOrder cheap = order(null, line("10", "EH-3300", 200, "EA", "9.75", "2027-01-10", 3));
        ContractReview r = review(cheap, GLOBEX);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(r.findings()).extracting(ContractReview.Finding::code).containsExactly("PRICE_DIFFERS");
        assertThat(r.findings().get(0).message()).contains("ordered at 9.75, contract price 10.1");
        assertThat(r.lines().get(0).status()).isEqualTo(LineStatus.IP);
        ContractReview clean = review(order(null, line("10", "EH-3300", 200, "EA", "9.75", "2026-11-20", 1)), GLOBEX);
        assertThat(clean.verdict()).isEqualTo(Verdict.ACCEPT);
        ContractReview unknown = review(order(null, line("10", "NOPE", 1, "EA", "1", "2026-11-20", 1)), GLOBEX);
        assertThat(unknown.verdict()).isEqualTo(Verdict.HOLD);
    }

    @Test
    void limitsValidityCurrencyAndContractNumberHoldEvenWhenTheContractWins() {
        // 5,000 a month for 4 months at 42.50: 212,500 a release, 850,000 the order
        ContractReview big = review(order(null, line("1", "EH-1001", 5000, "EA", "42.50", "2027-01-15", 4)), ACME);
        assertThat(big.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(big.findings()).extracting(ContractReview.Finding::toString)
                .contains("release 4500012345-01: worth 212500.00 at contract prices, over the release limit of 50000.00 "
                        + "[RELEASE_OVER_LIMIT]",
                        "order: worth 850000.00 at contract prices, over the order limit of 500000.00 [ORDER_OVER_LIMIT]");
        ContractReview late = review(order(null, line("1", "EH-1001", 1, "EA", "44.00", "2029-01-15", 1)), ACME);
        assertThat(late.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(late.findings()).extracting(ContractReview.Finding::code).contains("CONTRACT_NOT_VALID");
        ContractReview other = review(order("SOME-OTHER", line("1", "EH-1001", 1, "EA", "42.50", "2027-01-15", 1)), ACME);
        assertThat(other.findings()).extracting(ContractReview.Finding::code).containsExactly("CONTRACT_NUMBER_DIFFERS");
        assertThat(other.verdict()).isEqualTo(Verdict.HOLD);
        ContractReview unit = review(order(null, line("1", "EH-1001", 1, "CA", "42.50", "2027-01-15", 1)), ACME);
        assertThat(unit.findings()).extracting(ContractReview.Finding::code).containsExactly("UNIT_DIFFERS");
    }

    @Test
    void aPartnerWithoutContractHasItsOrdersTakenAsSent() {
        PartnerProfile none = PartnerProfile.unknown("ZZ", "X", "X");
        ContractReview r = review(order(null, line("1", "ANY", 3, "EA", "1.00", "2027-01-15", 1)), none);
        assertThat(r.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(r.value()).isEqualByComparingTo("3.00");
    }

    @Test
    void aHeldOrderIsKeptWholeEvenUnderContractWins() {
        // over the release limit (held) and with a non-contract line: the person sees all of it
        ContractReview r = review(order(null, line("1", "EH-1001", 2000, "EA", "42.50", "2027-01-15", 1),
                line("2", "XX-9999", 5, "EA", "3.00", "2027-01-15", 1)), ACME);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(r.order().lines()).extracting(OrderLine::lineNumber).containsExactly("1", "2");
        assertThat(r.releases().get(0).lines()).extracting(Release.ReleaseLine::lineNumber).containsExactly("1", "2");
        assertThat(r.lines()).extracting(ContractReview.LineReview::status).containsExactly(LineStatus.IA, LineStatus.R1);
    }

    @Test
    void releasesFulfillmentAlreadyHasCountAgainstTheOrderLimit() {
        PurchaseOrder small = order(null, line("1", "EH-1001", 100, "EA", "42.50", "2027-01-15", 1));
        List<Release> releases = ReleasePlanner.plan(small, ACME.releaseExtension());
        assertThat(ContractCheck.review(small, releases, ACME).verdict()).isEqualTo(Verdict.ACCEPT);
        ContractReview r = ContractCheck.review(small, releases, ACME, new BigDecimal("498000.00"));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLD);
        assertThat(r.findings().get(0).message()).contains("502250.00").contains("498000.00 of it already with fulfillment");
    }
}

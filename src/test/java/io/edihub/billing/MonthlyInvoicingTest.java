package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.Invoice;
import io.edihub.canonical.Release;
import io.edihub.order.ReleaseLedger;
import io.edihub.order.ReleaseQuantities;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a consolidated invoice gathers and what it bills: the month due on a day, the acceptances grouped per PO or per
 * contract, per release what its acceptances accepted and no more than is accepted and not invoiced, and the lines at
 * the release lines' (contract) prices, numbered on the invoice and naming their release and PO line.
 */
class MonthlyInvoicingTest {

    private static final LocalDate JAN = LocalDate.of(2027, 1, 1);

    @Test
    void theMonthBilledIsThePreviousOneFromTheIssueDayOnAndTheOneBeforeUntilThen() {
        assertThat(MonthlyInvoicing.billedMonth(LocalDate.of(2027, 2, 5), 5)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(MonthlyInvoicing.billedMonth(LocalDate.of(2027, 2, 28), 5)).isEqualTo(YearMonth.of(2027, 1));
        assertThat(MonthlyInvoicing.billedMonth(LocalDate.of(2027, 2, 4), 5)).isEqualTo(YearMonth.of(2026, 12));
        assertThat(MonthlyInvoicing.billedMonth(LocalDate.of(2027, 1, 1), 1)).isEqualTo(YearMonth.of(2026, 12));
        assertThat(MonthlyInvoicing.billedMonth(LocalDate.of(2027, 3, 27), 28)).isEqualTo(YearMonth.of(2027, 1));
    }

    @Test
    void acceptancesAreGroupedPerPoOrPerContract() {
        List<MonthlyInvoicing.Unbilled> unbilled = List.of(
                new MonthlyInvoicing.Unbilled(1, "ACC-1", "PO-A-01", "PO-A", null, JAN.withDayOfMonth(3)),
                new MonthlyInvoicing.Unbilled(2, "ACC-2", "PO-B-01", "PO-B", "C-OTHER", JAN.withDayOfMonth(4)),
                new MonthlyInvoicing.Unbilled(3, "ACC-3", "PO-A-02", "PO-A", null, JAN.withDayOfMonth(20)),
                new MonthlyInvoicing.Unbilled(4, "ACC-4", "PO-C-01", "PO-C", "C-MAIN", JAN.withDayOfMonth(21)));
        Map<String, List<MonthlyInvoicing.Unbilled>> perPo = MonthlyInvoicing.groups(unbilled, PartnerProfile.Per.PO,
                "C-MAIN");
        assertThat(perPo).containsOnlyKeys("po:PO-A", "po:PO-B", "po:PO-C");
        assertThat(perPo.get("po:PO-A")).extracting(MonthlyInvoicing.Unbilled::acceptanceId).containsExactly("ACC-1", "ACC-3");
        Map<String, List<MonthlyInvoicing.Unbilled>> perContract = MonthlyInvoicing.groups(unbilled,
                PartnerProfile.Per.CONTRACT, "C-MAIN");
        // an order that names no contract is the partner's contract's
        assertThat(perContract).containsOnlyKeys("contract:C-MAIN", "contract:C-OTHER");
        assertThat(perContract.get("contract:C-MAIN")).extracting(MonthlyInvoicing.Unbilled::acceptanceId)
                .containsExactly("ACC-1", "ACC-3", "ACC-4");
    }

    @Test
    void aReleaseIsBilledWhatItsAcceptancesAcceptedNeverMoreThanIsAcceptedAndNotInvoiced() {
        // line 1: 100 accepted, 30 of them invoiced already (accepted after all, say); line 2: 10 accepted
        ReleaseQuantities q = new ReleaseQuantities(List.of(line(1, "1", "42.50", "100", "30"), line(2, "2", "118", "10", "0"),
                line(3, "3", "9", "0", "0")));
        Map<String, BigDecimal> accepted = new LinkedHashMap<>();
        accepted.put("2", new BigDecimal("4"));
        accepted.put("1", new BigDecimal("100"));
        accepted.put("3", new BigDecimal("5"));
        assertThat(MonthlyInvoicing.toInvoice(q, accepted)).containsExactly(Map.entry("1", new BigDecimal("70")),
                Map.entry("2", new BigDecimal("4")));
        assertThat(MonthlyInvoicing.toInvoice(q, Map.of())).isEmpty();
    }

    @Test
    void theLinesAreAtTheReleaseLinesPricesNumberedOnTheInvoiceAndNameTheirReleaseAndPoLine() {
        ReleaseLedger.Entry jan = entry("CI-7-01", new ReleaseQuantities(List.of(line(1, "1", "42.50", "80", "0"),
                line(2, "2", "118", "3", "0"))));
        ReleaseLedger.Entry feb = entry("CI-7-02", new ReleaseQuantities(List.of(line(3, "1", "42.50", "20", "0"))));
        Map<String, BigDecimal> janBilled = new LinkedHashMap<>();
        janBilled.put("1", new BigDecimal("80"));
        janBilled.put("2", new BigDecimal("3"));
        List<Invoice.Line> lines = Invoicing.consolidatedLines(List.of(
                new Invoicing.Billed(jan, janBilled, Map.of(11L, "ACC-1"), JAN.withDayOfMonth(20)),
                new Invoicing.Billed(feb, Map.of("1", new BigDecimal("20.5")), Map.of(12L, "ACC-2"), JAN.withDayOfMonth(25))));
        assertThat(lines).extracting(l -> l.lineNumber() + " " + l.releaseId() + "/" + l.poLine() + " " + l.poNumber()
                        + " " + l.quantity().toPlainString() + " x " + l.unitPrice().toPlainString() + " = "
                        + l.amount().toPlainString())
                .containsExactly("1 CI-7-01/1 CI-7 80 x 42.50 = 3400.00", "2 CI-7-01/2 CI-7 3 x 118 = 354.00",
                        "3 CI-7-02/1 CI-7 20.5 x 42.50 = 871.25");
        assertThat(lines).extracting(Invoice.Line::buyerPart).containsExactly("BP-1", "BP-2", "BP-1");
        // stored and read back (a credit note reads the invoice it credits) as it was made
        Invoice invoice = new Invoice("EDH-00000042", "acme", null, "CI-7", JAN, null, "C-1", "V-1", "USD",
                JAN.plusMonths(1).withDayOfMonth(5), null, null, JAN.withDayOfMonth(25), JAN.plusMonths(1).withDayOfMonth(5),
                JAN.plusMonths(2).withDayOfMonth(7), null, null, lines, new BigDecimal("4625.25"),
                new Invoice.Consolidated("PO", "2027-01", List.of("ACC-1", "ACC-2"), List.of("CI-7-01", "CI-7-02")));
        assertThat(io.edihub.canonical.CanonicalJson.read(io.edihub.canonical.CanonicalJson.compact(invoice), Invoice.class))
                .isEqualTo(invoice);
        Invoice single = new Invoice("EDH-00000043", "acme", "ACC-9", "CI-7", JAN, "CI-7-01", null, null, "USD", JAN, null,
                null, JAN, JAN, JAN, null, null, List.of(new Invoice.Line("1", null, null, null, BigDecimal.ONE, "EA",
                        BigDecimal.TEN, BigDecimal.TEN)), BigDecimal.TEN);
        assertThat(io.edihub.canonical.CanonicalJson.compact(single)).doesNotContain("consolidated", "poLine");
        assertThat(io.edihub.canonical.CanonicalJson.read(io.edihub.canonical.CanonicalJson.compact(single), Invoice.class))
                .isEqualTo(single);
    }

    private static ReleaseQuantities.Line line(long id, String lineNumber, String price, String accepted, String invoiced) {
        BigDecimal a = new BigDecimal(accepted);
        BigDecimal shipped = a.max(BigDecimal.ONE);
        return new ReleaseQuantities.Line(id, lineNumber, "BP-" + lineNumber, "VP-" + lineNumber, null, "EA",
                new BigDecimal(price), JAN.withDayOfMonth(15), shipped, shipped, shipped, a, BigDecimal.ZERO,
                new BigDecimal(invoiced));
    }

    private static ReleaseLedger.Entry entry(String releaseId, ReleaseQuantities q) {
        return new ReleaseLedger.Entry("acme", releaseId, 1L, "CI-7", JAN, "OPEN", Release.Status.ACCEPTED,
                YearMonth.from(JAN), JAN.withDayOfMonth(15), q, null, 0);
    }
}

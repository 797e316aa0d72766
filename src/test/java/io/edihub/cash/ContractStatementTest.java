package io.edihub.cash;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.cash.ContractStatement.BilledLine;
import io.edihub.cash.ContractStatement.Delivery;
import io.edihub.cash.ContractStatement.InvoiceMoney;
import io.edihub.partner.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statement's arithmetic on a small contract: quantities at the contract price of their due date (a quantity
 * break, a replacement release left out of what was ordered), invoice money shared among parts, aging, days sales
 * outstanding, the one price deviation and the value of the terms.
 */
class ContractStatementTest {

    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 3, 31);

    /** Net 30, 2 % within 10; tablets 42.50 (44.00 from July 2028), cases 118.00 or 112.00 from 1000. */
    private static final Contract CONTRACT = new Contract("GSA-1", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31),
            "USD", List.of(
                    new Contract.Price("EH-1001", "ACM-77812", "TABLET", "EA", new BigDecimal("42.50"), null,
                            LocalDate.of(2028, 6, 30), List.of()),
                    new Contract.Price("EH-1001", "ACM-77812", "TABLET", "EA", new BigDecimal("44.00"),
                            LocalDate.of(2028, 7, 1), null, List.of()),
                    new Contract.Price("EH-2040", "ACM-77813", "CASES", "CA", new BigDecimal("118.00"), null, null,
                            List.of(new Contract.QuantityBreak(new BigDecimal("1000"), new BigDecimal("112.00"))))),
            new Contract.PaymentTerms(30, new BigDecimal("2"), 10, "NET 30 2% 10", Contract.DueFrom.INVOICE), "V-1", null, null,
            Contract.PriceMismatch.CONTRACT_WINS);

    private static final ContractStatement.StandardTerms STANDARD = new ContractStatement.StandardTerms(20,
            new BigDecimal("0.08"));

    @Test
    void statesQuantitiesMoneyAgingDsoDeviationsAndTheTermsConcession() {
        List<Delivery> deliveries = List.of(
                tablets("R1", LocalDate.of(2027, 1, 15), "100", "100", "100", "80", "20", "5", false),
                new Delivery("R1", "2", LocalDate.of(2027, 1, 15), "EH-2040", "ACM-77813", "CASES", "CA",
                        d("1000"), d("112.00"), d("1000"), d("1000"), d("1000"), d("1000"), d("0"), d("0"), false),
                tablets("R1-R1", LocalDate.of(2027, 2, 1), "15", "15", "15", "15", "0", "0", true),
                // due after the period: not counted
                tablets("R3", LocalDate.of(2027, 5, 15), "100", "0", "0", "0", "0", "0", false));
        List<InvoiceMoney> invoices = List.of(
                // 2 tablets credited, 112000 paid, the rest open and 40 days past due on the 31st of March
                new InvoiceMoney("INV-1", LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 19), d("115400.00"),
                        d("85.00"), d("112000.00"), d("0"), d("0"), d("3315.00")),
                // paid within the discount window
                new InvoiceMoney("INV-2", LocalDate.of(2027, 2, 5), LocalDate.of(2027, 3, 7), d("637.50"), d("0"),
                        d("624.75"), d("12.75"), d("0"), d("0")),
                // not yet due on the 31st of March, and billed at 43.00
                new InvoiceMoney("INV-3", LocalDate.of(2027, 3, 10), LocalDate.of(2027, 4, 9), d("215.00"), d("0"),
                        d("0"), d("0"), d("0"), d("215.00")));
        List<BilledLine> lines = List.of(
                new BilledLine("INV-1", "R1", "1", d("80"), d("42.50"), d("3400.00"), d("2"), d("85.00")),
                new BilledLine("INV-1", "R1", "2", d("1000"), d("112.00"), d("112000.00"), d("0"), d("0")),
                new BilledLine("INV-2", "R1-R1", "1", d("15"), d("42.50"), d("637.50"), d("0"), d("0")),
                new BilledLine("INV-3", "R1", "1", d("5"), d("43.00"), d("215.00"), d("0"), d("0")));

        ContractStatement statement = ContractStatement.of("acme", CONTRACT, FROM, TO, STANDARD, deliveries, invoices,
                lines).rounded();

        assertThat(statement.days()).isEqualTo(90);
        ContractStatement.Money total = statement.total();
        assertThat(total.ordered()).isEqualByComparingTo("116250.00");
        assertThat(total.invoiced()).isEqualByComparingTo("116252.50");
        assertThat(total.credited()).isEqualByComparingTo("85.00");
        assertThat(total.paid()).isEqualByComparingTo("112624.75");
        assertThat(total.discounts()).isEqualByComparingTo("12.75");
        assertThat(total.deductionsOpen()).isEqualByComparingTo("0");
        assertThat(total.open()).isEqualByComparingTo("3530.00");
        assertThat(total.aging()).isEqualTo(new ContractStatement.Aging(m("215.00"), m("3315.00"), m("0.00"),
                m("0.00")));
        // 3530.00 / 116252.50 × 90 days
        assertThat(total.dso()).isEqualByComparingTo("2.73");

        assertThat(statement.parts()).extracting(ContractStatement.PartFigures::part).containsExactly("EH-1001", "EH-2040");
        ContractStatement.PartFigures tablets = statement.parts().get(0);
        assertThat(tablets.quantities()).isEqualTo(new ContractStatement.Quantities(d("100"), d("115"), d("115"),
                d("100"), d("15"), d("100"), d("2")));
        assertThat(tablets.values().ordered()).isEqualByComparingTo("4250.00");
        assertThat(tablets.values().released()).isEqualByComparingTo("4887.50");
        assertThat(tablets.values().accepted()).isEqualByComparingTo("4250.00");
        assertThat(tablets.values().rejected()).isEqualByComparingTo("637.50");
        assertThat(tablets.values().invoiced()).isEqualByComparingTo("4252.50");
        assertThat(tablets.realizedUnitPrice()).isEqualByComparingTo("42.525");
        assertThat(tablets.contractPrices()).containsExactly(new BigDecimal("42.50"));
        // INV-1's money shared by what each line still bills: 3315.00 of 115315.00 for the tablets
        assertThat(tablets.values().paid()).isEqualByComparingTo("3844.45"); // 3219.7026... + 624.75
        assertThat(tablets.values().aging().days31To60()).isEqualByComparingTo("95.30");
        assertThat(tablets.values().aging().days0To30()).isEqualByComparingTo("215.00");
        ContractStatement.PartFigures cases = statement.parts().get(1);
        assertThat(cases.values().ordered()).as("the quantity break").isEqualByComparingTo("112000.00");
        assertThat(cases.values().paid()).isEqualByComparingTo("108780.30");
        assertThat(cases.values().aging().days31To60()).isEqualByComparingTo("3219.70");
        assertThat(cases.realizedUnitPrice()).isEqualByComparingTo("112");

        assertThat(statement.priceDeviations()).containsExactly(new ContractStatement.PriceDeviation("INV-3", "1", "R1",
                "EH-1001", LocalDate.of(2027, 1, 15), new BigDecimal("43.00"), new BigDecimal("42.50")));
        assertThat(tablets.priceDeviations()).isEqualTo(1);

        // against net 20 at 8 %: 115400 × 0.08 × 10 / 365; the discount earned (paid within 10 days) 12.75 less
        // 637.50 × 0.08 × 10 / 365; 215 × 0.08 × 10 / 365
        assertThat(statement.termsConcession()).extracting(ContractStatement.TermsValue::value)
                .containsExactly(m("252.93"), m("11.35"), m("0.47"));
        assertThat(statement.termsConcession().get(1).daysGranted()).isEqualTo(10);
        assertThat(statement.termsConcessionTotal()).isEqualByComparingTo("264.76");

        String csv = statement.csv();
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv).startsWith("part,buyer_part,description,unit,ordered_quantity,ordered_value,");
        assertThat(csv.lines().toList().get(3)).startsWith("TOTAL,,,,,116250.00,").endsWith(",1,264.76");
    }

    @Test
    void agingBucketsAreDaysPastDueOnTheLastDay() {
        LocalDate due = LocalDate.of(2027, 1, 1);
        assertThat(ContractStatement.bucket(due, due.minusDays(5))).as("not yet due").isZero();
        assertThat(ContractStatement.bucket(due, due.plusDays(30))).isZero();
        assertThat(ContractStatement.bucket(due, due.plusDays(31))).isEqualTo(1);
        assertThat(ContractStatement.bucket(due, due.plusDays(60))).isEqualTo(1);
        assertThat(ContractStatement.bucket(due, due.plusDays(61))).isEqualTo(2);
        assertThat(ContractStatement.bucket(due, due.plusDays(90))).isEqualTo(2);
        assertThat(ContractStatement.bucket(due, due.plusDays(91))).isEqualTo(3);
    }

    @Test
    void noSalesNoDaysSalesOutstanding() {
        assertThat(ContractStatement.daysSalesOutstanding(d("10"), d("0"), 30)).isNull();
        assertThat(ContractStatement.daysSalesOutstanding(d("500"), d("1000"), 30)).isEqualByComparingTo("15");
    }

    @Test
    void anEmptyPeriodIsAllZero() {
        ContractStatement statement = ContractStatement.of("acme", CONTRACT, FROM, FROM, STANDARD, List.of(), List.of(),
                List.of()).rounded();
        assertThat(statement.days()).isEqualTo(1);
        assertThat(statement.parts()).isEmpty();
        assertThat(statement.total().invoiced()).isEqualByComparingTo("0");
        assertThat(statement.total().dso()).isNull();
        assertThat(statement.termsConcessionTotal()).isEqualByComparingTo("0");
    }

    private static Delivery tablets(String release, LocalDate due, String quantity, String released, String shipped,
            String accepted, String rejected, String reaccepted, boolean replacement) {
        return new Delivery(release, "1", due, "EH-1001", "ACM-77812", "TABLET", "EA", d("300"), d("42.50"), d(quantity),
                d(released), d(shipped), d(accepted), d(rejected), d(reaccepted), replacement);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal m(String value) {
        return new BigDecimal(value);
    }
}

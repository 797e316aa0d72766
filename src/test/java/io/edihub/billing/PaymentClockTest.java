package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.Contract;
import io.edihub.partner.Contract.DueFrom;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The payment clock: which day the terms run from under each rule, and the dates and discount that follow. */
class PaymentClockTest {

    private static final LocalDate INVOICED = LocalDate.of(2027, 1, 20);
    private static final BigDecimal TOTAL = new BigDecimal("3400.00");

    private static Contract.PaymentTerms net30Discount2In10(DueFrom from) {
        return new Contract.PaymentTerms(30, new BigDecimal("2"), 10, "NET 30 2% 10", from);
    }

    @Test
    void fromInvoiceCountsFromTheInvoiceDateWhateverTheAcceptance() {
        PaymentClock clock = PaymentClock.of(net30Discount2In10(DueFrom.INVOICE), INVOICED, INVOICED.plusDays(5), TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(INVOICED);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2027, 2, 19));
        assertThat(clock.discountDate()).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(clock.discountAllowed()).isEqualByComparingTo("68.00");
        assertThat(clock.acceptanceDate()).isEqualTo(INVOICED.plusDays(5));
    }

    @Test
    void fromAcceptanceCountsFromTheAcceptanceDateEvenWhenItIsBeforeTheInvoice() {
        LocalDate accepted = LocalDate.of(2027, 1, 12);

        PaymentClock clock = PaymentClock.of(net30Discount2In10(DueFrom.ACCEPTANCE), INVOICED, accepted, TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(accepted);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2027, 2, 11));
        assertThat(clock.discountDate()).isEqualTo(LocalDate.of(2027, 1, 22));
    }

    @Test
    void laterOfTakesTheAcceptanceWhenTheGoodsAreAcceptedAfterTheInvoice() {
        LocalDate accepted = LocalDate.of(2027, 1, 25);

        PaymentClock clock = PaymentClock.of(net30Discount2In10(DueFrom.LATER_OF_INVOICE_AND_ACCEPTANCE), INVOICED,
                accepted, TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(accepted);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(clock.discountDate()).isEqualTo(LocalDate.of(2027, 2, 4));
    }

    @Test
    void laterOfTakesTheInvoiceWhenTheGoodsWereAcceptedBeforeIt() {
        PaymentClock clock = PaymentClock.of(net30Discount2In10(DueFrom.LATER_OF_INVOICE_AND_ACCEPTANCE), INVOICED,
                LocalDate.of(2027, 1, 12), TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(INVOICED);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2027, 2, 19));
    }

    @Test
    void laterOfOnTheSameDayIsThatDay() {
        PaymentClock clock = PaymentClock.of(net30Discount2In10(DueFrom.LATER_OF_INVOICE_AND_ACCEPTANCE), INVOICED,
                INVOICED, TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(INVOICED);
    }

    @Test
    void termsWithoutDiscountHaveNoDiscountDateNorAmount() {
        PaymentClock clock = PaymentClock.of(new Contract.PaymentTerms(90, null, null, "NET 90", null), INVOICED,
                INVOICED, TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(INVOICED);
        assertThat(clock.dueDate()).isEqualTo(LocalDate.of(2027, 4, 20));
        assertThat(clock.discountDate()).isNull();
        assertThat(clock.discountAllowed()).isNull();
    }

    @Test
    void theDiscountIsRoundedHalfUpToTheCent() {
        // 2 % of 10.25 is 0.205
        PaymentClock clock = PaymentClock.of(net30Discount2In10(DueFrom.INVOICE), INVOICED, INVOICED,
                new BigDecimal("10.25"));

        assertThat(clock.discountAllowed()).isEqualByComparingTo("0.21").hasScaleOf(2);
    }

    @Test
    void withoutTermsTheInvoiceIsDueOnItsOwnDate() {
        PaymentClock clock = PaymentClock.of(null, INVOICED, LocalDate.of(2027, 1, 25), TOTAL);

        assertThat(clock.termsFrom()).isEqualTo(INVOICED);
        assertThat(clock.dueDate()).isEqualTo(INVOICED);
        assertThat(clock.discountDate()).isNull();
        assertThat(clock.discountAllowed()).isNull();
    }
}
